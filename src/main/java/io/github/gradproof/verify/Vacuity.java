package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Expr;
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
 * once, by zeros and then by {@value #RANDOM_PROBES} draws of large random values (standard normal
 * times {@value #SPREAD}·(1 + the value's largest magnitude)); it is vacuous when it holds in every
 * probe on which it is defined, and is defined on some. A claim that states something about the
 * values fails at least one probe: {@code dx > 0} and {@code sum(dx * dx) > 0} fail on zeros,
 * {@code sum(dx, axis=1) == 0} and bounds such as {@code abs(dx) <= 1} on random values. A probe
 * whose compared sides hold a NaN says nothing ({@code dx / dx == 1} is 0/0 on zeros, and holds on
 * every random draw). So many random probes, because a true claim can hold on random values by
 * chance: {@code argmax(p) == argmax(z)} does on a third of them with three classes, which two
 * probes would call vacuous for one question in nine. Probes are seeded by the question's id, so the
 * same file always gives the same answer, and no two questions share their draws.
 *
 * <p>{@code !=} is not probed: {@code dx != 3 * x} holds for almost every value, but it is exactly
 * the statement a "no" answer makes, and it is false for the one value it rules out. One that rules
 * out no value because its sides differ by a constant ({@code dx != dx + 1}) is refused before any
 * trial ({@link io.github.gradproof.claim.ConstantOffset}).
 */
final class Vacuity {

  /** How much larger than the replaced value a random probe is. */
  static final double SPREAD = 1e3;

  private static final long SEED = 0x5ACC_0F7A_0701_06E5L;
  static final int RANDOM_PROBES = 16;

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
    Rng rng = new Rng(SEED ^ Seeds.of(cq.question.id(), 0));
    boolean defined = false;
    try {
      for (int probe = 0; probe <= RANDOM_PROBES; probe++) {
        for (Map.Entry<String, Value> e : saved.entrySet()) {
          Tensor t = ((Value.TensorValue) e.getValue()).tensor();
          trial.env.put(e.getKey(), Value.constant(probe == 0 ? Tensor.zeros(t.shape()) : random(rng, t)));
        }
        if (ClaimJudge.judge(c.line(), trial, false).holds()) {
          defined = true;
        } else if (!undefined((Line.Comparison) c.line(), trial)) {
          return false;
        }
      }
      return defined;
    } catch (RuntimeException e) {
      return false; // a probe the claim cannot even evaluate: the claim is not known to be vacuous
    } finally {
      trial.env.putAll(saved);
    }
  }

  /** Whether a side of the comparison holds a NaN in this probe (or cannot be evaluated there). */
  private static boolean undefined(Line.Comparison c, Trial trial) {
    Evaluator ev = new Evaluator(trial.env, trial);
    for (Expr side : new Expr[] {c.left(), c.right()}) {
      Value v = ev.eval(side);
      if (v instanceof Value.TensorValue t && hasNaN(t.tensor())) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasNaN(Tensor t) {
    for (double x : t.toArray()) {
      if (Double.isNaN(x)) {
        return true;
      }
    }
    return false;
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
