package io.github.gradproof.verify;

import io.github.gradproof.diag.SourceSpan;

/** A forward line of the setup failed to evaluate in a trial: an authoring error in the setup. */
final class TrialFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient SourceSpan line;
  /**
   * Whether the line cannot be evaluated on its operands' shapes or values at all (a kernel larger
   * than its input, a reshape that does not fit), rather than giving a non-finite value or a tensor
   * too large: at fresh dims, another draw of them may make it defined ({@link FreshDims}).
   */
  final boolean undefined;

  TrialFailure(SourceSpan line, String message) {
    this(line, message, false);
  }

  TrialFailure(SourceSpan line, String message, boolean undefined) {
    super(message, null, false, false);
    this.line = line;
    this.undefined = undefined;
  }
}
