package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Experiments;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Value;
import io.github.gradproof.diag.DiagnosticException;
import java.util.HashMap;
import java.util.Map;

/**
 * One draw of a numeric question's inputs, run through the verifier's own {@link Trial}: the
 * inputs drawn from a seed, the forward lines and the backward pass, and the engine's
 * finite-difference cross-check of a gradient. The only place numeric questions touch the trial
 * machinery, so that it can follow the trials wherever they go.
 */
final class VariantTrial {

  private final Trial trial;
  private final String objective;

  private VariantTrial(Trial trial, String objective) {
    this.trial = trial;
    this.objective = objective;
  }

  /**
   * Draws the inputs from {@code seed} under {@code dims} and runs the forward and backward pass.
   *
   * @throws TrialFailure when a forward line fails on these inputs
   */
  static VariantTrial draw(CompiledQuestion question, Map<String, Integer> dims, long seed) {
    String last = question.forward.isEmpty() ? null : question.forward.get(question.forward.size() - 1).name();
    return new VariantTrial(new Trial(question, dims, seed), last);
  }

  /**
   * The same draw with the inputs named in {@code given} replaced by those values.
   *
   * @throws TrialFailure when a forward line fails on these inputs
   */
  static VariantTrial with(CompiledQuestion question, Map<String, Integer> dims, long seed,
      Map<String, Tensor> given) {
    String last = question.forward.isEmpty() ? null : question.forward.get(question.forward.size() - 1).name();
    return new VariantTrial(new Trial(question, dims, seed, given), last);
  }

  /**
   * Evaluates a checked expression among the trial's names (dims, inputs, forward names and their
   * gradients) and {@code extra} ones.
   */
  Value evaluate(Expr expression, Map<String, Value> extra) {
    Map<String, Value> env = new HashMap<>(trial.env);
    env.putAll(extra);
    return new Evaluator(env, Experiments.NONE).eval(expression);
  }

  /**
   * Rounding probe {@code k} of this draw (below {@link Trial#ROUNDING_PROBES}): the same inputs, every
   * input and computed value moved by a small relative amount ({@link Trial#probe}); null when it
   * cannot be run.
   */
  VariantTrial probe(int k) {
    Trial probe = trial.probe(k);
    return probe == null ? null : new VariantTrial(probe, objective);
  }

  /** This draw computed again exactly, recording its branches as the probes do; null when it cannot be run. */
  VariantTrial still() {
    Trial still = trial.stillProbe();
    return still == null ? null : new VariantTrial(still, objective);
  }

  /**
   * In a probe (or the still probe), the branches this draw took: those of its forward lines, then
   * those {@code evaluation} takes, each as a fingerprint.
   */
  long[] branches(Runnable evaluation) {
    return new long[] {trial.builtBranches(), trial.branchesOf(evaluation)};
  }

  /** An input's values. */
  Tensor input(String name) {
    return trial.value(name);
  }

  /** The rank of the objective's value (the last forward line's), or 0 without forward lines. */
  int objectiveRank() {
    return objective == null ? 0 : trial.value(objective).rank();
  }

  /** Whether {@code name} is the objective itself, whose gradient is 1 (or the upstream) by definition. */
  boolean isObjective(String name) {
    return name.equals(objective);
  }

  /** The authoring error for a NaN in {@code name}'s engine gradient that a forward line discards, or null. */
  DiagnosticException nanGradient(CompiledQuestion cq, String name) {
    return NanGradient.of(cq, trial.grads, name);
  }

  /** The engine's gradient of {@code name} against finite differences, as claims are cross-checked. */
  GradCheckResult check(String name, EngineCheck engineCheck) {
    return trial.check(name, engineCheck);
  }
}
