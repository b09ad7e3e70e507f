package io.github.gradproof.claim;

/**
 * An authoring error in one claim or forward line: where (0-based offset in the line) and what.
 * {@link Claims} turns it into a located {@link io.github.gradproof.diag.Diagnostic}.
 */
public final class ClaimSyntaxException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int offset;

  /** Creates an error at {@code offset} in the line. */
  public ClaimSyntaxException(int offset, String message) {
    super(message, null, false, false);
    this.offset = offset;
  }

  /** 0-based index in the line where the problem is. */
  public int offset() {
    return offset;
  }
}
