package io.github.gradproof.verify;

import io.github.gradproof.autograd.RoundingProbe;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.EvaluationException;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import io.github.gradproof.claim.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Decides whether a claim holds in one trial, and if not, why. */
final class ClaimJudge {

  /**
   * {@code a ~ b}: {@code |a - b| <= APPROX·max(1, |b|)}, 5 %: tight enough to tell an order of
   * convergence of 2 from 1.8 or 2.2 (and 1 from 0.9 or 1.1), loose enough for a measured one.
   */
  static final double APPROX = 0.05;

  private ClaimJudge() {}

  /** Judges {@code line} in {@code trial}, measuring rounding noise where the verdict rests on it. */
  static Outcome judge(Line line, Trial trial) {
    return judge(line, trial, true);
  }

  /**
   * Judges {@code line} in {@code trial}; with {@code measureNoise}, an element that is close only
   * through the floors of {@link Closeness} is judged against its measured rounding noise too
   * ({@link RoundingNoise}). Without it (the values in {@code trial.env} replaced, as
   * {@link Vacuity} does), the floors alone decide.
   */
  static Outcome judge(Line line, Trial trial, boolean measureNoise) {
    Evaluator ev = new Evaluator(trial.env, trial);
    Map<String, Integer> dims = trial.dims();
    RoundingNoise noise = measureNoise && !Claims.usesExperiments(line) ? new RoundingNoise(line, trial) : null;
    try {
      double scale = trialScale(line, trial);
      if (line instanceof Line.GradientClaim g) {
        return gradient(g, ev.eval(g.value()), trial.grads.get(g.target()), dims, scale, noise);
      }
      Line.Comparison c = (Line.Comparison) line;
      return comparison(c, ev.eval(c.left()), ev.eval(c.right()), dims, scale, noise);
    } catch (EvaluationException e) {
      return new Outcome(Reason.Undefined.of(e.kind(), e.operation(), dims), null, Double.NaN);
    }
  }

  /**
   * The closeness rule of two compared sides {@code a} and {@code b}: the floors of {@link Closeness};
   * where an element is refused by them but lies within the ceiling, judged by the sides' measured
   * rounding noise instead, if no probe crossed a branch ({@link RoundingNoise#rounding}); else, where
   * an element rests on a floor, the floors capped by the measured noise.
   */
  private static Closeness closeness(double[] a, double[] b, double scale, RoundingNoise noise) {
    Closeness closeness = Closeness.of(a, b, scale);
    if (noise == null) {
      return closeness;
    }
    double ceiling = closeness.ceiling(a, b, scale, noise.outerScale());
    if (closeness.failsWithin(a, b, ceiling)) {
      double[] measured = noise.rounding(a, b);
      if (measured != null) {
        return closeness.withRoundingNoise(measured, ceiling);
      }
    }
    if (closeness.restsOnTheFloor(a, b)) {
      double[] measured = noise.of(a, b);
      if (measured != null) {
        return closeness.withNoise(measured);
      }
    }
    return closeness;
  }

  /**
   * The trial's scale for {@link Closeness}: when the line reads a gradient (or is a gradient
   * claim), the largest magnitude of the engine's gradients of the names it differentiates and of
   * every forward name computed from them (the gradients a backward pass adds up into the ones read);
   * else of the inputs and forward values it reads and of every one they are computed from. The
   * objective's own gradient (1, or the drawn upstream) is left out: it does not scale with the
   * objective. Values the line's values do not depend on are left out too: a huge gradient of another
   * input ({@code exp(60 * a)} beside {@code b * c}) would otherwise make any claim about {@code db}
   * hold.
   */
  static double trialScale(Line line, Trial trial) {
    ScaleCone cone = trial.scaleCone(line);
    double scale = 0;
    for (String name : cone.names()) {
      scale = Math.max(scale, trial.scaleOf(cone.gradients() ? trial.grads.get(name) : trial.value(name)));
    }
    return scale;
  }

  /**
   * The names whose values (or, for {@code gradients}, whose engine gradients) set the scale of
   * {@link #trialScale}. They depend on the question alone, given which names have gradients, so a
   * question finds them once for all its trials ({@link Trial#scaleCone}).
   */
  record ScaleCone(List<String> names, boolean gradients) {}

