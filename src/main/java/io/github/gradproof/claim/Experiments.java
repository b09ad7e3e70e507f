package io.github.gradproof.claim;

/**
 * The finite-difference experiment of the question being verified, as {@code fd_order(...)} and
 * {@code fd_evals(...)} see it. Computed lazily by the verifier, only when a claim asks.
 */
public interface Experiments {

  /** Fitted convergence order of forward ({@code central == false}) or central differences. */
  double order(boolean central);

  /** Function evaluations of one full finite-difference gradient by that method. */
  int evaluations(boolean central);

  /** Experiments for lines that may not use them (forward lines): every call fails. */
  Experiments NONE = new Experiments() {
    @Override
    public double order(boolean central) {
      throw new IllegalStateException("no finite-difference experiment here");
    }

    @Override
    public int evaluations(boolean central) {
      throw new IllegalStateException("no finite-difference experiment here");
    }
  };
}
