package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * The outcome of a {@link GradCheck}: the worst errors found, not just a boolean.
 *
 * @param maxAbsError largest {@code |analytic - numeric|} over the checked points
 * @param maxRelError largest {@code |analytic - numeric| / max(|analytic|, |numeric|)} (0 where both are 0)
 * @param worstIndex multi-index of the element closest to (or furthest past) the tolerance; empty in fast
 *     mode, where each check is a projection over all elements, and when nothing was checked
 * @param passed whether every checked point satisfied {@code |a - n| <= atol + rtol * |n|}
 * @param evaluations how many times the function was evaluated
 * @param skipped points (elements, or projections in fast mode) skipped because the two evaluations of a
 *     central difference took different branches of a relu, abs, max or comparison, left {@code f}'s
 *     domain, or feed an element whose gradient an operation defines by a rule rather than as its slope
 *     (in fast mode, when every element does)
 * @param scale the gradient's scale the errors are measured against: the largest {@code |analytic|} or
 *     {@code |numeric|} over the checked points (elements, or directional derivatives in fast mode); 0
 *     when every one was 0, NaN when not known
 */
public record GradCheckResult(double maxAbsError, double maxRelError, int[] worstIndex,
    boolean passed, int evaluations, int skipped, double scale) {

  /** Copies {@code worstIndex}. */
  public GradCheckResult {
    worstIndex = Arrays.copyOf(worstIndex, worstIndex.length);
  }

  /** A result whose gradient's scale is not known: its {@link #relativeError()} is NaN unless nothing differed. */
  public GradCheckResult(double maxAbsError, double maxRelError, int[] worstIndex, boolean passed, int evaluations,
      int skipped) {
    this(maxAbsError, maxRelError, worstIndex, passed, evaluations, skipped, Double.NaN);
  }

  /**
   * The largest error relative to the gradient's {@link #scale}: {@code maxAbsError / scale}, 0 when
   * nothing differed. What a reader can judge at any magnitude: an absolute 8e+03 on gradients of 1e20
   * is 8e-17 of them. The pass rule allows {@link GradCheck#RTOL} of each point's numeric value plus
   * its rounding noise, so a figure up to about {@code RTOL} is what a correct engine shows (more only
   * where rounding dominates, as for an objective with a large offset).
   */
  public double relativeError() {
    return maxAbsError == 0 ? 0 : maxAbsError / scale;
  }

  /** A copy of the worst index. */
  @Override
  public int[] worstIndex() {
    return Arrays.copyOf(worstIndex, worstIndex.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GradCheckResult r
        && Double.compare(maxAbsError, r.maxAbsError) == 0
        && Double.compare(maxRelError, r.maxRelError) == 0
        && Arrays.equals(worstIndex, r.worstIndex)
        && passed == r.passed && evaluations == r.evaluations && skipped == r.skipped
        && Double.compare(scale, r.scale) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {maxAbsError, maxRelError, scale}) * 31 + Arrays.hashCode(worstIndex)
        + (passed ? 1 : 0) + 7 * evaluations + 13 * skipped;
  }

  @Override
  public String toString() {
    return (passed ? "passed" : "FAILED") + ": max abs error " + maxAbsError + ", max rel error "
        + maxRelError + " (" + relativeError() + " of the gradient's scale " + scale + "), worst at "
        + Arrays.toString(worstIndex) + ", " + evaluations + " evaluations, " + skipped + " skipped near kinks";
  }
}
