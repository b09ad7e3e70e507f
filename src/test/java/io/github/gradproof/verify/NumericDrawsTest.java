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
  /**
   * A dropout mask is shown to the reader as its 0s and 1s: each variant's answer is the shown
   * element times the shown mask over the keep probability, and the masks differ between variants.
   */
  @Test
  void aBernoulliMaskIsShownAndTheAnswerFollowsIt() throws IOException {
    NumericResult r = VERIFIER.verify(question("x: {shape: [4], dist: small_decimal, range: [0.5, 2.5]},"
        + " m: {shape: [4], dist: bernoulli, p: 0.5}", "y = x * m / 0.5; L = sum(y)", "y[1]")).numeric();
    java.util.Set<String> masks = new TreeSet<>();
    for (Variant v : r.variants()) {
      double[] x = v.inputs().get("x").toArray();
      double[] m = v.inputs().get("m").toArray();
      for (double bit : m) {
        assertTrue(bit == 0 || bit == 1, java.util.Arrays.toString(m));
      }
      masks.add(java.util.Arrays.toString(m));
      assertEquals(x[1] * m[1] / 0.5, v.answer(), 1e-12);
    }
    assertTrue(masks.size() > 1, masks.toString());
  }

  /**
   * The sweep's fake quantization: {@code round(x / 0.2) * 0.2} at x = 0.3 is 0.2 in binary
   * (0.3 / 0.2 is 1.4999999999999998) and 0.4 in the decimals the reader works with; a draw on such a
   * step is replaced, so no variant shows an x whose answer depends on binary rounding.
   */
  @Test
  void aDrawOnAStepOfRoundIsReplaced() throws IOException {
    NumericResult r = VERIFIER.verify(question("x: {shape: [2], dist: small_decimal, range: [0.2, 0.8]}",
        "q = round(x / 0.2) * 0.2", "q[0]", "    variants: 12")).numeric();
    for (Variant v : r.variants()) {
      double x = v.inputs().get("x").toArray()[0];
      double ties = Math.abs(x / 0.2 - Math.floor(x / 0.2) - 0.5);
      assertTrue(ties > 1e-6, "variant " + v.number() + " shows x[0] = " + x + " on a step of round");
    }
    assertTrue(r.variants().stream().anyMatch(v -> v.draws() > 1), "some draw was replaced");
  }

  /** Small whole numbers are exact in binary: an answer on a step of floor stays (3 // 3 is 1 either way). */
  @Test
  void aStepOfFloorOnWholeNumbersIsKept() throws IOException {
    NumericResult r = VERIFIER.verify(question("x: {shape: [2], dist: small_int, range: [1, 9]}",
        "q = floor(x / 3)", "q[0]", "    variants: 12")).numeric();
    assertTrue(r.variants().stream().anyMatch(v -> v.inputs().get("x").toArray()[0] % 3 == 0));
  }

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

  /** An ask that evaluates to a whole number (a size) is that number, on every variant. */
  @Test
  void aWholeNumberAskIsItsValue() throws IOException {
    Question q = question("x: {shape: [3], dist: small_int}", "s = sum(x)", "x.shape[0] * 2 + s", "    variants: 3");
    for (Variant v : VERIFIER.verify(q).numeric().variants()) {
      double[] x = v.inputs().get("x").toArray();
      assertEquals(6 + x[0] + x[1] + x[2], v.answer());
    }
    Question size = question("x: {shape: [3], dist: small_int}", "s = sum(x)", "x.shape[0] * 2", "    variants: 1");
    assertEquals(6.0, VERIFIER.verify(size).numeric().variants().get(0).answer());
  }

  /** An integer division by zero is undefined on every draw, so the variant cannot be drawn, and says why. */
  @Test
  void anIntegerDivisionByZeroLeavesTheAnswerUndefined() throws IOException {
    Question q = question("x: {shape: [3], dist: small_int}", "s = sum(x)", "x.shape[0] // (x.ndim - 1) + s");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertTrue(e.getMessage().contains("variant 1 could not be drawn: in 20 draws"), e.getMessage());
    assertTrue(e.getMessage().contains("(last: the answer was undefined: "), e.getMessage());
    assertTrue(e.getMessage().contains("integer division by zero"), e.getMessage());
  }

  /** A remainder by zero is Python's ZeroDivisionError too: undefined on every draw, named as such. */
  @Test
  void anIntegerRemainderByZeroLeavesTheAnswerUndefined() throws IOException {
    Question q = question("x: {shape: [3], dist: small_int}", "s = sum(x)", "x.shape[0] % (x.ndim - 1) + s");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertTrue(e.getMessage().contains("integer modulo by zero"), e.getMessage());
    Question fine = question("x: {shape: [3], dist: small_int}", "s = sum(x)", "x.shape[0] % 2 + s % 1", "    variants: 1");
    assertEquals(1.0, VERIFIER.verify(fine).numeric().variants().get(0).answer(), "3 % 2 + an integer sum % 1");
  }

  /**
   * A kink read only by a placeholder is a kink too: with {@code s = sum(relu(x))} the ask {@code s}
   * is smooth everywhere, but the placeholder {@code dx[0]} jumps at x[0] = 0, so no variant shows it.
   */
  @Test
  void aPlaceholderAtAKinkIsRedrawn() throws IOException {
    Question q = question("x: {shape: [3], dist: small_int, range: [-1, 1]}", "s = sum(relu(x))", "s",
        "    variants: 8", "    explanation: {en: \"{{dx[0]}}\", es: \"{{dx[0]}}\"}");
    NumericResult r = VERIFIER.verify(q).numeric();
    assertTrue(r.redraws() > 0, "x[0] = 0 in some draw: " + r.variants());
    for (Variant v : r.variants()) {
      double x0 = v.inputs().get("x").toArray()[0];
      assertTrue(x0 != 0, "relu'(0) is never shown: " + r.variants());
      assertEquals(x0 > 0 ? 1.0 : 0.0, v.values().get("dx[0]"));
    }
  }

  /**
   * Whether a value jumps is judged relative to its size: x[0] ** 3 + dL at x[0] in 90..99 is about
   * 8e5 and moves by about 3 x² × 2 × 1e-9 × |x| ≈ 5e-3 over the probe's steps, far below 1e-5 × 8e5
   * = 8, so it is no kink and every variant is the first draw of its block.
   */
  @Test
  void aLargeSmoothAnswerIsNoKink() throws IOException {
    Question q = question("x: {shape: [1], dist: small_int, range: [90, 99]}", "L = sum(x)", "x[0] ** 3 + dL",
        "    variants: 3");
    NumericResult r = VERIFIER.verify(q).numeric();
    for (Variant v : r.variants()) {
      double x0 = v.inputs().get("x").toArray()[0];
      assertEquals(x0 * x0 * x0 + 1, v.answer());
      assertEquals(1, v.draws(), "variant " + v.number() + " redrawn: " + r.variants());
    }
  }

  /**
   * A variant has exactly 20 draws: here the answer divides by the product of 8 of the 12 elements,
   * which is 0 in each of the first 20 draws of variant 1 and not in the 21st (checked below), so a
   * 21st draw would have given a variant.
   */
  @Test
  void aVariantStopsAfterTwentyDraws() throws IOException {
    int[] read = {0, 1, 2, 5, 6, 7, 8, 9};
    StringBuilder product = new StringBuilder();
    for (int i : read) {
      product.append(product.length() == 0 ? "" : " * ").append("x[").append(i).append("]");
    }
    Question q = question("x: {shape: [12], dist: small_int, range: [-1, 1]}", "s = sum(x)", "1 / (" + product + ")",
        "    variants: 1");
    CompiledQuestion cq = new CompiledQuestion(q);
    Map<String, Integer> dims = cq.dimAssignments().get(0);
    for (int d = 0; d <= 20; d++) {
      double[] x = draw(cq, dims, q.id(), d);
      boolean zero = java.util.Arrays.stream(read).anyMatch(i -> x[i] == 0);
      assertEquals(d < 20, zero, "draw " + d + ": " + java.util.Arrays.toString(x));
    }
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertTrue(e.getMessage().contains("variant 1 could not be drawn: in 20 draws"), e.getMessage());
  }

  /** When the forward lines fail on every draw, the refusal stands at the failing line and says what failed there. */
  @Test
  void aForwardLineUndefinedOnEveryDrawIsNamed() throws IOException {
    Question q = question("x: {shape: [2], dist: small_int, range: [1, 3]}", "s = sum(log(x - 10))", "s");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertEquals("t.yaml:13:9: q-01-01: variant 1 could not be drawn: in 20 draws this forward line gives NaN when "
        + "evaluated: it is undefined on the drawn inputs (the square root or logarithm of a negative number, 0/0, "
        + "inf - inf), so nothing can be checked; it reads 'x' (dist: small_int): choose a range on which the line is "
        + "defined, or change the line", e.getMessage().lines().findFirst().orElseThrow());
  }

  /**
   * The kink probe moves x by a tiny step both ways; a forward line that is undefined just beside
   * the draw ({@code sqrt(x - 1)} at x = 1) is no kink of the answer {@code dx[0] = 2 x}: with x in
   * 1..2 the two variants are x = 1 and x = 2, each the first draw that was new.
   */
  @Test
  void aForwardLineUndefinedBesideTheDrawIsNoKink() throws IOException {
    Question q = question("x: {shape: [1], dist: small_int, range: [1, 2]}", "h = sum(sqrt(x - 1));L = sum(x * x)",
        "dx[0]", "    variants: 2");
    TreeSet<Double> answers = new TreeSet<>();
    VERIFIER.verify(q).numeric().variants().forEach(v -> answers.add(v.answer()));
    assertEquals(new TreeSet<>(List.of(2.0, 4.0)), answers);
  }

  private static double[] draw(CompiledQuestion cq, Map<String, Integer> dims, String id, int trial) {
    return VariantTrial.draw(cq, dims, Seeds.of(id, trial)).input("x").toArray();
  }

  private static List<Double> boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
