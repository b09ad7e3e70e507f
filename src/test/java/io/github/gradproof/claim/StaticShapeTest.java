package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code src/test/resources/claim/shapes.txt}: each {@code expr:} is checked as a forward
 * line in the {@code @scope:} (inputs with shapes, {@code A:input[M,K]}); its static shape must
 * print as {@code shape:} (or its integer type as {@code type:}), and under {@code @dims:} give
 * the {@code concrete:} shape.
 */
class StaticShapeTest {

  static Stream<CaseFile.Case> cases() throws IOException {
    return CaseFile.read("/claim/shapes.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void staticShapeAsExpected(CaseFile.Case c) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkForwardLine(CaseFile.text("out = " + c.fields().get("expr")),
        scope(c.directives().get("scope")), sink);
    assertNotNull(line, () -> c + ": " + sink);
    Expr value = ((Line.Definition) line.line()).value();
    StaticType t = line.type(value);
    if (c.fields().containsKey("type")) {
      assertEquals(c.fields().get("type"), "integer " + ((StaticType.IntType) t).value(), c.toString());
      return;
    }
    Shape shape = line.shape(value);
    assertEquals(c.fields().get("shape"), shape.isKnown() ? shape.toString() : "?", c.toString());
    if (c.fields().containsKey("concrete")) {
      int[] concrete = line.shape(value, dims(c.directives().get("dims")));
      assertEquals(c.fields().get("concrete"), concrete == null ? "?"
          : io.github.gradproof.autograd.Tensor.shapeString(concrete), c.toString());
    }
  }

  /** The facts cover every node with a value, and tell scalars from tensors. */
  @org.junit.jupiter.api.Test
  void factsCoverEveryValueAndTellScalars() {
    Scope scope = scope("M:dim K:dim A:input[M,K] v:input[K]");
    CheckedLine line = Claims.checkForwardLine(CaseFile.text("out = 2 * A[0, 1:] + M * v[1:].sum()"), scope,
        new ArrayList<>());
    List<String> scalars = new ArrayList<>();
    List<String> shapes = new ArrayList<>();
    for (Expr e : line.expressions()) {
      assertNotNull(line.type(e));
      if (line.isScalar(e)) {
        scalars.add(e.getClass().getSimpleName() + "@" + e.pos());
      }
      shapes.add(String.valueOf(line.shape(e)));
    }
    assertEquals(List.of("Num@6", "Num@12", "Num@15", "Binary@23", "Name@21", "MethodCall@31", "Num@27"), scalars);
    assertEquals("(len(K[1:]),)", shapes.get(0), "the whole line");
  }

  /** {@code name:kind[axes]} items, axes being dims or integers. */
  static Scope scope(String spec) {
    return CaseFile.scope(spec);
  }

  static Map<String, Integer> dims(String spec) {
    Map<String, Integer> out = new LinkedHashMap<>();
    Arrays.stream(spec.split("\\s+")).map(d -> d.split("=")).forEach(kv -> out.put(kv[0], Integer.parseInt(kv[1])));
    return out;
  }
}
