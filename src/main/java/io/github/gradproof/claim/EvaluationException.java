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
  private final transient Operation operation;

  /**
   * Creates the failure.
   *
   * @param kind the kind of undefined operation
   * @param operation the operation with its operands' expressions and shapes or values
   * @param message the engine's message, NumPy style
   */
  public EvaluationException(ShapeException.Kind kind, Operation operation, String message) {
    super(message, null, false, false);
    this.kind = kind;
    this.operation = operation;
  }

  /** The kind of undefined operation. */
  public ShapeException.Kind kind() {
    return kind;
  }

  /** The operation that is undefined, with its operands as facts. */
  public Operation operation() {
    return operation;
  }
}
