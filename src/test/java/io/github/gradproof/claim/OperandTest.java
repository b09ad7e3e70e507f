package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The facts of operands, and call arguments bound to parameters, as the render stage reads them. */
class OperandTest {

  @Test
  void shapesAreComparedByValueAndCopied() {
    int[] shape = {3, 4};
    Operand.Tensor t = new Operand.Tensor(shape);
    shape[0] = 9;
    t.shape()[1] = 9;
    assertArrayEquals(new int[] {3, 4}, t.shape());
    assertEquals(new Operand.Tensor(new int[] {3, 4}), t);
    assertEquals(new Operand.Tensor(new int[] {3, 4}).hashCode(), t.hashCode());
    assertNotEquals(new Operand.Tuple(new int[] {3, 4}), t);
    assertEquals(new Operand.Tuple(new int[] {3, 4}), new Operand.Tuple(new int[] {3, 4}));
    assertNotEquals(new Operand.Tuple(new int[] {4, 3}), new Operand.Tuple(new int[] {3, 4}));
    assertEquals("Tensor[3, 4]", t.toString());
    assertEquals("Tuple[3]", new Operand.Tuple(new int[] {3}).toString());
  }

  @Test
  void valuesBecomeTheirFacts() {
    assertEquals(new Operand.Int(7), Operand.of(new Value.IntValue(7)));
    assertEquals(new Operand.Tuple(new int[] {2}), Operand.of(new Value.ShapeValue(new int[] {2})));
    assertEquals(new Operand.Bool(true), Operand.of(new Value.BoolValue(true)));
    assertEquals(new Operand.Method(false), Operand.of(new Value.MethodValue(false)));
    assertEquals(new Operand.Tensor(new int[] {2, 3}),
        Operand.of(Value.constant(io.github.gradproof.autograd.Tensor.zeros(2, 3))));
  }

  private static Expr.Call call(String source) {
    Line line = Claims.parseOnly(CaseFile.text(source), new ArrayList<>());
    return (Expr.Call) ((Line.GradientClaim) line).value();
  }

  @Test
  void argumentsBindAsInPythonInParameterOrder() {
    Map<String, Expr> args = Claims.arguments(call("dx = sum(keepdims=True, x=x, axis=0)")).orElseThrow();
    assertEquals(List.of("x", "axis", "keepdims"), List.copyOf(args.keySet()));
    assertEquals(List.of("x", "axis"), List.copyOf(Claims.arguments(call("dx = sum(x, 0)")).orElseThrow().keySet()));
  }

  @Test
  void argumentsThatDoNotBindOrAnUnknownFunctionHaveNone() {
    assertTrue(Claims.arguments(call("dx = sum(x, 0, True, 1)")).isEmpty());
    assertTrue(Claims.arguments(call("dx = sum(x, axes=0)")).isEmpty());
    assertTrue(Claims.arguments(call("dx = wiggle(x)")).isEmpty());
  }
}
