package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.NumericTolerance;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A numeric question whose tolerance lets a reader copy a shown number, an input's largest or smallest
 * number, or type 0 or 1, in every variant,
 * though it is not the answer, is refused; a tolerance just narrower than the step, a number that
 * is the answer, and a coincidence in some variants only are not.
 */
class NumericShortcutTest {

  @TempDir Path tmp;

  private static final NumericVerifier VERIFIER = new NumericVerifier();

  private static final String W = "w: {shape: [3], dist: small_decimal, range: [0.5, 2.5]}";

  private Question question(String inputs, String forward, String ask, String... extra) throws IOException {
    return NumericQuestions.numeric(tmp, inputs, forward, ask, extra);
  }

  private static String refusal(Question q) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertEquals(1, e.diagnostics().size(), e.getMessage());
    return e.diagnostics().get(0).format().lines().findFirst().orElseThrow();
  }

  @Test
  void aSkippedStepWithinTheDefaultToleranceIsRefusedAtTheAsk() throws IOException {
    Question adam = question(W + ", g: {shape: [3], dist: small_int, range: [1, 3]}", "w1 = w - 0.001 * g; L = sum(w1)",
        "w1[0]");
    String refusal = refusal(adam);
    assertTrue(refusal.startsWith("t.yaml:15:11: q-01-01: the page would call a reader right who types w[0], a number the page"
        + " shows, in every variant, though it is not the answer (in variant 1 the answer is "), refusal);
    assertTrue(refusal.matches(".* \\(in variant 1 the answer is [0-9.]+ and w\\[0\\] is [0-9.]+\\): .*"), refusal);
    assertTrue(refusal.endsWith("the default tolerance {abs: 0.005, rel: 0.001} is wider than what the question asks to work"
        + " out, which moves the answer by as little as 0.001; give a tolerance below that, e.g. tolerance: {abs: 0.0005},"
        + " or inputs that move the answer further from w[0]"), refusal);
  }

  @Test
  void aStepJustInsideTheToleranceIsRefusedAndOneJustOutsideIsNot() throws IOException {
    assertTrue(refusal(question(W, "w1 = w - 0.0049; L = sum(w1)", "w1[2]")).contains("types w[2]"));
    assertEquals(8, VERIFIER.verify(question(W, "w1 = w - 0.0051; L = sum(w1)", "w1[2]")).numeric().variants().size());
  }

  @Test
  void aNonzeroAnswerThatZeroPassesInEveryVariantIsRefused() throws IOException {
    String refusal = refusal(question(W, "s = 0.001 * mean(w)", "s"));
    assertTrue(refusal.matches(".*: the page would call a reader right who types 0 in every variant, though it is not the"
        + " answer \\(in variant 1 the answer is 0\\.00[0-9]+\\): the default tolerance .*"), refusal);
  }

  /**
   * The sweep's log-sum-exp: a sharp one ({@code logsumexp(8 z) / 8} of whole numbers) is within
   * 0.005 of the largest number, which moves from element to element between variants, so no single
   * element catches it, and the maximum does.
   */
  @Test
  void aLogSumExpThatTheMaximumPassesForIsRefused() throws IOException {
    String refusal = refusal(question("z: {shape: [2, 3], dist: small_int, range: [0, 9]}",
        "L = logsumexp(8 * z, axis=1) / 8", "L[1]", "    variants: 3"));
    assertTrue(refusal.contains("who types max(z), a number the page shows, in every variant"), refusal);
    assertTrue(refusal.contains("(in variant 2 the answer is 7.00004 and max(z) is 7)"), refusal);
  }

  @Test
  void aRowsExtremeIsNamedByItsRow() throws IOException {
    String refusal = refusal(question("z: {shape: [3, 2], dist: small_decimal, range: [0.5, 2.5]}",
        "s = min(z[2]) + 0.002", "s"));
    assertTrue(refusal.contains("types min(z[2]),"), refusal);
  }

  @Test
  void theLargestNumberJustInsideTheToleranceIsRefusedAndJustOutsideIsNot() throws IOException {
    String z = "z: {shape: [4], dist: small_decimal, range: [0.5, 2.5]}";
    assertTrue(refusal(question(z, "s = max(z) + 0.0049", "s")).contains("types max(z),"));
    assertEquals(8, VERIFIER.verify(question(z, "s = max(z) + 0.0051", "s")).numeric().variants().size());
    assertTrue(refusal(question(z, "s = min(z) - 0.0049", "s")).contains("types min(z),"));
  }

  @Test
  void theExtremesOfTwoNumbersAndOfTwoRowsCount() throws IOException {
    assertTrue(refusal(question("z: {shape: [2], dist: small_decimal, range: [0.5, 2.5]}", "s = max(z) + 0.002", "s"))
        .contains("types max(z),"));
    assertTrue(refusal(question("z: {shape: [2, 3], dist: small_decimal, range: [0.5, 2.5]}",
        "s = max(z[1]) + 0.002", "s")).contains("types max(z[1]),"));
  }

  @Test
  void aColumnsExtremeIsNamedByItsColumn() throws IOException {
    String refusal = refusal(question("z: {shape: [3, 2], dist: small_decimal, range: [0.5, 2.5]}",
        "s = max(z[:, 1]) - 0.002", "s"));
    assertTrue(refusal.contains("types max(z[:, 1]),"), refusal);
  }

  @Test
  void aMaximumThatIsTheAnswerIsNoShortcut() throws IOException {
    assertEquals(8, VERIFIER.verify(question("z: {shape: [2, 3], dist: small_decimal, range: [0.5, 2.5]}",
        "m = max(z, axis=1)", "m[0]")).numeric().variants().size());
  }

  @Test
  void anAnswerThatOnePassesForInEveryVariantIsRefused() throws IOException {
    String refusal = refusal(question("x: {shape: [2], dist: small_int, range: [7, 9]}", "p = sigmoid(x)", "p[0]"));
    assertTrue(refusal.contains("who types 1 in every variant, though it is not the answer"), refusal);
  }

  /** The sweep's saturated tanh: every answer within 1e-4 of -1, which the page would accept. */
  @Test
  void anAnswerThatMinusOnePassesForIsRefused() throws IOException {
    assertTrue(refusal(question("x: {shape: [3], dist: small_int}", "y = tanh(x - 8); L = sum(y)", "y[0]"))
        .contains("who types -1 in every variant, though it is not the answer"));
  }

  /** The sweep's negated copy: {@code 0.001 * g - x} is within 0.003 of {@code -x[0]}. */
  @Test
  void aNegatedShownElementJustInsideIsRefusedAndJustOutsideIsNot() throws IOException {
    String x = "x: {shape: [3], dist: small_decimal, range: [0.5, 2.5]}";
    assertTrue(refusal(question(x, "y = 0.0049 - x; L = sum(y)", "y[0]")).contains("types -x[0], a number the page"
        + " shows,"));
    assertEquals(8, VERIFIER.verify(question(x, "y = 0.0051 - x; L = sum(y)", "y[0]")).numeric().variants().size());
  }

  /** The sweep's SGD with weight decay: leaving out the decay's 0.01 moves w1 by at most 0.003. */
  @Test
  void aDecimalTermAReaderCanLeaveOutIsRefused() throws IOException {
    String refusal = refusal(question("w: {shape: [3], dist: small_int}, g: {shape: [3], dist: small_int}",
        "w1 = w - 0.1 * (g + 0.01 * w)", "w1[0]"));
    assertTrue(refusal.contains("who leaves out the 0.01 of 'w1 = w - 0.1 * (g + 0.01 * w)' (works it out with 0"
        + " there) in every variant: the default tolerance {abs: 0.005, rel: 0.001} is wider than what that term"
        + " moves the answer by"), refusal);
  }

  @Test
  void aTermJustOutsideTheToleranceIsNoShortcutAndAnEpsilonIsNegligible() throws IOException {
    String w = "w: {shape: [3], dist: small_int, range: [1, 4]}, g: {shape: [3], dist: small_int, range: [1, 4]}";
    assertTrue(refusal(question(w, "w1 = 1.5 * w - 0.0049", "w1[0]", "    tolerance: {abs: 0.005}"))
        .contains("leaves out the 0.0049"));
    assertEquals(8, VERIFIER.verify(question(w, "w1 = 1.5 * w - 0.0051", "w1[0]", "    tolerance: {abs: 0.005}"))
        .numeric().variants().size());
    assertEquals(8, VERIFIER.verify(question(w, "w1 = w - 0.1 * g / (sqrt(w * w) + 1e-8)", "w1[0]")).numeric()
        .variants().size());
  }

  @Test
  void aGivenToleranceIsWhereTheRefusalPoints() throws IOException {
    String refusal = refusal(question(W, "w1 = w - 0.009; L = sum(w1)", "w1[1]", "    tolerance: {abs: 0.01}"));
    assertTrue(refusal.startsWith("t.yaml:16:16: "), refusal);
    assertTrue(refusal.contains("the tolerance {abs: 0.01} is wider"), refusal);
    assertTrue(refusal.contains("e.g. tolerance: {abs: 0.002}"), refusal);
  }

  @Test
  void aRelativeToleranceIsWrittenAsGiven() throws IOException {
    assertTrue(refusal(question(W, "w1 = w - 0.004; L = sum(w1)", "w1[1]", "    tolerance: {rel: 0.01}"))
        .contains("the tolerance {rel: 0.01} is wider"));
    assertTrue(refusal(question(W, "w1 = w - 0.004; L = sum(w1)", "w1[1]", "    tolerance: {abs: 0.001, rel: 0.01}"))
        .contains("the tolerance {abs: 0.001, rel: 0.01} is wider"));
  }

  @Test
  void anElementIsNamedByItsIndexInEveryAxis() throws IOException {
    String refusal = refusal(question("w: {shape: [3, 2], dist: small_decimal, range: [0.5, 2.5]}", "w1 = w - 0.001; L = sum(w1)",
        "w1[1, 1]"));
    assertTrue(refusal.contains("types w[1, 1], a number"), refusal);
  }

  @Test
  void twoVariantsAreEnough() throws IOException {
    assertTrue(refusal(question(W, "w1 = w - 0.001; L = sum(w1)", "w1[0]", "    variants: 2")).contains("types w[0]"));
  }

  @Test
  void theAnswerItselfIsWithinTheRoundingOfItsComputation() {
    assertTrue(NumericShortcut.same(1000 + 0.004, 1000), "1000.004 is written 1000");
    assertFalse(NumericShortcut.same(1000 + 0.006, 1000), "1000.006 is written 1000.01");
    assertTrue(NumericShortcut.same(0.3, 0.1 * 3));
    assertFalse(NumericShortcut.same(0.5 + 6e-7, 0.5));
    assertTrue(NumericShortcut.same(4e-10, 0), "the rounding of a computation that should give 0");
    assertFalse(NumericShortcut.same(2e-9, 0));
  }

  @Test
  void aShownNumberThatIsTheAnswerIsNoShortcut() throws IOException {
    Question copy = question("A: {shape: [2, 2], dist: small_int}, B: {shape: [2, 2], dist: small_int}", "L = sum(A * B)",
        "dA[0, 1]");
    assertEquals(8, VERIFIER.verify(copy).numeric().variants().size());
  }

  @Test
  void aCoincidenceInSomeVariantsOnlyIsNoShortcut() throws IOException {
    // dx[1] is w[1] where x[1] > 0 and 0 elsewhere: each is right in some variants, wrong (by 1 or more) in others.
    Question relu = question("x: {shape: [3], dist: small_decimal, range: [-1.5, 2.5]}, w: {shape: [3], dist: small_int}",
        "h = relu(x); s = sum(h * w)", "dx[1]");
    assertEquals(8, VERIFIER.verify(relu).numeric().variants().size());
  }

  @Test
  void oneVariantReportsNoShortcut() throws IOException {
    assertEquals(1, VERIFIER.verify(question(W, "w1 = w - 0.001; L = sum(w1)", "w1[0]", "    variants: 1"))
        .numeric().variants().size());
  }

  /** -0.999999995 is written -1: typing the shown -1 is the answer, not a shortcut. */
  @Test
  void aNumberEqualToTheAnswerInTheDigitsShownIsNoShortcut() throws IOException {
    Question smooth = question("x: {shape: [3], dist: small_int, range: [-1, 1]}", "s = sum(sqrt(x ** 2 + 1e-8))", "dx[0]");
    assertEquals(8, VERIFIER.verify(smooth).numeric().variants().size());
  }

  @Test
  void aToleranceThatRefusesTheAnswerAsShownIsRefused() throws IOException {
    String refusal = refusal(question("x: {shape: [3], dist: small_int, range: [-1, 1]}", "s = sum(sqrt(x ** 2 + 1e-8))",
        "dx[0]", "    tolerance: {abs: 0.000000002}"));
    assertTrue(refusal.startsWith("t.yaml:15:16: q-01-01: the page writes the answer of variant "), refusal);
    assertTrue(refusal.matches(".* as -?1 \\(six significant digits\\), which the tolerance \\{abs: 2.0e-09\\} refuses"
        + " \\(the answer is -?0\\.99999999[0-9]*\\), so a reader who types the answer shown would be told it is wrong;"
        + " give a tolerance of at least 0.000000005, e.g. tolerance: \\{abs: 0.000000005\\}"), refusal);
  }

  @Test
  void theDigitsShownAreSixSignificant() {
    assertEquals(-1, NumericShortcut.shown(-0.999999995));
    assertEquals(2.96333, NumericShortcut.shown(2.963333333));
    assertEquals(0.5e-5, NumericShortcut.halfLastDigit(1.5), 1e-20);
    assertEquals(0.5e-8, NumericShortcut.halfLastDigit(0.002), 1e-22);
    assertTrue(NumericShortcut.same(2.96333, 2.963333333));
    assertFalse(NumericShortcut.same(2.96332, 2.963333333));
    assertEquals("0.000000005", NumericShortcut.above(4.9e-9));
    assertEquals("0.01", NumericShortcut.above(0.006));
    assertEquals("2", NumericShortcut.above(2));
  }

  @Test
  void thePageRuleAcceptsOnItsBoundAndNotBeyond() {
    NumericTolerance t = new NumericTolerance(0.005, 0.001, null);
    assertTrue(NumericShortcut.accepts(t, 1.005, 1.0));
    assertFalse(NumericShortcut.accepts(t, 1.00500001, 1.0));
    assertTrue(NumericShortcut.accepts(t, 1001, 1000), "0.1 % of 1000 is 1, more than 0.005");
    assertFalse(NumericShortcut.accepts(t, 1001.01, 1000));
    NumericTolerance half = new NumericTolerance(0.5, 0, null);
    assertTrue(NumericShortcut.accepts(half, 0.5 + 1e-9, 0), "exactly on the bound, the page's allowance included");
    assertFalse(NumericShortcut.accepts(half, 0.5 + 1.1e-9, 0));
    NumericTolerance exact = new NumericTolerance(0, 0, null);
    assertTrue(NumericShortcut.accepts(exact, 1000 + 0.9e-6, 1000), "the allowance grows with the answer");
    assertFalse(NumericShortcut.accepts(exact, 1000 + 1.1e-6, 1000));
  }

  @Test
  void theSuggestedToleranceIsARoundNumberAtMostHalfTheGap() {
    assertEquals("0.0005", NumericShortcut.below(0.001));
    assertEquals("0.002", NumericShortcut.below(0.0049));
    assertEquals("0.005", NumericShortcut.below(0.01));
    assertEquals("1", NumericShortcut.below(3));
    assertEquals("2", NumericShortcut.below(4));
  }
}
