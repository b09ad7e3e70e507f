package io.github.gradproof.verify;

import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.Argument;
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

  static Outcome judge(Line line, Trial trial) {
    Evaluator ev = new Evaluator(trial.env, trial);
    Map<String, Integer> dims = trial.dims();
    try {
      double scale = trialScale(line, trial);
      if (line instanceof Line.GradientClaim g) {
        return gradient(g, ev.eval(g.value()), trial.grads.get(g.target()), dims, scale);
      }
      Line.Comparison c = (Line.Comparison) line;
      return comparison(c, ev.eval(c.left()), ev.eval(c.right()), dims, scale);
    } catch (EvaluationException e) {
      return new Outcome(Reason.Undefined.of(e.kind(), e.operation(), dims), null, Double.NaN);
    }
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
      double scale) {
    Tensor claimed = Evaluator.var(claimedValue).value();
    int[] shape = claimed.shape();
    if (!Arrays.equals(shape, truth.shape())) {
      return new Outcome(new Reason.ShapeMismatch(new Argument(null, g.value(), new Operand.Tensor(shape)),
          new Argument(null, null, new Operand.Tensor(truth.shape())), g.name(), dims), shape, Double.NaN);
    }
    double[] a = claimed.toArray();
    double[] b = truth.toArray();
    Closeness closeness = Closeness.of(a, b, scale);
    double max = 0;
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (!Double.isNaN(max) && !(d <= max)) {
        max = d; // a NaN difference makes the error NaN for good
      }
      double excess = closeness.excess(a[i], b[i]); // NaN is never close; the first one is reported
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

  private static Outcome comparison(Line.Comparison c, Value l, Value r, Map<String, Integer> dims, double scale) {
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
    Tensor x;
    Tensor y;
    try {
      x = a.add(Var.zerosLike(b)).value();
      y = b.add(Var.zerosLike(a)).value();
    } catch (ShapeException e) {
      Operation compared = new Operation(op.symbol(), true, List.of(left, right));
      return new Outcome(Reason.Undefined.of(e.kind(), compared, dims), shape, Double.NaN);
    }
    return new Outcome(elementwise(c, x, y, left, right, dims, scale), shape, Double.NaN);
  }

  /** Why two shape tuples or integers, compared whole, fail the comparison. */
  private static Reason whole(Line.Comparison c, Value l, Value r, Map<String, Integer> dims) {
    return new Reason.ComparisonFails(c.op(), new Argument(null, c.left(), Operand.of(l)),
        new Argument(null, c.right(), Operand.of(r)), null, dims);
  }

  /** Compares two tensors of one (broadcast) shape element by element: {@code null} when the claim holds. */
  private static Reason elementwise(Line.Comparison c, Tensor x, Tensor y, Argument left, Argument right,
      Map<String, Integer> dims, double scale) {
    CompareOp op = c.op();
    double[] xs = x.toArray();
    double[] ys = y.toArray();
    Closeness closeness = Closeness.of(xs, ys, scale);
    boolean anyUnequal = false;
    for (int i = 0; i < xs.length; i++) {
      boolean ok = op == CompareOp.NE || elementHolds(op, xs[i], ys[i], closeness);
      if (op == CompareOp.NE && !closeness.close(xs[i], ys[i])) {
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

  private static boolean elementHolds(CompareOp op, double a, double b, Closeness closeness) {
    return switch (op) {
      case EQ -> closeness.close(a, b);
      case NE -> !closeness.close(a, b);
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
}
