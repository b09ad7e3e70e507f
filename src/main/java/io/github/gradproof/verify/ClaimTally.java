package io.github.gradproof.verify;

/** Accumulates one claim's outcomes over all trials into a {@link ClaimResult}. */
final class ClaimTally {

  final CompiledClaim claim;
  private int[] shape;
  private final java.util.List<int[]> shapes = new java.util.ArrayList<>();
  private boolean first = true;
  private boolean engineCompared;
  private boolean engineSkipped;
  private double error = Double.NaN;
  private boolean comparable = true;
  private double engineError = Double.NaN;
  private Reason reason;
  private int trials;

  ClaimTally(CompiledClaim claim) {
    this.claim = claim;
  }

  /**
   * Adds one trial's outcome.
   *
   * @param authored the author's dims assignments when this trial ran at fresh dims (then a first
   *     failure here means the claim held at every author's assignment), else {@code null}
   */
  void add(Outcome o, EngineOutcome engine, java.util.List<java.util.Map<String, Integer>> authored) {
    trials++;
    if (first) {
      shape = o.shape();
      first = false;
    }
    if (o.shape() != null && !hasShape(o.shape())) {
      shapes.add(o.shape());
    }
    engineCompared |= engine.compared();
    engineSkipped |= engine.skipped();
    if (Double.isNaN(o.error())) {
      comparable = false;
    } else if (comparable) {
      error = Double.isNaN(error) ? o.error() : Math.max(error, o.error());
    }
    if (!Double.isNaN(engine.error())) {
      engineError = Double.isNaN(engineError) ? engine.error() : Math.max(engineError, engine.error());
    }
    if (reason == null && !o.holds()) {
      reason = authored == null ? o.reason() : new Reason.NotGeneral(authored, o.reason());
    }
  }

  /**
   * Adds one widened trial's outcome ({@link Trial#widened}): it counts as a trial and can make the
   * claim false, wrapped in {@link Reason.Widened}; its error, on inputs {@code widen} times larger,
   * is not one of the figures the page sets beside the usual trials'.
   */
  void addWidened(Outcome o, double widen, Reason.Widened.Moved moved) {
    trials++;
    if (reason == null && !o.holds()) {
      reason = new Reason.Widened(widen, o.reason(), moved);
    }
  }

  /** Whether {@code shape} is among the shapes seen (a loop: a stream's lambda would be made for every trial). */
  private boolean hasShape(int[] shape) {
    for (int[] s : shapes) {
      if (java.util.Arrays.equals(s, shape)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The engine check of a claim's gradients in one trial.
   *
   * @param error the largest error over the points compared, {@code NaN} when none was
   * @param compared whether any point was compared
   * @param skipped whether a checked gradient had every point skipped (kinks)
   */
  record EngineOutcome(double error, boolean compared, boolean skipped) {}

  ClaimResult result() {
    return new ClaimResult(claim.text(), claim.line(), shape, comparable ? error : Double.NaN, engineError,
        trials, reason == null ? Verdict.HOLDS : Verdict.FALSE, reason, claim.facts(), shapes,
        engineSkipped && !engineCompared);
  }
}
