package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How numeric variants are drawn, at the edges found by mutation testing (docs/MUTANTS.md): which
 * seed each draw takes, a repeated input redrawn, an objective that is not one number refused,
 * and why a variant could not be drawn.
 */
class NumericDrawsTest {

  @TempDir Path tmp;

  private static final NumericVerifier VERIFIER = new NumericVerifier();

  /** A phase file with one numeric question of the given setup lines, ask and extra lines. */
  private Question question(String inputs, String forward, String ask, String... extra) throws IOException {
    return NumericQuestions.numeric(tmp, inputs, forward, ask, extra);
  }

  /**
   * Variant {@code v} takes its {@code d}-th draw (0-based) from trial {@code (v - 1)·20 + d}, as
   * the class comment of {@link NumericVerifier} promises, and {@code draws} counts them 1-based:
   * the inputs shown are exactly that trial's, and every earlier draw of the block was undefined
   * ({@code x[0] = 0} divides by zero) or repeated an earlier variant.
   */
  @Test
  void eachVariantTakesItsOwnBlockOfSeeds() throws IOException {
    Question q = question("x: {shape: [3], dist: small_int, range: [-1, 1]}", "s = sum(x)", "1 / x[0]",
        "    variants: 8");
    CompiledQuestion cq = new CompiledQuestion(q);
    Map<String, Integer> dims = cq.dimAssignments().get(0);
    List<Variant> variants = VERIFIER.verify(q).numeric().variants();
    assertTrue(variants.stream().anyMatch(v -> v.draws() > 1), "some draw had x[0] = 0: " + variants);
    List<List<Double>> earlier = new java.util.ArrayList<>();
    for (Variant v : variants) {
      int block = (v.number() - 1) * 20;
      double[] shown = v.inputs().get("x").toArray();
      assertArrayEquals(draw(cq, dims, q.id(), block + v.draws() - 1), shown, "variant " + v.number());
      for (int d = 0; d < v.draws() - 1; d++) {
        double[] rejected = draw(cq, dims, q.id(), block + d);
        assertTrue(rejected[0] == 0 || earlier.contains(boxed(rejected)),
            "variant " + v.number() + " draw " + (d + 1) + " was defined and new: " + boxed(rejected));
      }
      earlier.add(boxed(shown));
    }
  }

  /** Three variants of one whole number in 1..3 are 1, 2 and 3 in some order: a repeat is redrawn. */
  @Test
  void aRepeatedInputIsRedrawn() throws IOException {
    Question q = question("x: {shape: [1], dist: small_int, range: [1, 3]}", "s = sum(x)", "s", "    variants: 3");
    TreeSet<Double> answers = new TreeSet<>();
    VERIFIER.verify(q).numeric().variants().forEach(v -> answers.add(v.answer()));
    assertEquals(new TreeSet<>(List.of(1.0, 2.0, 3.0)), answers);
    // a fourth variant has nowhere to go
    Question four = question("x: {shape: [1], dist: small_int, range: [1, 3]}", "s = sum(x)", "s", "    variants: 4");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(four));
    assertTrue(e.getMessage().contains("variant 4 could not be drawn"), e.getMessage());
    assertTrue(e.getMessage().contains("(last: the inputs repeated an earlier variant's)"), e.getMessage());
  }

  /**
   * A gradient is of a scalar objective: with a vector objective it would follow a hidden random
   * upstream gradient, so the question is refused; a vector objective whose gradient is not read is fine.
   */
  @Test
  void aGradientOfAVectorObjectiveIsRefused() throws IOException {
    Question grad = question("x: {shape: [3], dist: small_int}", "y = x * x", "dx[0]");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(grad));
    assertTrue(e.getMessage().contains("reads the gradient dx, but the objective 'y' (the last forward line) is not "
        + "one number"), e.getMessage());
    Question value = question("x: {shape: [3], dist: small_int}", "y = x * x", "y[1]");
    for (Variant v : VERIFIER.verify(value).numeric().variants()) {
      double x1 = v.inputs().get("x").toArray()[1];
      assertEquals(x1 * x1, v.answer());
    }
  }

  /** A variant that cannot be drawn says why the last draw failed: the answer or a placeholder was NaN. */
  @Test
  void anExhaustedVariantSaysWhatWasUndefined() throws IOException {
    Question answer = question("x: {shape: [2], dist: small_int, range: [1, 3]}", "s = sum(x)", "log(x[0] - 10)");
    DiagnosticException a = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(answer));
    assertTrue(a.getMessage().contains("variant 1 could not be drawn: in 20 draws"), a.getMessage());
    assertTrue(a.getMessage().contains("(last: the answer was NaN)"), a.getMessage());
    Question placeholder = question("x: {shape: [2], dist: small_int, range: [1, 3]}", "s = sum(x)", "s",
        "    explanation: {en: \"{{log(x[0] - 10)}}\", es: \"{{log(x[0] - 10)}}\"}");
    DiagnosticException p = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(placeholder));
    assertTrue(p.getMessage().contains("(last: {{log(x[0] - 10)}} was NaN)"), p.getMessage());
  }

  private static double[] draw(CompiledQuestion cq, Map<String, Integer> dims, String id, int trial) {
    return VariantTrial.draw(cq, dims, Seeds.of(id, trial)).input("x").toArray();
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