  /** Finds {@link ScaleCone} of {@code line} in {@code trial}; see {@link #trialScale}. */
  static ScaleCone scaleCone(Line line, Trial trial) {
    Set<String> differentiated = new LinkedHashSet<>();
    Set<String> values = new LinkedHashSet<>();
    if (line instanceof Line.GradientClaim g) {
      differentiated.add(g.target());
    }
    for (String name : trial.names(line)) {
      if (name.startsWith("d") && trial.grads.containsKey(name.substring(1))) {
        differentiated.add(name.substring(1));
      } else if (trial.grads.containsKey(name)) {
        values.add(name);
      }
    }
    boolean gradients = !differentiated.isEmpty();
    Set<String> cone = gradients ? trial.computedFrom(differentiated) : trial.computing(values);
    List<String> names = new ArrayList<>();
    for (String name : cone) {
      if (trial.grads.containsKey(name) && !(gradients && name.equals(trial.objectiveName()))) {
        names.add(name);
      }
    }
    return new ScaleCone(List.copyOf(names), gradients);
  }

  private static Outcome gradient(Line.GradientClaim g, Value claimedValue, Tensor truth, Map<String, Integer> dims,
      double scale, RoundingNoise noise) {
    Tensor claimed = Evaluator.var(claimedValue).value();
    int[] shape = claimed.shape();
    if (!Arrays.equals(shape, truth.shape())) {
      return new Outcome(new Reason.ShapeMismatch(new Argument(null, g.value(), new Operand.Tensor(shape)),
          new Argument(null, null, new Operand.Tensor(truth.shape())), g.name(), dims), shape, Double.NaN);
    }
    double[] a = claimed.toArray();
    double[] b = truth.toArray();
    Closeness closeness = closeness(a, b, scale, noise);
    double max = 0;
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (!Double.isNaN(max) && !(d <= max)) {
        max = d; // a NaN difference makes the error NaN for good
      }
      double excess = closeness.excess(i, a[i], b[i]); // NaN is never close; the first one is reported
      if (excess > 0 && (worst < 0 || excess > worstExcess)) {
        worst = i;
        worstExcess = excess;
      }
    }
    if (worst < 0) {
      return new Outcome(null, shape, max);
    }
    return new Outcome(new Reason.ValueMismatch(g.name(), index(truth.shape(), worst), a[worst], b[worst], dims),
        shape, max);
  }

  private static Outcome comparison(Line.Comparison c, Value l, Value r, Map<String, Integer> dims, double scale,
      RoundingNoise noise) {
    CompareOp op = c.op();
    int[] shape = l instanceof Value.TensorValue t ? t.tensor().shape() : null;
    if (l instanceof Value.ShapeValue a && r instanceof Value.ShapeValue b) {
      boolean equal = Arrays.equals(a.dims(), b.dims());
      return (op == CompareOp.EQ ? equal : !equal) ? new Outcome(null, null, Double.NaN)
          : new Outcome(whole(c, l, r, dims), null, Double.NaN);
    }
    if (l instanceof Value.IntValue a && r instanceof Value.IntValue b) {
      return integers(op, a.value(), b.value()) ? new Outcome(null, null, Double.NaN)
          : new Outcome(whole(c, l, r, dims), null, Double.NaN);
    }
    Var a = Evaluator.var(l);
    Var b = Evaluator.var(r);
    Argument left = new Argument(null, c.left(), new Operand.Tensor(a.value().shape()));
    Argument right = new Argument(null, c.right(), new Operand.Tensor(b.value().shape()));
    if ((op == CompareOp.EQ || op == CompareOp.NE) && l instanceof Value.TensorValue
        && r instanceof Value.TensorValue && !Arrays.equals(a.value().shape(), b.value().shape())) {
      if (op == CompareOp.NE) {
        return new Outcome(null, shape, Double.NaN);
      }
      return new Outcome(new Reason.ShapeMismatch(left, right, null, dims), shape, Double.NaN);
    }
    Tensor[] sides;
    try {
      sides = broadcast(a, b);
    } catch (ShapeException e) {
      Operation compared = new Operation(op.symbol(), true, List.of(left, right));
      return new Outcome(Reason.Undefined.of(e.kind(), compared, dims), shape, Double.NaN);
    }
    return new Outcome(elementwise(c, sides[0], sides[1], left, right, dims, scale, noise), shape, Double.NaN);
  }

  /** The two sides of a comparison of tensors, broadcast to one shape. */
  private static Tensor[] broadcast(Var a, Var b) {
    return new Tensor[] {a.add(Var.zerosLike(b)).value(), b.add(Var.zerosLike(a)).value()};
  }

  /** Why two shape tuples or integers, compared whole, fail the comparison. */
  private static Reason whole(Line.Comparison c, Value l, Value r, Map<String, Integer> dims) {
    return new Reason.ComparisonFails(c.op(), new Argument(null, c.left(), Operand.of(l)),
        new Argument(null, c.right(), Operand.of(r)), null, dims);
  }

  /** Compares two tensors of one (broadcast) shape element by element: {@code null} when the claim holds. */
  private static Reason elementwise(Line.Comparison c, Tensor x, Tensor y, Argument left, Argument right,
      Map<String, Integer> dims, double scale, RoundingNoise noise) {
    CompareOp op = c.op();
    double[] xs = x.toArray();
    double[] ys = y.toArray();
    Closeness closeness = closeness(xs, ys, scale, noise);
    boolean anyUnequal = false;
    for (int i = 0; i < xs.length; i++) {
      boolean ok = op == CompareOp.NE || elementHolds(op, i, xs[i], ys[i], closeness);
      if (op == CompareOp.NE && !closeness.close(i, xs[i], ys[i])) {
        anyUnequal = true;
      }
      if (!ok) {
        return new Reason.ComparisonFails(op, new Argument(null, c.left(), new Operand.Element(xs[i])),
            new Argument(null, c.right(), new Operand.Element(ys[i])), index(x.shape(), i), dims);
      }
    }
    if (op == CompareOp.NE && !anyUnequal) {
      return new Reason.NoElementDiffers(left, right, dims);
    }
    return null;
  }

  /** The index of the {@code flat}-th element (row-major) of a tensor of {@code shape}. */
  static int[] index(int[] shape, int flat) {
    int[] idx = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    return idx;
  }

  private static boolean integers(CompareOp op, long a, long b) {
    return switch (op) {
      case EQ -> a == b;
      case APPROX -> approximately(a, b);
      case NE -> a != b;
      case LT -> a < b;
      case GT -> a > b;
      case LE -> a <= b;
      case GE -> a >= b;
    };
  }

  private static boolean elementHolds(CompareOp op, int i, double a, double b, Closeness closeness) {
    return switch (op) {
      case EQ -> closeness.close(i, a, b);
      case NE -> !closeness.close(i, a, b);
      case LT -> a < b;
      case GT -> a > b;
      case LE -> a <= b;
      case GE -> a >= b;
      case APPROX -> approximately(a, b);
    };
  }

  /** {@code a ~ b}: equal (infinities of one sign too), or within {@link #APPROX}{@code ·max(1, |b|)}. */
  static boolean approximately(double a, double b) {
    return a == b || Math.abs(a - b) <= APPROX * Math.max(1, Math.abs(b));
  }

  /**
   * The rounding noise of the two sides a line compares in a trial, measured in the trial's rounding
   * probes ({@link Trial#probe}): per element, the largest change of the claimed side plus the
   * largest change of the reference over the probes. A gradient computed accurately changes by
   * about its own roundoff however small it is, so a tiny true gradient is not "zero within
   * rounding" merely because the trial's other gradients are large ({@code dp = -1/p} of a confident
   * softmax beside {@code dz}); a sum that cancels to nearly zero changes by the size of its terms.
   */
  private record RoundingNoise(Line line, Trial trial) {

    /** The noise of each element of the sides {@code a} and {@code b}, or null when a probe cannot say. */
    double[] of(double[] a, double[] b) {
      double[][][] probed = new double[Trial.ROUNDING_PROBES][][];
      for (int k = 0; k < probed.length; k++) {
        Trial probe = trial.probe(k);
        probed[k] = probe == null ? null : sides(probe);
      }
      return noise(a, b, probed);
    }

    /** The noise of each element from the sides each probe gave ({@link #sides}), or null when one could not say. */
    private static double[] noise(double[] a, double[] b, double[][][] probed) {
      double[] claimed = new double[a.length];
      double[] reference = new double[b.length];
      for (double[][] sides : probed) {
        if (sides == null || sides[0].length != a.length || sides[1].length != b.length) {
          return null;
        }
        widen(claimed, a, sides[0]);
        widen(reference, b, sides[1]);
      }
      double[] noise = new double[a.length];
      for (int i = 0; i < noise.length; i++) {
        noise[i] = RoundingProbe.rounding(claimed[i] + reference[i]);
      }
      return noise;
    }

    /**
     * The scale of the objective's own gradient when the line reads gradients (0 otherwise), which
     * {@link #trialScale} leaves out: in {@code L = sum(softmax(z, dim=1))} it is the only value
     * of the cone larger than roundoff.
     */
    double outerScale() {
      String objective = trial.objectiveName();
      Tensor seed = objective == null ? null : trial.grads.get(objective);
      return seed != null && trial.scaleCone(line).gradients() ? trial.scaleOf(seed) : 0;
    }

    /**
     * {@link #of}, when every probe took the branches the trial took, in its forward lines and in
     * the line's own operations; else null. A value's change across a branch (a mask of {@code ==}
     * that flips at a tie) is a jump, not rounding, and must not widen any allowance. The trial's
     * branches are read from its still probe ({@link Trial#stillProbe}), which computes exactly
     * what the trial computed.
     */
    double[] rounding(double[] a, double[] b) {
      Trial still = trial.stillProbe();
      Branches taken = still == null ? null : branches(still);
      if (taken == null) {
        return null;
      }
      double[][][] probed = new double[Trial.ROUNDING_PROBES][][];
      for (int k = 0; k < probed.length; k++) {
        Trial probe = trial.probe(k);
        Branches took = probe == null ? null : branches(probe);
        if (took == null || !took.same(taken)) {
          return null;
        }
        probed[k] = took.sides();
      }
      return noise(a, b, probed);
    }

    /**
     * The fingerprints of the branches a probe took in its forward lines ({@code built}) and in the
     * line's sides ({@code taken}), with the sides' values, so that they are evaluated once.
     */
    private record Branches(long built, long taken, double[][] sides) {
      boolean same(Branches other) {
        return built == other.built && taken == other.taken;
      }
    }

    /** The branches {@code probe} took, or null when the line is undefined in it. */
    private Branches branches(Trial probe) {
      double[][][] sides = new double[1][][];
      long taken = probe.branchesOf(() -> sides[0] = sides(probe));
      return sides[0] == null ? null : new Branches(probe.builtBranches(), taken, sides[0]);
    }

    /** The compared sides of the line evaluated in {@code probe}, or null when it cannot evaluate them. */
    private double[][] sides(Trial probe) {
      Evaluator ev = new Evaluator(probe.env, probe);
      try {
        if (line instanceof Line.GradientClaim g) {
          return new double[][] {Evaluator.var(ev.eval(g.value())).value().toArray(),
              probe.grads.get(g.target()).toArray()};
        }
        Line.Comparison c = (Line.Comparison) line;
        // Only float tensors reach a floor: integers and shapes are compared exactly, before this.
        Tensor[] sides = broadcast(Evaluator.var(ev.eval(c.left())), Evaluator.var(ev.eval(c.right())));
        return new double[][] {sides[0].toArray(), sides[1].toArray()};
      } catch (RuntimeException e) {
        return null; // undefined in a probe (a mask that flipped): the floors decide
      }
    }

    /** {@code widest[i] = max(widest[i], |probed[i] - plain[i]|)}; a NaN change makes it unknown (NaN). */
    private static void widen(double[] widest, double[] plain, double[] probed) {
      for (int i = 0; i < widest.length; i++) {
        double change = plain[i] == probed[i] ? 0 : Math.abs(probed[i] - plain[i]);
        widest[i] = Double.isNaN(change) || Double.isNaN(widest[i]) ? Double.NaN : Math.max(widest[i], change);
      }
    }
  }
}
