package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derived dims ({@code E: NH * DH}), dim expressions in input shapes ({@code [B, 2 * C]}) and the
 * Bernoulli input as the loader reads them: what they evaluate to, and every authoring error at its
 * line and column.
 */
class DimExpressionsTest {

  @TempDir Path tmp;

  /** The dims stand on line 11, from column 13; the inputs on line 12, from column 15. */
  private Setup load(String dims, String inputs) {
    String text = QuizFiles.HEADER + String.join("\n",
        "  - id: q-01-01",
        "    kind: single",
        "    title: {en: \"T\", es: \"T\"}",
        "    prompt: {en: \"P\", es: \"P\"}",
        "    setup:",
        "      dims: " + dims,
        "      inputs: " + inputs,
        "      forward: y = sum(x)",
        "    choices:",
        "      - claim: dx = ones_like(x)",
        "      - claim: dx = 2 * x",
        "    answer: 1") + "\n";
    return QuizFiles.load(tmp, text).questions().get(0).setup();
  }

  /** The problems of a file, each as {@code line:column: message}. */
  private List<String> problems(String dims, String inputs) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> load(dims, inputs));
    return e.diagnostics().stream().map(DimExpressionsTest::text).toList();
  }

  private static String text(Diagnostic d) {
    return d.location().line() + ":" + d.location().column() + ": " + d.message().replace("q-01-01: ", "");
  }

  @Test
  void aDerivedDimIsComputedFromTheDimsAboveIt() {
    Setup s = load("{NH: 2, DH: 3, E: NH * DH, F: (E + 1) // 2 - 1}", "{x: [E]}");
    assertEquals(Map.of("NH", List.of(2), "DH", List.of(3)), s.dims());
    assertEquals("NH * DH", s.derived().get("E").toString());
    assertEquals("(E + 1) // 2 - 1", s.derived().get("F").toString());
    Map<String, Integer> free = new LinkedHashMap<>();
    free.put("NH", 2);
    free.put("DH", 3);
    assertEquals(List.of("NH", "DH", "E", "F"), List.copyOf(s.sizes(free, 100).keySet()), "free dims, then derived");
    assertEquals(Map.of("NH", 5, "DH", 4, "E", 20, "F", 9), s.sizes(Map.of("NH", 5, "DH", 4), 100));
  }

  @Test
  void floorDivisionFloorsAsPythons() {
    assertEquals(-2, DimExpr.parse("(N - 5) // 2").evaluate(Map.of("N", 2)), "(2 - 5) // 2 == -2 in Python");
    assertEquals(2, DimExpr.parse("N - 2 - 1").evaluate(Map.of("N", 5)), "left-associative");
    assertEquals("N - (2 - 1)", DimExpr.parse("N - (2 - 1)").toString());
    assertEquals(4, DimExpr.parse("N - (2 - 1)").evaluate(Map.of("N", 5)));
    assertEquals("(A + B) * C", DimExpr.parse("( A+B )*C").toString());
  }

  @Test
  void aShapeAxisMayBeAnExpression() {
    Setup s = load("{B: 2, C: [3, 4], T: 5}", "{x: [B, 2 * C], h: [T + 1, C], k: {shape: [B], dist: labels,"
        + " classes: C - 1}}");
    assertEquals(List.of("B", "2 * C"), s.inputs().get(0).shape());
    assertEquals(List.of("T + 1", "C"), s.inputs().get(1).shape());
    assertEquals("C - 1", s.inputs().get(2).classes());
    assertEquals(8, Setup.size("2 * C", Map.of("C", 4)));
  }

  @Test
  void aDerivedDimNamesOnlyDimsAboveIt() {
    assertEquals(List.of("11:29: dim 'E' = NH * DH names 'DH', defined after it; a derived dim names only the"
        + " dims above it: move 'E' below 'DH'"), problems("{NH: 2, E: NH * DH, DH: 3}", "{x: [NH]}"));
    assertEquals(List.of("11:24: dim 'E' is defined by itself; a derived dim is computed from the dims above it:"
        + " write it with those"), problems("{NH: 2, E: E + 1}", "{x: [NH]}"));
    assertEquals(List.of("11:36: unknown dim 'DG' in dim 'E' (did you mean 'DH'?); declare it under dims or write"
        + " a number"), problems("{NH: 2, DH: 3, E: NH * DG}", "{x: [NH]}"));
  }

  @Test
  void aDerivedDimMustBePositiveAtEveryAlternative() {
    assertEquals(List.of("11:28: dim 'P' = T - 4 is 0, not a positive size when T = 4; a dim is a positive whole"
        + " number at every combination of the alternatives: change the expression or the sizes it is computed"
        + " from"), problems("{T: [5, 4], P: T - 4}", "{x: [P]}"));
    assertEquals(List.of("11:28: dim 'P' = 12 // (T - 4) is undefined (12 // (T - 4) divides by zero) when T = 4;"
        + " a dim is a positive whole number at every combination of the alternatives: change the expression or"
        + " the sizes it is computed from"), problems("{T: [5, 4], P: 12 // (T - 4)}", "{x: [P]}"));
    assertEquals(List.of("11:37: dim 'E' = NH * DH is 1001000, over the limit of 1000000 (the most elements of"
        + " one tensor) when NH = 1000, DH = 1001; a dim is a positive whole number at every combination of the"
        + " alternatives: change the expression or the sizes it is computed from"),
        problems("{NH: 1000, DH: 1001, E: NH * DH}", "{x: [DH]}"));
  }

  @Test
  void aDerivedDimHasNoAlternatives() {
    assertEquals(List.of("11:32: dim 'E' lists 'NH * DH' among its alternatives, which are whole numbers; a"
        + " derived dim has no alternatives of its own (it follows the dims it is computed from): write E: NH * DH"
        + " without a list, or list whole numbers"), problems("{NH: 2, DH: 3, E: [NH * DH, 4]}", "{x: [NH]}"));
  }

  @Test
  void badSyntaxIsReportedAtItsColumn() {
    assertEquals(List.of("11:25: dim 'E': '/' is true division, whose result is a float; sizes are whole numbers:"
        + " write '//' (floor division)"), problems("{N: 4, E: N / 2}", "{x: [N]}"));
    assertEquals(List.of("12:22: the shape of input 'x': '**' (a power) is not allowed in a size; a size is"
        + " written with dim names, whole numbers, + - * // and parentheses (write N * N)"),
        problems("{N: 4}", "{x: [N ** 2]}"));
    assertEquals(List.of("12:20: the shape of input 'x': this '(' is never closed; add ')'"),
        problems("{N: 4}", "{x: [(N + 1]}"));
    assertEquals(List.of("12:22: the shape of input 'x': an operator is missing before 'N'; a size is written"
        + " with dim names, whole numbers, + - * // and parentheses"), problems("{N: 4}", "{x: [2 N]}"));
    assertEquals(List.of("12:24: the shape of input 'x': the size ends after an operator; write the dim name or"
        + " number it applies to"), problems("{N: 4}", "{x: [\"N +\"]}"));
    assertEquals(List.of("12:20: the shape of input 'x': '1.5' is not a whole number or a name; a size is written"
        + " with dim names, whole numbers, + - * // and parentheses"), problems("{N: 4}", "{x: [1.5 * N]}"));
  }

  @Test
  void anUnknownNameInAShapeIsReportedAtIt() {
    assertEquals(List.of("12:24: unknown dim 'Q' in the shape of input 'x'; declare it under dims or write a"
        + " number"), problems("{N: 4}", "{x: [2 * Q]}"));
  }

  @Test
  void aShapeAxisMustBePositiveAtEveryAlternative() {
    assertEquals(List.of("12:20: the shape of input 'x' has the size T - 5, which is 0 when T = 5; a size must be"
        + " a positive whole number at every combination of the dims' alternatives"),
        problems("{T: [6, 5]}", "{x: [T - 5]}"));
  }

  @Test
  void theElementLimitUsesTheComputedSizes() {
    assertEquals(List.of("12:16: input 'x' would have more than 1000000 elements (the limit per tensor); use"
        + " smaller dims"), problems("{N: 1000, M: N + 1}", "{x: [N, M]}"));
  }

  @Test
  void aBernoulliInputHasAProbabilityStrictlyBetweenZeroAndOne() {
    Setup s = load("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli}, k: {shape: [N], dist: bernoulli, p: 0.2}}");
    assertEquals(Distribution.BERNOULLI, s.inputs().get(1).distribution());
    assertEquals(0.5, s.inputs().get(1).p());
    assertEquals(0.2, s.inputs().get(2).p());
    assertEquals(null, s.inputs().get(0).p());
    assertEquals(List.of("12:60: p of input 'm' must be a number strictly between 0 and 1 (the probability of"
        + " drawing 1.0), e.g. p: 0.2; found the number 1 (a mask of all ones is no random mask: write ones_like(x)"
        + " in a forward line instead)"), problems("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: 1}}"));
    assertEquals(List.of("12:60: p of input 'm' must be a number strictly between 0 and 1 (the probability of"
        + " drawing 1.0), e.g. p: 0.2; found the number 1.5"),
        problems("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: 1.5}}"));
    assertEquals(List.of("12:60: p of input 'm' must be a number strictly between 0 and 1 (the probability of"
        + " drawing 1.0), e.g. p: 0.2; found the text 'half'"),
        problems("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: half}}"));
    assertEquals(List.of("12:55: p only applies to dist: bernoulli (the probability of drawing 1.0); remove it or"
        + " set dist: bernoulli for input 'm'"),
        problems("{N: 4}", "{x: [N], m: {shape: [N], dist: uniform, p: 0.5}}"));
  }

  @Test
  void justInsideTheOpenIntervalIsAProbability() {
    assertEquals(1e-9, load("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: 1.0e-9}}").inputs().get(1).p());
    assertEquals(0.999999999,
        load("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: 0.999999999}}").inputs().get(1).p());
    assertEquals(1, problems("{N: 4}", "{x: [N], m: {shape: [N], dist: bernoulli, p: 0.0}}").size());
  }
}
