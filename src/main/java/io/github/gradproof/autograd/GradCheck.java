package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Checks an analytic gradient against central differences {@code (f(x+h) - f(x-h)) / 2h}.
 *
 * <p>Each element gets its own step {@code h = 6e-6 * max(1, |x|)}, rounded so that {@code x + h} and
 * {@code x - h} are exactly what the denominator assumes ({@code h := (x + h) - x}). A point passes when
 * {@code |a - n| <= 1e-8 + 1e-6 * |n|}. Inputs with more than {@value #FAST_MODE_THRESHOLD} elements are
 * checked in fast mode instead: {@value #PROJECTIONS} random directions {@code u} (seeded, so repeatable),
 * comparing the directional derivative {@code g·u} with its central difference, which costs two
 * evaluations per direction instead of two per element.
 *
 * <p>Kinks: a central difference that straddles a kink of relu, abs, max or a comparison measures a jump,
 * not a derivative. Each evaluation gets its own {@link KinkRecorder}: {@code f} receives the point as a
 * {@linkplain Var#recording recording} leaf, and the operations computed from it report which branch each
 * element took. When the evaluations at {@code x + h} and {@code x - h} took different branches, the point
 * lies within a step of a kink and is skipped and counted in {@link GradCheckResult#skipped()}. This needs
 * {@code f} to compute through {@link Var} operations on the leaf it is given; a function that does its own
 * non-smooth arithmetic is not protected.
 */
public final class GradCheck {

  /** Absolute tolerance of the pass rule. */
  public static final double ATOL = 1e-8;
  /** Relative tolerance of the pass rule (relative to the numeric estimate). */
  public static final double RTOL = 1e-6;
  /** Step relative to {@code max(1, |x|)}. */
  public static final double RELATIVE_STEP = 6e-6;
  /** Inputs with more elements than this are checked by random projections. */
  public static final int FAST_MODE_THRESHOLD = 4096;
  /** Number of random directions in fast mode. */
  public static final int PROJECTIONS = 12;
  /**
   * In fast mode a direction that fails at the base step is retried at larger steps: over a
   * large input the rounding noise of {@code f} divided by a tiny step can exceed the tolerance,
   * while a wrong gradient stays wrong at every step.
   */
  private static final double[] STEP_MULTIPLIERS = {1, 16, 256};

  private GradCheck() {}

  /**
   * Checks {@code analyticGrad} as the gradient of {@code f} at {@code x}.
   *
   * @param f scalar function of a point shaped like {@code x}, given as a recording leaf; must be deterministic
   * @param x the point
   * @param analyticGrad the gradient to check, shaped like {@code x}
   * @throws ShapeException of kind DOMAIN if {@code analyticGrad} is not shaped like {@code x}
   */
  public static GradCheckResult check(ToDoubleFunction<Var> f, Tensor x, Tensor analyticGrad) {
    if (!Arrays.equals(x.shapeRef(), analyticGrad.shapeRef())) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "gradcheck: gradient shape "
          + analyticGrad.shapeString() + " does not match input shape " + x.shapeString());
    }
    return x.size() > FAST_MODE_THRESHOLD
        ? byProjections(f, x, analyticGrad, PROJECTIONS)
        : elementwise(f, x, analyticGrad);
  }

  /**
   * The most evaluations of {@code f} that {@link #check} makes at a point of {@code size}
   * elements: two per element, or in fast mode two per direction at each of its steps. What a cost
   * estimate multiplies the price of one evaluation by.
   */
  public static long maxEvaluations(long size) {
    return size > FAST_MODE_THRESHOLD ? 2L * PROJECTIONS * STEP_MULTIPLIERS.length : 2 * size;
  }

  /** The step actually used at {@code x}: {@code 6e-6 * max(1, |x|)} rounded to {@code (x + h) - x}. */
  public static double step(double x) {
    double h = RELATIVE_STEP * Math.max(1.0, Math.abs(x));
    return (x + h) - x;
  }

  static GradCheckResult elementwise(ToDoubleFunction<Var> f, Tensor x, Tensor grad) {
    double[] point = x.toArray();
    double[] g = grad.data();
    Tally tally = new Tally();
    int worst = -1;
    for (int i = 0; i < point.length; i++) {
      double xi = point[i];
      double h = step(xi);
      point[i] = xi + h;
      Evaluation plus = Evaluation.of(f, point, x.shapeRef());
      point[i] = xi - h;
      Evaluation minus = Evaluation.of(f, point, x.shapeRef());
      point[i] = xi;
      tally.evaluations += 2;
      if (plus.fingerprint != minus.fingerprint) {
        tally.skipped++;
        continue;
      }
      double numeric = (plus.value - minus.value) / ((xi + h) - (xi - h));
      if (tally.add(g[i], numeric)) {
        worst = i;
      }
    }
    return tally.result(worst < 0 ? new int[0] : unravel(worst, x.shapeRef()));
  }

  static GradCheckResult byProjections(ToDoubleFunction<Var> f, Tensor x, Tensor grad, int projections) {
    double[] point = x.data();
    double[] g = grad.data();
    double scale = 1.0;
    for (double v : point) {
      scale = Math.max(scale, Math.abs(v));
    }
    double t = RELATIVE_STEP * scale;
    Rng rng = new Rng(0x6AD0C4EC4L + point.length);
    Tally tally = new Tally();
    double[] plusPoint = new double[point.length];
    double[] minusPoint = new double[point.length];
    double[] direction = new double[point.length];
    for (int p = 0; p < projections; p++) {
      for (int i = 0; i < point.length; i++) {
        direction[i] = rng.nextGaussian();
      }
      double[] best = null;
      for (double multiplier : STEP_MULTIPLIERS) {
        double step = t * multiplier;
        for (int i = 0; i < point.length; i++) {
          plusPoint[i] = point[i] + step * direction[i];
          minusPoint[i] = point[i] - step * direction[i];
        }
        Evaluation plus = Evaluation.of(f, plusPoint, x.shapeRef());
        Evaluation minus = Evaluation.of(f, minusPoint, x.shapeRef());
        tally.evaluations += 2;
        if (plus.fingerprint != minus.fingerprint) {
          break;
        }
        double analytic = 0;
        for (int i = 0; i < point.length; i++) {
          analytic += g[i] * (plusPoint[i] - minusPoint[i]);
        }
        double[] pair = {analytic / (2 * step), (plus.value - minus.value) / (2 * step)};
        if (best == null || excess(pair[0], pair[1]) < excess(best[0], best[1])) {
          best = pair;
        }
        if (excess(best[0], best[1]) <= 1.0) {
          break;
        }
      }
      if (best == null) {
        tally.skipped++;
        continue;
      }
      tally.add(best[0], best[1]);
    }
    return tally.result(new int[0]);
  }

  private static double excess(double analytic, double numeric) {
    double value = Math.abs(analytic - numeric) / (ATOL + RTOL * Math.abs(numeric));
    return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
  }

  static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }

  /** One evaluation of f: its value and the fingerprint of the branches its kinks took. */
  private record Evaluation(double value, long fingerprint) {
    static Evaluation of(ToDoubleFunction<Var> f, double[] point, int[] shape) {
      KinkRecorder kinks = new KinkRecorder();
      double value = f.applyAsDouble(Var.recording(new Tensor(point.clone(), shape.clone()), kinks));
      return new Evaluation(value, kinks.fingerprint());
    }
  }

  /** Running worst errors. */
  private static final class Tally {
    double maxAbs;
    double maxRel;
    double worstExcess = -1;
    boolean passed = true;
    int evaluations;
    int skipped;

    /** Adds one comparison; returns whether it is the new worst point. */
    boolean add(double analytic, double numeric) {
      double err = Math.abs(analytic - numeric);
      double denom = Math.max(Math.abs(analytic), Math.abs(numeric));
      double rel = denom == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / denom;
      double excess = err / (ATOL + RTOL * Math.abs(numeric));
      if (Double.isNaN(excess)) {
        excess = Double.POSITIVE_INFINITY;
        err = Double.NaN;
        rel = Double.NaN;
      }
      passed &= excess <= 1.0;
      maxAbs = Double.isNaN(err) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, err);
      maxRel = Double.isNaN(rel) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, rel);
      if (excess > worstExcess) {
        worstExcess = excess;
        return true;
      }
      return false;
    }

    GradCheckResult result(int[] worstIndex) {
      return new GradCheckResult(maxAbs, maxRel, worstIndex, passed, evaluations, skipped);
    }
  }
}
