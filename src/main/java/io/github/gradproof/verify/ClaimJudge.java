package io.github.gradproof.verify;

import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.EvaluationException;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Value;
import java.util.Arrays;

/** Decides whether a claim holds in one trial, and if not, why. */
final class ClaimJudge {

  static final double ATOL = 1e-8;
  static final double RTOL = 1e-6;
  static final double APPROX = 0.1;

  private ClaimJudge() {}

  static Outcome judge(Line line, Trial trial) {
    Evaluator ev = new Evaluator(trial.env, trial);
    try {
      if (line instanceof Line.GradientClaim g) {
        return gradient(g, ev.eval(g.value()), trial.grads.get(g.target()));
      }
      Line.Comparison c = (Line.Comparison) line;
      return comparison(c.op(), ev.eval(c.left()), ev.eval(c.right()));
    } catch (EvaluationException e) {
      return new Outcome(Reasons.of(e.kind(), e.detail()), null, Double.NaN);
    }
  }

  private static Outcome gradient(Line.GradientClaim g, Value claimedValue, Tensor truth) {
    Tensor claimed = Evaluator.var(claimedValue).value();
    String shape = claimed.shapeString();
    if (!Arrays.equals(claimed.shape(), truth.shape())) {
      return new Outcome(new Reason(Reason.Kind.SHAPE, shape + " ≠ " + g.name() + " " + truth.shapeString()),
          shape, Double.NaN);
    }
    double[] a = claimed.toArray();
    double[] b = truth.toArray();
    double max = 0;
    int worst = -1;
    double worstExcess = 0;
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (!Double.isNaN(max) && !(d <= max)) {
        max = d; // a NaN difference makes the error NaN for good
      }
      double excess = d - (ATOL + RTOL * Math.abs(b[i]));
      if (Double.isNaN(excess)) {
        excess = Double.POSITIVE_INFINITY; // NaN is never close; the first one is reported
      }
      if (excess > 0 && (worst < 0 || excess > worstExcess)) {
        worst = i;
        worstExcess = excess;
      }
    }
    if (worst < 0) {
      return new Outcome(null, shape, max);
    }
    String detail = "|Δ" + Numbers.index(truth.shape(), worst) + "| = " + Numbers.error(Math.abs(a[worst] - b[worst]));
    return new Outcome(new Reason(Reason.Kind.VALUE, detail), shape, max);
  }

  private static Outcome comparison(CompareOp op, Value l, Value r) {
    String shape = l instanceof Value.TensorValue t ? t.tensor().shapeString() : null;
    if (l instanceof Value.ShapeValue a && r instanceof Value.ShapeValue b) {
      boolean equal = Arrays.equals(a.dims(), b.dims());
      boolean holds = op == CompareOp.EQ ? equal : !equal;
      return holds ? new Outcome(null, null, Double.NaN)
          : new Outcome(new Reason(Reason.Kind.COMPARISON, a + " " + op.negation() + " " + b), null, Double.NaN);
    }
    if (l instanceof Value.IntValue a && r instanceof Value.IntValue b) {
      boolean holds = integers(op, a.value(), b.value());
      return holds ? new Outcome(null, null, Double.NaN) : new Outcome(new Reason(Reason.Kind.COMPARISON,
          a.value() + " " + op.negation() + " " + b.value()), null, Double.NaN);
    }
    Var a = Evaluator.var(l);
    Var b = Evaluator.var(r);
    if ((op == CompareOp.EQ || op == CompareOp.NE) && l instanceof Value.TensorValue
        && r instanceof Value.TensorValue && !Arrays.equals(a.value().shape(), b.value().shape())) {
      if (op == CompareOp.NE) {
        return new Outcome(null, shape, Double.NaN);
      }
      return new Outcome(new Reason(Reason.Kind.SHAPE, a.value().shapeString() + " ≠ " + b.value().shapeString()),
          shape, Double.NaN);
    }
    Tensor x;
    Tensor y;
    try {
      x = a.add(Var.zerosLike(b)).value();
      y = b.add(Var.zerosLike(a)).value();
    } catch (ShapeException e) {
      return new Outcome(Reasons.of(e.kind(), a.value().shapeString() + " " + op.symbol() + " "
          + b.value().shapeString()), shape, Double.NaN);
    }
    double[] xs = x.toArray();
    double[] ys = y.toArray();
    boolean anyUnequal = false;
    for (int i = 0; i < xs.length; i++) {
      boolean ok = op == CompareOp.NE ? true : elementHolds(op, xs[i], ys[i]);
      if (op == CompareOp.NE && !elementHolds(CompareOp.EQ, xs[i], ys[i])) {
        anyUnequal = true;
      }
      if (!ok) {
        String at = x.rank() == 0 ? "" : Numbers.index(x.shape(), i) + ": ";
        return new Outcome(new Reason(Reason.Kind.COMPARISON, at + Numbers.format(xs[i]) + " " + op.negation()
            + " " + Numbers.format(ys[i])), shape, Double.NaN);
      }
    }
    if (op == CompareOp.NE && !anyUnequal) {
      return new Outcome(new Reason(Reason.Kind.COMPARISON, "Δ ≈ 0"), shape, Double.NaN);
    }
    return new Outcome(null, shape, Double.NaN);
  }

  private static boolean integers(CompareOp op, long a, long b) {
    return switch (op) {
      case EQ, APPROX -> op == CompareOp.EQ ? a == b : Math.abs(a - b) <= APPROX * Math.max(1, Math.abs(b));
      case NE -> a != b;
      case LT -> a < b;
      case GT -> a > b;
      case LE -> a <= b;
      case GE -> a >= b;
    };
  }

  private static boolean elementHolds(CompareOp op, double a, double b) {
    return switch (op) {
      case EQ -> Math.abs(a - b) <= ATOL + RTOL * Math.abs(b);
      case NE -> !(Math.abs(a - b) <= ATOL + RTOL * Math.abs(b));
      case LT -> a < b;
      case GT -> a > b;
      case LE -> a <= b;
      case GE -> a >= b;
      case APPROX -> Math.abs(a - b) <= APPROX * Math.max(1, Math.abs(b));
    };
  }
}
