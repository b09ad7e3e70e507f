package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;

/**
 * The closed interval a {@code small_int} or {@code small_decimal} input is drawn from:
 * {@code range: [-3, 3]}. For {@code small_int} the bounds are whole numbers and every whole
 * number between them is equally likely; for {@code small_decimal} they have at most one decimal
 * place and every multiple of 0.1 between them is equally likely.
 *
 * @param low the smallest value, inclusive
 * @param high the largest value, inclusive; greater than {@code low}
 * @param location where {@code range:} has its value, or {@code null} for the default
 */
public record ValueRange(double low, double high, SourceLocation location) {

  /** The bounds used when an input gives no {@code range:}: −3 to 3. */
  public static final ValueRange DEFAULT = new ValueRange(-3, 3, null);

  /** The largest bound accepted, in absolute value: the values are meant to be worked by hand. */
  public static final int MAX_BOUND = 1000;
}
