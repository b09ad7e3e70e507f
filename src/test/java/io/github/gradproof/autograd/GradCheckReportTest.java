package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The figures a gradient check reports besides its verdict (found unpinned by mutation testing,
 * docs/MUTANTS.md): the cost bound at the mode threshold, the relative error, NaN in the reported
 * errors, and which element is named as the worst.
 */
class GradCheckReportTest {

  private static Var c(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  /** {@code f(x) = sum(2x)}: every central difference of a linear function with slope 2 is exactly 2. */
  private static final ToDoubleFunction<Var> TWICE_THE_SUM = v -> v.mul(c(2)).sum().value().item();

  @Test
  void maxEvaluationsCountsElementsUpToTheThresholdAndDirectionsAbove() {
    assertEquals(1 + 7 + 3 + 4, GradCheck.maxEvaluations(1));
    assertEquals(1 + 7 + 3 + 4L * 4096, GradCheck.maxEvaluations(GradCheck.FAST_MODE_THRESHOLD));
    assertEquals(1 + 7 + 3 + 4 * 12, GradCheck.maxEvaluations(GradCheck.FAST_MODE_THRESHOLD + 1));
  }

  @Test
  void theRelativeErrorDividesByTheLargerOfTheTwoDerivatives() {
    // analytic 3 where the derivative is exactly 2: error 1, relative 1/3
    GradCheckResult r = GradCheck.check(TWICE_THE_SUM, Tensor.vector(0.5, -1.5), Tensor.vector(3, 2));
    assertFalse(r.passed());
    assertEquals(1.0, r.maxAbsError(), 1e-9);
    assertEquals(1.0 / 3, r.maxRelError(), 1e-9);
    // analytic 1 where the derivative is exactly 2: error 1, relative 1/2
    GradCheckResult s = GradCheck.check(TWICE_THE_SUM, Tensor.vector(0.5), Tensor.vector(1));
    assertEquals(0.5, s.maxRelError(), 1e-9);
  }

  @Test
  void bothDerivativesZeroIsNoRelativeError() {
    GradCheckResult r = GradCheck.check(v -> v.mul(c(0)).sum().value().item(), Tensor.vector(1, 2),
        Tensor.zeros(2));
    assertTrue(r.passed());
    assertEquals(0.0, r.maxRelError());
    assertEquals(0.0, r.maxAbsError());
  }

  @Test
  void aNaNGradientMakesBothReportedErrorsNaN() {
    for (Tensor g : new Tensor[] {Tensor.vector(Double.NaN, 2), Tensor.vector(2, Double.NaN)}) {
      GradCheckResult r = GradCheck.check(TWICE_THE_SUM, Tensor.vector(1, 2), g);
      assertFalse(r.passed());
      assertTrue(Double.isNaN(r.maxAbsError()), r::toString);
      assertTrue(Double.isNaN(r.maxRelError()), r::toString);
    }
  }

  @Test
  void amongTiedPointsTheFirstIsTheWorst() {
    // a constant objective and the zero gradient: every point's error is exactly 0, a tie
    GradCheckResult r = GradCheck.check(v -> v.mul(c(0)).sum().value().item(), Tensor.zeros(2, 3),
        Tensor.zeros(2, 3));
    assertTrue(r.passed());
    assertArrayEquals(new int[] {0, 0}, r.worstIndex());
  }

  @Test
  void theLargerOfTwoWrongElementsIsTheWorst() {
    GradCheckResult r = GradCheck.check(TWICE_THE_SUM, Tensor.vector(1, 2, 3), Tensor.vector(2.5, 2, 3));
    assertFalse(r.passed());
    assertArrayEquals(new int[] {2}, r.worstIndex());
    assertEquals(1.0, r.maxAbsError(), 1e-9);
    GradCheckResult s = GradCheck.check(TWICE_THE_SUM, Tensor.vector(1, 2, 3), Tensor.vector(3, 2, 2.5));
    assertArrayEquals(new int[] {0}, s.worstIndex());
  }

  @Test
  void aPointSkippedAtAKinkIsNeverTheWorst() {
    // relu at 1 (slope 1, given wrongly as 2) and at 0 (a kink, skipped)
    GradCheckResult r = GradCheck.check(v -> v.relu().sum().value().item(), Tensor.vector(1, 0),
        Tensor.vector(2, 0));
    assertFalse(r.passed());
    assertEquals(1, r.skipped());
    assertArrayEquals(new int[] {0}, r.worstIndex());
  }

  @Test
  void aCorrectPointStillNamesTheWorstElement() {
    // every point passes at its first step; the worst is one of them, not "nothing checked"
    GradCheckResult r = GradCheck.check(TWICE_THE_SUM, Tensor.vector(1, 2), Tensor.vector(2, 2));
    assertTrue(r.passed());
    assertEquals(1, r.worstIndex().length);
  }

  /**
   * The class comment's step, {@code h = c·∛max(ε, K·ε·|f| / (S·c))} capped at {@code MAX_STEP·c}, away
   * from {@code c = 1}: both the grown step and the cap scale with {@code c = max(1, |x|)}.
   */
  @Test
  void theGrownStepAndItsCapScaleWithTheInput() {
    double eps = Math.ulp(1.0) / 2;
    double grown = 4 * Math.cbrt(4 * eps * 1e6 / (1 * 4));
    assertEquals(grown, GradCheck.step(4, 1e6, 1), 1e-9 * grown, "c = 4, |f| = 1e6, S = 1");
    assertEquals(grown, GradCheck.step(-4, -1e6, 1), 1e-9 * grown, "signs do not matter");
    assertEquals(0.01 * 100, GradCheck.step(100, 1e30, 1), 1e-12, "capped at MAX_STEP · c");
    assertEquals(6e-6 * 100, GradCheck.step(100, 1, 1), 1e-13, "f of its variation's size: the base step (rounded to the ulp of 100)");
  }

  /**
   * The pass rule is {@code |a - D| <= allowance}, equality included. A constant objective (1) makes
   * {@code D = 0} exactly and the allowance its rounding term alone, {@code K·ε·(1 + 1) / (x⁺ - x⁻)}, one
   * rounding of exact products; a tiny analytic value makes the step the cap {@code MAX_STEP}. So a
   * gradient equal to that allowance has an error exactly equal to it, and passes at the first
   * comparison. (A larger one is refined, with the rounding term of the half step twice as large: the
   * refined allowance is {@code (4·2 + 1) / 3 = 3} times the first, so 4 times it fails.)
   */
  @Test
  void anErrorExactlyEqualToItsAllowancePasses() {
    ToDoubleFunction<Var> one = v -> v.mul(c(0)).sum().add(c(1)).value().item();
    double width = GradCheck.MAX_STEP - (-GradCheck.MAX_STEP);
    double allowance = GradCheck.ROUNDING * GradCheck.EPS * (1 + 1) / width;
    GradCheckResult at = GradCheck.check(one, Tensor.vector(0), Tensor.vector(allowance));
    assertTrue(at.passed(), at::toString);
    assertEquals(3, at.evaluations(), "settled by the first comparison");
    assertEquals(allowance, at.maxAbsError());
    GradCheckResult refined = GradCheck.check(one, Tensor.vector(0), Tensor.vector(Math.nextUp(allowance)));
    assertTrue(refined.passed(), refined::toString);
    assertTrue(refined.evaluations() > 3, "refined: " + refined);
    assertFalse(GradCheck.check(one, Tensor.vector(0), Tensor.vector(4 * allowance)).passed());
    assertTrue(GradCheck.check(one, Tensor.vector(0), Tensor.vector(-allowance)).passed());
  }
}
