package io.github.gradproof.verify;

/** The outcome of checking one claim or one choice. */
public enum Verdict {
  /** Holds in every trial. */
  HOLDS,
  /** Mathematically false in at least one trial: wrong values, wrong shape, impossible op. */
  FALSE,
  /** Nothing to check: a choice without a claim, or a question with {@code verify: false}. */
  NOT_CHECKABLE
}
