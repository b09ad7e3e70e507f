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
    assertEquals(new Operand.Text("ij->ji"), Operand.of(new Value.StringValue("ij->ji")));
    assertEquals(new Operand.None(), Operand.of(new Value.NoneValue()));
    assertEquals(new Operand.Sequence(List.of(new Operand.Tensor(new int[] {3}), new Operand.Int(2))),
        Operand.of(new Value.SequenceValue(List.of(Value.constant(io.github.gradproof.autograd.Tensor.zeros(3)),
            new Value.IntValue(2)))));
  }

  private static Expr.Call call(String source) {
    Line line = Claims.parseOnly(CaseFile.text(source), new ArrayList<>());
    return (Expr.Call) ((Line.GradientClaim) line).value();
  }

  @Test
  void argumentsBindAsInPythonInParameterOrder() {
    Map<String, Expr> args = Claims.arguments(call("dx = sum(keepdims=True, a=x, axis=0)")).orElseThrow();
    assertEquals(List.of("a", "axis", "keepdims"), List.copyOf(args.keySet()));
    assertEquals(List.of("a", "axis"), List.copyOf(Claims.arguments(call("dx = sum(x, 0)")).orElseThrow().keySet()));
    Map<String, Expr> operands = Claims.arguments(call("dx = einsum('ij,jk', x, y)")).orElseThrow();
    assertEquals(List.of("subscripts", "operands"), List.copyOf(operands.keySet()));
    assertEquals(2, ((Expr.ListLiteral) operands.get("operands")).items().size());
  }

  @Test
  void argumentsThatDoNotBindOrAnUnknownFunctionHaveNone() {
    assertTrue(Claims.arguments(call("dx = sum(x, 0, True, 1)")).isEmpty());
    assertTrue(Claims.arguments(call("dx = sum(x, axes=0)")).isEmpty());
    assertTrue(Claims.arguments(call("dx = wiggle(x)")).isEmpty());
    assertTrue(Claims.arguments(call("dx = einsum(x=1)")).isEmpty());
  }
}
