package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Value;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds comparisons that hold whatever the values they read are, so their holding proves nothing
 * even though they read a gradient or a forward value: {@code dx - dx == 0}, {@code abs(dx) >= 0},
 * {@code dx * 0 == zeros_like(x)}, {@code dx.T.T == dx}, {@code sum(dx) == dx.sum()}. The
 * syntactic checks (shape-only comparisons, the same expression on both sides) cannot see these.
 *
 * <p>A comparison is probed in one trial with every name whose value it reads replaced, all at
 * once, by zeros and then by two draws of large random values (standard normal times
 * {@value #SPREAD}·(1 + the value's largest magnitude)); it is vacuous when it holds in every probe.
 * A claim that states something about the values fails at least one probe: {@code dx > 0} and
 * {@code sum(dx * dx) > 0} fail on zeros, {@code sum(dx, axis=1) == 0} and bounds such as {@code abs(dx) <=
 * 1} on random values. Probes are seeded, so the same file always gives the same answer.
 *
 * <p>{@code !=} is not probed: {@code dx != 3 * x} holds for almost every value, but it is exactly
 * the statement a "no" answer makes, and it is false for the one value it rules out.
 */
final class Vacuity {

  /** How much larger than the replaced value a random probe is. */
  static final double SPREAD = 1e3;

  private static final long SEED = 0x5ACC_0F7A_0701_06E5L;
  private static final int RANDOM_PROBES = 2;

  private Vacuity() {}

  /** The claims of the question that hold in every probe of {@code trial}. */
  static Set<CompiledClaim> of(CompiledQuestion cq, Trial trial) {
    Set<CompiledClaim> vacuous = new LinkedHashSet<>();
    for (CompiledClaim c : cq.allClaims()) {
      if (c.line() instanceof Line.Comparison cmp && cmp.op() != CompareOp.NE && c.constrains()
          && !Claims.usesExperiments(c.line()) && holdsWhatever(c, cq, trial)) {
        vacuous.add(c);
      }
    }
    return vacuous;
  }

  /** Whether the comparison holds with the values it reads replaced by every probe. */
  private static boolean holdsWhatever(CompiledClaim c, CompiledQuestion cq, Trial trial) {
    Map<String, Value> saved = new HashMap<>();
    for (String name : Claims.valueNames(c.line(), cq.scope())) {
      Value v = trial.env.get(name);
      if (v instanceof Value.TensorValue) {
        saved.put(name, v);
      }
    }
    if (saved.isEmpty()) {
      return false;
    }
    Rng rng = new Rng(SEED);
    try {
      for (int probe = 0; probe <= RANDOM_PROBES; probe++) {
        for (Map.Entry<String, Value> e : saved.entrySet()) {
          Tensor t = ((Value.TensorValue) e.getValue()).tensor();
          trial.env.put(e.getKey(), Value.constant(probe == 0 ? Tensor.zeros(t.shape()) : random(rng, t)));
        }
        if (!ClaimJudge.judge(c.line(), trial, false).holds()) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false; // a probe the claim cannot even evaluate: the claim is not known to be vacuous
    } finally {
      trial.env.putAll(saved);
    }
  }

  private static Tensor random(Rng rng, Tensor like) {
    double max = 0;
    for (double x : like.toArray()) {
      if (Double.isFinite(x)) {
        max = Math.max(max, Math.abs(x));
      }
    }
    double[] r = rng.normal(like.shape()).toArray();
    double spread = SPREAD * (1 + max);
    for (int i = 0; i < r.length; i++) {
      r[i] *= spread;
    }
    return Tensor.of(r, like.shape());
  }
}
