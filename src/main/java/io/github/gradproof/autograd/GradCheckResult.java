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
 *     central difference took different branches of a relu, abs, max or comparison
 */
public record GradCheckResult(double maxAbsError, double maxRelError, int[] worstIndex,
    boolean passed, int evaluations, int skipped) {

  /** Copies {@code worstIndex}. */
  public GradCheckResult {
    worstIndex = Arrays.copyOf(worstIndex, worstIndex.length);
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
        && passed == r.passed && evaluations == r.evaluations && skipped == r.skipped;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(new double[] {maxAbsError, maxRelError}) * 31 + Arrays.hashCode(worstIndex)
        + (passed ? 1 : 0) + 7 * evaluations + 13 * skipped;
  }

  @Override
  public String toString() {
    return (passed ? "passed" : "FAILED") + ": max abs error " + maxAbsError + ", max rel error "
        + maxRelError + ", worst at " + Arrays.toString(worstIndex) + ", " + evaluations
        + " evaluations, " + skipped + " skipped near kinks";
  }
}
