package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;

/**
 * When a reader's number counts as the answer of a numeric question: {@code |x − answer| ≤
 * max(absolute, relative·|answer|)}. The page adds 10⁻⁹·max(1, |answer|) to the bound, so that a
 * number typed exactly on the bound is not refused for the binary rounding of its decimals.
 *
 * @param absolute the absolute tolerance, 0 or more
 * @param relative the relative tolerance, 0 or more
 * @param location where {@code tolerance:} has its value, or {@code null} for the default
 */
public record NumericTolerance(double absolute, double relative, SourceLocation location) {

  /**
   * The tolerance when a question gives none: within 0.005 or 0.1 % of the answer, whichever is
   * larger, so an answer rounded to two decimals (below 5) or to four significant digits counts.
   */
  public static final NumericTolerance DEFAULT = new NumericTolerance(0.005, 0.001, null);
}
