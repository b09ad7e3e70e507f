package io.github.gradproof.verify;

import io.github.gradproof.autograd.ShapeException;

/** Builds {@link Reason}s and phrases them in English for build messages. */
public final class Reasons {

  private Reasons() {}

  /** The reason for an operation undefined on its operands. */
  static Reason of(ShapeException.Kind kind, String detail) {
    Reason.Kind k = switch (kind) {
      case BROADCAST -> Reason.Kind.BROADCAST;
      case MATMUL -> Reason.Kind.MATMUL;
      case RESHAPE -> Reason.Kind.RESHAPE;
      default -> Reason.Kind.DOMAIN;
    };
    return new Reason(k, detail);
  }

  /** The reason in English, e.g. {@code shape (4, 3) ≠ dA (3, 4)}. */
  public static String english(Reason r) {
    String prefix = switch (r.kind()) {
      case SHAPE -> "shape ";
      case VALUE -> "values differ: ";
      case BROADCAST -> "shapes do not broadcast: ";
      case MATMUL -> "matmul inner dimensions differ: ";
      case RESHAPE -> "cannot reshape ";
      case DOMAIN -> "undefined operation: ";
      case COMPARISON -> "comparison fails: ";
    };
    return prefix + r.detail();
  }
}
