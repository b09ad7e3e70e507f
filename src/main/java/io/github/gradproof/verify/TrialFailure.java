package io.github.gradproof.verify;

import io.github.gradproof.diag.SourceSpan;

/** A forward line of the setup failed to evaluate in a trial: an authoring error in the setup. */
final class TrialFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient SourceSpan line;

  TrialFailure(SourceSpan line, String message) {
    super(message, null, false, false);
    this.line = line;
  }
}
