package io.github.gradproof.autograd;

import java.util.function.DoubleUnaryOperator;

/**
 * The gradient table of the step functions ({@code floor}, {@code ceil}, {@code trunc}, {@code round},
 * and {@code heaviside}, below), of floor division, and of the two remainders ({@code remainder}, Python's
 * {@code %}, and C's {@code fmod}).
 *
 * <p>As PyTorch: the step functions' gradient is zero everywhere ({@code zeros_like(grad)}, so an
 * infinite or NaN upstream gives 0, not NaN), and a remainder {@code a - b q} passes the gradient to
 * {@code a} unchanged and {@code -q} times it to {@code b}, with {@code q} the floored quotient for
 * {@code remainder} and the truncated one for {@code fmod}. Every op reports the step it is on (the
 * step function's value, the remainder's quotient) to the {@link KinkRecorder}, since each jumps where
 * that step changes.
 */
final class StepOps {

  private StepOps() {}

  /** A step function: its forward kernel, gradient zero, its value reported as the branch. */
  private static Primitive<Void> step(String name, DoubleUnaryOperator f) {
    return Primitive.<Void>of(name, (x, p) -> Elementwise.map(x[0], f),
        (g, y, x, p) -> Tensor.zeros(g.shapeRef()))
        .reporting((kinks, x, y, p) -> kinks.levels(y));
  }

  static final Primitive<Void> FLOOR = step("floor", StrictMath::floor);
  static final Primitive<Void> CEIL = step("ceil", StrictMath::ceil);
  static final Primitive<Void> TRUNC = step("trunc", v -> v < 0 ? StrictMath.ceil(v) : StrictMath.floor(v));

  /**
   * NumPy's round (and torch's) to {@code decimals} places, halves to even: {@code rint(x · 10^d) / 10^d},
   * or {@code rint(x / 10^-d) · 10^-d} for negative {@code d}, as both libraries compute it.
   */
  static final Primitive<Integer> ROUND = Primitive.<Integer>of("round",
      (x, d) -> Elementwise.map(x[0], v -> round(v, d)), (g, y, x, d) -> Tensor.zeros(g.shapeRef()))
      .reporting((kinks, x, y, d) -> kinks.levels(y));

  static double round(double v, int decimals) {
    if (decimals == 0) {
      return Math.rint(v);
    }
    // Past 10^308 the scale is infinite either way (NaN results, as both libraries give).
    double scale = StrictMath.pow(10, Math.min(Math.abs((long) decimals), 400));
    return decimals > 0 ? Math.rint(v * scale) / scale : Math.rint(v / scale) * scale;
  }

  /**
   * Python's and NumPy's remainder {@code a % b}, with the divisor's sign ({@code a - b floor(a / b)},
   * computed from C's fmod so that it is exact); NaN for {@code b = 0}. The divisor's gradient is
   * {@code -floor_divide(a, b)}, as torch.remainder's.
   */
  static final Primitive<Void> REMAINDER = Primitive.<Void>of("remainder",
      (x, p) -> Elementwise.zip(x[0], x[1], StepOps::remainder),
      (g, y, x, p) -> g,
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> -floorDivide(a, b))))
      .reporting((kinks, x, y, p) -> kinks.levels(Elementwise.zip(x[0], x[1], StepOps::floorDivide)));

  /**
   * Python's and NumPy's floor division {@code a // b} of floats ({@link #floorDivide}); gradient 0 to
   * both operands, as torch's {@code div(rounding_mode='floor')}; the quotient is the step reported.
   */
  static final Primitive<Void> FLOOR_DIVIDE = Primitive.<Void>of("floor_divide",
      (x, p) -> Elementwise.zip(x[0], x[1], StepOps::floorDivide),
      (g, y, x, p) -> Tensor.zeros(g.shapeRef()),
      (g, y, x, p) -> Tensor.zeros(g.shapeRef()))
      .reporting((kinks, x, y, p) -> kinks.levels(y));

  /**
   * C's fmod {@code a - b trunc(a / b)}, with the dividend's sign (Java's {@code %} on doubles is
   * exactly it); the divisor's gradient is {@code -trunc(a / b)}, as torch.fmod's.
   */
  static final Primitive<Void> FMOD = Primitive.<Void>of("fmod",
      (x, p) -> Elementwise.zip(x[0], x[1], (a, b) -> a % b),
      (g, y, x, p) -> g,
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> -truncDivide(a, b))))
      .reporting((kinks, x, y, p) -> kinks.levels(Elementwise.zip(x[0], x[1], StepOps::truncDivide)));

  /**
   * NumPy's {@code heaviside(x1, x2)}: 0 where {@code x1 < 0}, 1 where {@code x1 > 0}, {@code x2} where
   * {@code x1} is 0 (either zero), NaN where {@code x1} is NaN. PyTorch defines no gradient; the engine
   * gives the step's: 0 to {@code x1} (a jump at 0, reported as sign's), and to {@code x2} the upstream
   * where {@code x1} is 0 (the value there is {@code x2} itself) and 0 elsewhere.
   */
  static final Primitive<Void> HEAVISIDE = Primitive.<Void>of("heaviside",
      (x, p) -> Elementwise.zip(x[0], x[1], StepOps::heaviside),
      (g, y, x, p) -> Tensor.zeros(g.shapeRef()),
      (g, y, x, p) -> Elementwise.zip(g, x[0], (upstream, v) -> v == 0 ? upstream : 0.0))
      .reporting((kinks, x, y, p) -> kinks.signs(x[0]));

  private static double heaviside(double x1, double x2) {
    return x1 < 0 ? 0.0 : x1 > 0 ? 1.0 : x1 == 0 ? x2 : x1;
  }

  /** NumPy's remainder: fmod, moved into the divisor's sign; a zero takes the divisor's sign. */
  static double remainder(double a, double b) {
    double mod = a % b;
    if (b == 0) {
      return mod;
    }
    if (mod != 0) {
      return (b < 0) != (mod < 0) ? mod + b : mod;
    }
    return Math.copySign(0.0, b);
  }

  /**
   * Python's float floor division {@code a // b} (torch's {@code div(rounding_mode='floor')}): the
   * exact quotient of {@code a - fmod(a, b)}, moved down a step where fmod has the wrong sign, and
   * rounded to the nearest integer; {@code a / b} (infinite or NaN) for {@code b = 0}.
   */
  static double floorDivide(double a, double b) {
    if (b == 0) {
      return a / b;
    }
    double mod = a % b;
    double div = (a - mod) / b;
    if (mod != 0 && (b < 0) != (mod < 0)) {
      div -= 1;
    }
    if (div == 0) {
      return Math.copySign(0.0, a / b);
    }
    double floor = StrictMath.floor(div);
    return div - floor > 0.5 ? floor + 1 : floor;
  }

  /** torch's {@code div(rounding_mode='trunc')}: {@code trunc(a / b)}. */
  private static double truncDivide(double a, double b) {
    double q = a / b;
    return q < 0 ? StrictMath.ceil(q) : StrictMath.floor(q);
  }
}
