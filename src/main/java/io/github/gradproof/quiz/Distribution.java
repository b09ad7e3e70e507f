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
  LABELS
}
