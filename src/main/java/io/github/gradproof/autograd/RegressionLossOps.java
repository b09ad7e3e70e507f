package io.github.gradproof.autograd;

/**
 * The gradient table of PyTorch's robust regression losses and the Kullback-Leibler divergence,
 * without reduction and with broadcasting: {@code smooth_l1_loss}, {@code huber_loss} and
 * {@code kl_div} (on log-probabilities, with the target as probabilities or as log-probabilities).
 *
 * <p>The slopes are torch's kernels', case by case: for the difference {@code d = input - target},
 * {@code d <= -β} gives the lower branch and {@code d >= β} the upper, so at {@code β = 0} the slope
 * at {@code d = 0} is -1; the target's slope is the same rule at {@code target - input} (not the
 * input's negated), as torch's derivative table writes it.
 */
final class RegressionLossOps {

  private RegressionLossOps() {}

  /**
   * torch's smooth_l1_loss: {@code 0.5 d² / β} where {@code |d| < β}, else {@code |d| - 0.5 β}; slope
   * -1, {@code d / β} or 1.
   */
  static final Primitive<Double> SMOOTH_L1 = Primitive.<Double>of("smooth_l1_loss",
      (x, beta) -> Elementwise.zip(x[0], x[1], (a, t) -> smoothL1(a - t, beta)),
      (g, y, x, beta) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> smoothL1Slope(a - t, beta))),
      (g, y, x, beta) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> smoothL1Slope(t - a, beta))))
      .reporting((kinks, x, y, beta) -> kinks.signs(branches(x, beta)));

  /** torch's huber_loss: {@code 0.5 d²} where {@code |d| < δ}, else {@code δ (|d| - 0.5 δ)}; slope -δ, d or δ. */
  static final Primitive<Double> HUBER = Primitive.<Double>of("huber_loss",
      (x, delta) -> Elementwise.zip(x[0], x[1], (a, t) -> huber(a - t, delta)),
      (g, y, x, delta) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> huberSlope(a - t, delta))),
      (g, y, x, delta) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> huberSlope(t - a, delta))))
      .reporting((kinks, x, y, delta) -> kinks.signs(branches(x, delta)));

  /**
   * torch's kl_div: {@code xlogy(t, t) - t x} for log-probabilities {@code x} and probabilities
   * {@code t} (0 where {@code t = 0}); the input's slope is {@code -t}, the target's {@code log t + 1 - x}
   * (NaN at {@code t = 0}, as torch's derivative of xlogy gives {@code 0 / 0} there).
   */
  static final Primitive<Void> KL_DIV = Primitive.of("kl_div",
      (x, p) -> Elementwise.zip(x[0], x[1], (a, t) -> xlogy(t, t) - t * a),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> -t)),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> xlogy(t != 0 ? 1 : 0, t) + t / t - a)));

  /** torch's kl_div with {@code log_target=True}: {@code e^t (t - x)}; slopes {@code -e^t} and {@code e^t (t - x + 1)}. */
  static final Primitive<Void> KL_DIV_LOG_TARGET = Primitive.of("kl_div(log_target)",
      (x, p) -> Elementwise.zip(x[0], x[1], (a, t) -> StrictMath.exp(t) * (t - a)),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> -StrictMath.exp(t))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> StrictMath.exp(t) * (t - a + 1))));

  private static double smoothL1(double d, double beta) {
    double a = Math.abs(d);
    return a < beta ? 0.5 * d * d / beta : a - 0.5 * beta;
  }

  private static double smoothL1Slope(double d, double beta) {
    return d <= -beta ? -1 : d >= beta ? 1 : d / beta;
  }

  private static double huber(double d, double delta) {
    double a = Math.abs(d);
    return a < delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
  }

  private static double huberSlope(double d, double delta) {
    return d <= -delta ? -delta : d >= delta ? delta : d;
  }

  /** Which branch each difference takes: -1 (lower), 0 (quadratic) or 1 (upper). */
  private static Tensor branches(Tensor[] x, double bound) {
    return Elementwise.zip(x[0], x[1], (a, t) -> a - t <= -bound ? -1 : a - t >= bound ? 1 : 0);
  }

  /** {@code x log y}, 0 where {@code x = 0} (and y is not NaN), as torch's xlogy. */
  static double xlogy(double x, double y) {
    if (Double.isNaN(y)) {
      return y;
    }
    return x == 0 ? 0 : x * StrictMath.log(y);
  }
}
