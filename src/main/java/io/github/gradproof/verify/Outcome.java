package io.github.gradproof.verify;

/**
 * A claim's result in one trial.
 *
 * @param reason why it is false, {@code null} when it holds
 * @param shape the claimed value's shape, or {@code null} when it is not a tensor
 * @param error largest absolute error against autograd (gradient claims), else {@code NaN}
 */
record Outcome(Reason reason, int[] shape, double error) {
  boolean holds() {
    return reason == null;
  }
}
