package io.github.gradproof.claim;

/**
 * Integer arithmetic in a claim or forward line left the 64-bit range. Python's integers would
 * not wrap around, so neither does the language: this is an authoring error at {@link #pos()},
 * never a value.
 */
public final class IntegerOverflowException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int pos;

  IntegerOverflowException(int pos, String message) {
    super(message, null, false, false);
    this.pos = pos;
  }

  /** Offset of the overflowing operator in the line. */
  public int pos() {
    return pos;
  }
}
