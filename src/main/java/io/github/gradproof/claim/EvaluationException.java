package io.github.gradproof.claim;

import io.github.gradproof.autograd.ShapeException;

/**
 * An operation in a claim is mathematically undefined on these operands (shapes that do not
 * broadcast, mismatched matmul, impossible reshape, axis out of range). A legitimate "false"
 * verdict, never an authoring error.
 */
public final class EvaluationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ShapeException.Kind kind;
  private final String detail;

  /**
   * Creates the failure.
   *
   * @param kind the kind of undefined operation
   * @param detail the operation with its operands' shapes, symbols only, e.g. {@code (4, 3) + (5, 4)}
   */
  public EvaluationException(ShapeException.Kind kind, String detail, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.detail = detail;
  }

  /** The kind of undefined operation. */
  public ShapeException.Kind kind() {
    return kind;
  }

  /** The operation with its operands' shapes, language-neutral, e.g. {@code (4, 3) → (3,)}. */
  public String detail() {
    return detail;
  }
}
