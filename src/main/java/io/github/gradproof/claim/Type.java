package io.github.gradproof.claim;

/** The category of a claim expression's value; every expression has one before it is evaluated. */
public enum Type {
  /** An integer: a dim, an integer literal, {@code x.ndim}, {@code fd_evals(...)}. Acts as a scalar in arithmetic. */
  INT("an integer"),
  /** A float64 tensor of any rank, including scalars. */
  TENSOR("a tensor"),
  /** A shape tuple such as {@code (3, 4)}. */
  SHAPE("a shape tuple"),
  /** {@code True} or {@code False}. */
  BOOL("a boolean"),
  /** A string literal such as {@code 'ij,jk->ik'}. */
  STRING("a string"),
  /** {@code None}. */
  NONE("None"),
  /** A list or tuple of tensors, such as {@code [a, b]}. */
  SEQUENCE("a list of tensors"),
  /** The method keyword {@code forward} or {@code central} of the finite-difference functions. */
  METHOD("a method keyword");

  private final String description;

  Type(String description) {
    this.description = description;
  }

  /** How the type reads in an error message, e.g. "a shape tuple". */
  public String description() {
    return description;
  }

  /** Whether values of this type take part in arithmetic (integers act as scalars). */
  public boolean isNumeric() {
    return this == INT || this == TENSOR;
  }
}
