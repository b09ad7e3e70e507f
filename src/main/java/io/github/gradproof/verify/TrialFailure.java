package io.github.gradproof.verify;

import io.github.gradproof.quiz.ClaimText;

/** A forward line of the setup failed to evaluate in a trial: an authoring error in the setup. */
final class TrialFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient ClaimText line;

  TrialFailure(ClaimText line, String message) {
    super(message, null, false, false);
    this.line = line;
  }
}
