package io.github.gradproof.verify;

/** Accumulates one claim's outcomes over all trials into a {@link ClaimResult}. */
final class ClaimTally {

  final CompiledClaim claim;
  private int[] shape;
  private boolean first = true;
  private double error = Double.NaN;
  private boolean comparable = true;
  private double engineError = Double.NaN;
  private Reason reason;
  private int trials;

  ClaimTally(CompiledClaim claim) {
    this.claim = claim;
  }

  void add(Outcome o, double engine) {
    trials++;
    if (first) {
      shape = o.shape();
      first = false;
    }
    if (Double.isNaN(o.error())) {
      comparable = false;
    } else if (comparable) {
      error = Double.isNaN(error) ? o.error() : Math.max(error, o.error());
    }
    if (!Double.isNaN(engine)) {
      engineError = Double.isNaN(engineError) ? engine : Math.max(engineError, engine);
    }
    if (reason == null && !o.holds()) {
      reason = o.reason();
    }
  }

  ClaimResult result() {
    return new ClaimResult(claim.text(), claim.line(), shape, comparable ? error : Double.NaN, engineError,
        trials, reason == null ? Verdict.HOLDS : Verdict.FALSE, reason, claim.facts());
  }
}
