package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward against central differences on a question's own objective: along one fixed random unit
 * direction {@code u} of the first float input {@code x}, the estimates {@code (f(x+hu) - f(x)) / h}
 * and {@code (f(x+hu) - f(x-hu)) / 2h} are compared with autograd's {@code ∇f·u} at {@value #POINTS}
 * steps from 1e-1 down to 1e-4, log-spaced; the order of each method is the least-squares slope of
 * log error against log step over the steps where the error is truncation, not rounding.
 *
 * <p>A difference quotient's rounding error is at most about {@code K·ε·(|f₁| + |f₂|) / w} for the
 * two values it subtracts and its width {@code w} ({@code K = 4}, {@code ε = 2^-53}, as in the
 * engine check). A step whose error is within {@value #TRUNCATION_MARGIN} times that floor measures
 * rounding, whose slope is about -1 whatever the method, and is left out of the fit. With fewer
 * than {@value #MIN_FIT} steps left the order is NaN: the experiment measures nothing on this
 * objective (central differences on a quadratic are exact but for rounding). Only steps up to
 * {@value #FIT_MAX_STEP} are fitted, where the leading error term dominates. Where the leading
 * coefficient happens to be small along the direction, the points bend (the next term shows); the
 * experiment is then repeated along another seeded direction, up to {@value #DIRECTIONS} in all,
 * until neighbouring slopes agree with the fitted one within {@value #STRAIGHT}, and the straightest
 * is kept.
 */
final class FiniteDifferenceExperiment {

  static final int POINTS = 13;
  /** A step counts when its error exceeds its rounding floor this many times. */
  static final double TRUNCATION_MARGIN = 10;
  /**
   * The largest step in the fit: above it the next Taylor term can still be comparable to the
   * leading one (where the leading coefficient happens to be small along the direction).
   */
  static final double FIT_MAX_STEP = 1.0001e-2;
  /** Directions tried at most, until the fitted points lie on a straight line. */
  static final int DIRECTIONS = 4;
  /** The most a neighbouring pair's slope may differ from the fitted slope for a straight line. */
  static final double STRAIGHT = 0.1;
  /** The fewest truncation-dominated steps an order is fitted to. */
  static final int MIN_FIT = 4;
  private static final double ROUNDING = 4 * 0x1p-53;
  private static final long DIRECTION_SALT = 0x6A09E667F3BCC909L;

  private FiniteDifferenceExperiment() {}

  static ConvergenceExperiment run(Trial trial, String input, long seed, int floatSize) {
    Measured best = null;
    for (int d = 0; d < DIRECTIONS && (best == null || best.bend > STRAIGHT); d++) {
      Measured m = along(trial, input, (seed ^ DIRECTION_SALT) + d * 0x9E3779B97F4A7C15L, floatSize);
      if (best == null || m.bend < best.bend) {
        best = m;
      }
    }
    return best.experiment;
  }

  /** One direction's experiment and how far its fitted points bend away from a straight line. */
  private record Measured(ConvergenceExperiment experiment, double bend) {}

  private static Measured along(Trial trial, String input, long directionSeed, int floatSize) {
    Tensor x = trial.value(input);
    double[] xs = x.toArray();
    int[] shape = x.shape();
    double[] u = new Rng(directionSeed).normal(shape).toArray();
    double norm = 0;
    for (double v : u) {
      norm += v * v;
    }
    norm = StrictMath.sqrt(norm);
    double[] g = trial.grads.get(input).toArray();
    double exact = 0;
    for (int i = 0; i < u.length; i++) {
      u[i] /= norm;
      exact += g[i] * u[i];
    }
    double f0 = trial.objective(0, input, x);
    List<Double> steps = new ArrayList<>(POINTS);
    List<Double> forward = new ArrayList<>(POINTS);
    List<Double> central = new ArrayList<>(POINTS);
    List<Double> forwardFloor = new ArrayList<>(POINTS);
    List<Double> centralFloor = new ArrayList<>(POINTS);
    double[] moved = new double[xs.length];
    for (int k = 0; k < POINTS; k++) {
      double h = StrictMath.pow(10, -1 - 3.0 * k / (POINTS - 1));
      double fp = trial.objective(0, input, shifted(xs, u, h, moved, shape));
      double fm = trial.objective(0, input, shifted(xs, u, -h, moved, shape));
      steps.add(h);
      forward.add(Math.abs((fp - f0) / h - exact));
      central.add(Math.abs((fp - fm) / (2 * h) - exact));
      forwardFloor.add(ROUNDING * (Math.abs(fp) + Math.abs(f0)) / h);
      centralFloor.add(ROUNDING * (Math.abs(fp) + Math.abs(fm)) / (2 * h));
    }
    return new Measured(new ConvergenceExperiment(steps, forward, central, slope(steps, forward, forwardFloor),
        slope(steps, central, centralFloor), floatSize + 1, 2 * floatSize),
        Math.max(bend(steps, forward, forwardFloor), bend(steps, central, centralFloor)));
  }

  /**
   * How far the fitted points bend away from one straight line: the largest difference between
   * the slope of two neighbouring points and the fitted slope; 0 when nothing is fitted (a method
   * that measures nothing is reported as such, not retried).
   */
  static double bend(List<Double> steps, List<Double> errors, List<Double> floors) {
    double fit = slope(steps, errors, floors);
    if (Double.isNaN(fit)) {
      return 0;
    }
    double worst = 0;
    int previous = -1;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) <= FIT_MAX_STEP && errors.get(i) > TRUNCATION_MARGIN * floors.get(i)) {
        if (previous >= 0) {
          double local = StrictMath.log(errors.get(i) / errors.get(previous))
              / StrictMath.log(steps.get(i) / steps.get(previous));
          worst = Math.max(worst, Math.abs(local - fit));
        }
        previous = i;
      }
    }
    return worst;
  }

  private static Tensor shifted(double[] x, double[] u, double h, double[] out, int[] shape) {
    for (int i = 0; i < x.length; i++) {
      out[i] = x[i] + h * u[i];
    }
    return Tensor.of(out, shape);
  }

  /**
   * Least-squares slope of ln(error) against ln(step) over the points whose error exceeds
   * {@link #TRUNCATION_MARGIN} times their rounding floor; NaN with fewer than {@link #MIN_FIT}.
   */
  static double slope(List<Double> steps, List<Double> errors, List<Double> floors) {
    List<Double> kept = new ArrayList<>();
    List<Double> keptErrors = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) <= FIT_MAX_STEP && errors.get(i) > TRUNCATION_MARGIN * floors.get(i)) {
        kept.add(steps.get(i));
        keptErrors.add(errors.get(i));
      }
    }
    return kept.size() < MIN_FIT ? Double.NaN : slope(kept, keptErrors);
  }

  /** Least-squares slope of ln(error) against ln(step) over the points with a positive error. */
  static double slope(List<Double> steps, List<Double> errors) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    for (int i = 0; i < steps.size(); i++) {
      double e = errors.get(i);
      if (e > 0 && Double.isFinite(e)) {
        double lx = StrictMath.log(steps.get(i));
        double ly = StrictMath.log(e);
        sx += lx;
        sy += ly;
        sxx += lx * lx;
        sxy += lx * ly;
        n++;
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }
}
