package io.github.gradproof.quiz;

/** How the values of a setup input are drawn for each trial. */
public enum Distribution {
  /** Standard normal float64 values. */
  NORMAL,
  /** Uniform on [-1, 1). */
  UNIFORM,
  /** Strictly positive values (for {@code log}, {@code sqrt}). */
  POSITIVE,
  /** Integer class labels in [0, classes); never differentiated. */
  LABELS,
  /** Whole numbers drawn uniformly from a small {@link ValueRange}, for inputs worked by hand. */
  SMALL_INT,
  /** Numbers with one decimal place drawn uniformly from a small {@link ValueRange}. */
  SMALL_DECIMAL,
  /**
   * A 0/1 mask: 1.0 with probability {@code p}, else 0.0. A constant, as a dropout mask is in
   * PyTorch: never differentiated.
   */
  BERNOULLI;

  /** The name used in quiz files: {@code small_int}. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the input is a constant of the forward lines (labels, a mask): it has no gradient. */
  public boolean isConstant() {
    return this == LABELS || this == BERNOULLI;
  }

  /** Whether values are drawn from a {@link ValueRange} ({@code range:} applies). */
  public boolean hasRange() {
    return this == SMALL_INT || this == SMALL_DECIMAL;
  }
}
