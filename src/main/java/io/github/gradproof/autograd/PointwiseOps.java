package io.github.gradproof.autograd;

import java.util.function.DoubleUnaryOperator;

/**
 * The gradient table of elementwise operations: for each one its forward kernel and the
 * vector-Jacobian product of every operand. Binary and ternary rules return gradients in the broadcast
 * output shape; the engine's one {@code unbroadcast} sums them back to each operand's shape.
 *
 * <p>Branch rules (all as PyTorch): relu, abs and sign have gradient 0 at 0 (sign has 0 everywhere);
 * leaky_relu takes the slope at 0; {@code maximum}/{@code minimum} split the gradient in half between
 * equal operands; {@code clip} passes the gradient to x where {@code lo <= x <= hi}, to {@code lo} where
 * {@code x < lo < hi} and to {@code hi} where {@code x > hi} or {@code hi < lo}; {@code where} sends it to
 * the branch the condition chose. relu, sign, maximum, minimum, clip and where select the upstream
 * gradient rather than multiply it by 0 ({@link #select}), so an infinite or NaN upstream in a discarded
 * position gives 0, as in PyTorch; abs and leaky_relu multiply, as PyTorch does. Every such op reports
 * its branches to the {@link KinkRecorder} its operands carry.
 */
final class PointwiseOps {

  private PointwiseOps() {}

  /** The derivative {@code dy/dx} of an elementwise function at input {@code x} with output {@code y}. */
  @FunctionalInterface
  interface Derivative {
    double at(double x, double y);
  }

  /** A smooth elementwise function and its derivative. */
  static Primitive<Void> smooth(String name, DoubleUnaryOperator f, Derivative d) {
    return Primitive.of(name, (x, p) -> Elementwise.map(x[0], f), (g, y, x, p) -> chain(g, x[0], y, d));
  }

  /** An elementwise function with a kink or jump at 0: it reports the sign of every input. */
  static Primitive<Void> kinked(String name, DoubleUnaryOperator f, Derivative d) {
    return smooth(name, f, d).reporting((kinks, x, y, p) -> kinks.signs(x[0]));
  }

  /**
   * A non-smooth function whose gradient picks the upstream gradient where {@code d} is nonzero and
   * discards it elsewhere ({@link #select}): relu, and sign, whose gradient is discarded everywhere.
   * The share is {@code chain} of ones: {@code 1 · d(x, y)}, which is {@code d(x, y)} exactly.
   */
  static Primitive<Void> selecting(String name, DoubleUnaryOperator f, Derivative d) {
    return Primitive.<Void>of(name, (x, p) -> Elementwise.map(x[0], f),
        (g, y, x, p) -> select(g, chain(Tensor.ones(x[0].shapeRef()), x[0], y, d)))
        .reporting((kinks, x, y, p) -> kinks.signs(x[0]));
  }

  /**
   * The upstream gradient {@code g} times {@code share} where the share is nonzero, and a zero where
   * it is 0: a selection, as PyTorch's relu, clamp, maximum and minimum compute it, not the product
   * {@code g * 0}, which is NaN for an infinite or NaN upstream in a position the op discarded
   * ({@code sqrt(relu(x))} at {@code x < 0}: {@code inf · 0}; PyTorch gives 0). The zero has
   * {@code g}'s sign, as {@code g * 0.0} has for a finite {@code g}, so finite gradients are bit for
   * bit those of the product.
   */
  static Tensor select(Tensor g, Tensor share) {
    return Elementwise.zip(g, share, PointwiseOps::pick);
  }

  /** {@code g · share}, or a zero of {@code g}'s sign where the share is 0 (see {@link #select}). */
  private static double pick(double g, double share) {
    return share == 0 ? StrictMath.copySign(0.0, g) : g * share;
  }

  /** {@code g * d(x, y)} elementwise (all three share one shape). */
  static Tensor chain(Tensor g, Tensor x, Tensor y, Derivative d) {
    double[] gv = g.data();
    double[] xv = x.data();
    double[] yv = y.data();
    double[] out = new double[gv.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = gv[i] * d.at(xv[i], yv[i]);
    }
    return new Tensor(out, g.shapeRef());
  }

  static final Primitive<Void> NEG = smooth("neg", v -> -v, (x, y) -> -1);
  static final Primitive<Void> EXP = smooth("exp", StrictMath::exp, (x, y) -> y);
  static final Primitive<Void> LOG = smooth("log", StrictMath::log, (x, y) -> 1 / x);
  static final Primitive<Void> LOG1P = smooth("log1p", StrictMath::log1p, (x, y) -> 1 / (1 + x));
  static final Primitive<Void> SQRT = smooth("sqrt", StrictMath::sqrt, (x, y) -> 0.5 / y);
  static final Primitive<Void> SQUARE = smooth("square", v -> v * v, (x, y) -> 2 * x);
  static final Primitive<Void> SIN = smooth("sin", StrictMath::sin, (x, y) -> StrictMath.cos(x));
  static final Primitive<Void> COS = smooth("cos", StrictMath::cos, (x, y) -> -StrictMath.sin(x));
  static final Primitive<Void> TANH = smooth("tanh", StrictMath::tanh, (x, y) -> 1 - y * y);
  static final Primitive<Void> SIGMOID = smooth("sigmoid", PointwiseOps::logistic, (x, y) -> y * (1 - y));
  /** {@code log(1 + e^x)} in the overflow-free form {@code max(x, 0) + log1p(e^-|x|)}; slope sigmoid(x). */
  static final Primitive<Void> SOFTPLUS = smooth("softplus",
      v -> Math.max(v, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(v))), (x, y) -> logistic(x));
  static final Primitive<Void> RELU = selecting("relu", v -> v > 0 ? v : 0.0, (x, y) -> x > 0 ? 1 : 0);
  static final Primitive<Void> ABS = kinked("abs", Math::abs, (x, y) -> x > 0 ? 1 : x < 0 ? -1 : 0);
  static final Primitive<Void> SIGN = selecting("sign", v -> v > 0 ? 1.0 : v < 0 ? -1.0 : v == 0 ? 0.0 : v, (x, y) -> 0);

  /** {@code x ** p} for a constant exponent; at {@code p = 0} the gradient is 0 (not {@code 0 * x^-1}). */
  static final Primitive<Double> POW_SCALAR = Primitive.of("pow(x, constant)",
      (x, p) -> Elementwise.map(x[0], v -> StrictMath.pow(v, p)),
      (g, y, x, p) -> p == 0 ? Tensor.zeros(g.shapeRef())
          : chain(g, x[0], y, (v, w) -> p * StrictMath.pow(v, p - 1)));

  /** torch's leaky_relu: {@code x} where {@code x > 0}, else {@code slope * x}; the slope applies at 0. */
  static final Primitive<Double> LEAKY_RELU = Primitive.<Double>of("leaky_relu",
      (x, slope) -> Elementwise.map(x[0], v -> v > 0 ? v : v * slope),
      (g, y, x, slope) -> chain(g, x[0], y, (v, w) -> v > 0 ? 1 : slope))
      .reporting((kinks, x, y, slope) -> kinks.signs(x[0]));

  /** {@code 1 / (1 + e^-x)} without overflow for large negative x. */
  static double logistic(double x) {
    if (x >= 0) {
      return 1 / (1 + StrictMath.exp(-x));
    }
    double e = StrictMath.exp(x);
    return e / (1 + e);
  }

  /** {@code 1 / sqrt(2)}. */
  private static final double SQRT1_2 = 0.7071067811865476;
  /** {@code sqrt(2 / pi)}, the tanh approximation's scale of GELU. */
  private static final double GELU_BETA = 0.7978845608028654;
  /** The cubic coefficient of GELU's tanh approximation. */
  private static final double GELU_KAPPA = 0.044715;

  static final Primitive<Void> ERF = smooth("erf", SpecialMath::erf,
      (x, y) -> SpecialMath.TWO_OVER_SQRT_PI * SpecialMath.gaussian(Math.abs(x)));
  static final Primitive<Void> COSH = smooth("cosh", StrictMath::cosh, (x, y) -> StrictMath.sinh(x));
  static final Primitive<Void> SINH = smooth("sinh", StrictMath::sinh, (x, y) -> StrictMath.cosh(x));
  static final Primitive<Void> LOG2 = smooth("log2", SpecialMath::log2, (x, y) -> 1 / (x * SpecialMath.LN2));
  /** {@code ln 10}. */
  private static final double LN10 = 2.302585092994046;
  /** NumPy's log10 (exact at powers of ten); its slope {@code 1 / (x ln 10)}, as PyTorch's. */
  static final Primitive<Void> LOG10 = smooth("log10", StrictMath::log10, (x, y) -> 1 / (x * LN10));
  /** torch's rsqrt, {@code 1 / sqrt(x)}; its slope {@code -y³ / 2}, as PyTorch writes it. */
  static final Primitive<Void> RSQRT = smooth("rsqrt", v -> 1 / StrictMath.sqrt(v), (x, y) -> -0.5 * y * y * y);
  /** torch's silu, {@code x · sigmoid(x)}; slope {@code sigmoid(x) (1 + x (1 - sigmoid(x)))}. */
  static final Primitive<Void> SILU = smooth("silu", v -> v * logistic(v),
      (x, y) -> logistic(x) * (1 + x * (1 - logistic(x))));
  /** torch's logsigmoid, {@code min(x, 0) - log1p(e^-|x|)} (no overflow); slope {@code sigmoid(-x)}. */
  static final Primitive<Void> LOGSIGMOID = smooth("logsigmoid",
      v -> Math.min(v, 0) - StrictMath.log1p(StrictMath.exp(-Math.abs(v))), (x, y) -> logistic(-x));
  /** torch's exact gelu, {@code x Φ(x) = x/2 (1 + erf(x/√2))}; slope {@code Φ(x) + x φ(x)}. */
  static final Primitive<Void> GELU = smooth("gelu", v -> v * 0.5 * (1 + SpecialMath.erf(v * SQRT1_2)),
      (x, y) -> 0.5 * (1 + SpecialMath.erf(x * SQRT1_2))
          + x * 0.5 * SpecialMath.TWO_OVER_SQRT_PI * SQRT1_2 * StrictMath.exp(-0.5 * x * x));
  /** torch's gelu with {@code approximate='tanh'}: {@code x/2 (1 + tanh(√(2/π) (x + 0.044715 x³)))}. */
  static final Primitive<Void> GELU_TANH = smooth("gelu(tanh)",
      v -> 0.5 * v * (1 + StrictMath.tanh(geluInner(v))), PointwiseOps::geluTanhSlope);

  private static double geluInner(double x) {
    return GELU_BETA * (x + GELU_KAPPA * x * x * x);
  }

  /** The slope of GELU's tanh approximation, as torch's backward writes it. */
  private static double geluTanhSlope(double x, double y) {
    double t = StrictMath.tanh(geluInner(x));
    return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_BETA * (1 + 3 * GELU_KAPPA * x * x);
  }

  /**
   * NumPy's logaddexp, {@code log(e^a + e^b)} without overflow ({@code a + log 2} where the operands
   * are equal, so equal infinities stay infinite); each operand's slope is the sigmoid of its lead.
   */
  static final Primitive<Void> LOGADDEXP = Primitive.of("logaddexp",
      (x, p) -> Elementwise.zip(x[0], x[1], PointwiseOps::logaddexp),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> logistic(a - b))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> logistic(b - a))));

  private static double logaddexp(double a, double b) {
    if (a == b) {
      return a + SpecialMath.LN2;
    }
    double d = a - b;
    if (d > 0) {
      return a + StrictMath.log1p(StrictMath.exp(-d));
    }
    return d <= 0 ? b + StrictMath.log1p(StrictMath.exp(d)) : d;
  }

  static final Primitive<Void> ADD = Primitive.of("add", (x, p) -> Elementwise.add(x[0], x[1]),
      (g, y, x, p) -> g, (g, y, x, p) -> g);
  static final Primitive<Void> SUB = Primitive.of("subtract", (x, p) -> Elementwise.sub(x[0], x[1]),
      (g, y, x, p) -> g, (g, y, x, p) -> Elementwise.neg(g));
  static final Primitive<Void> MUL = Primitive.of("multiply", (x, p) -> Elementwise.mul(x[0], x[1]),
      (g, y, x, p) -> Elementwise.mul(g, x[1]), (g, y, x, p) -> Elementwise.mul(g, x[0]));
  static final Primitive<Void> DIV = Primitive.of("divide", (x, p) -> Elementwise.div(x[0], x[1]),
      (g, y, x, p) -> Elementwise.div(g, x[1]),
      (g, y, x, p) -> Elementwise.zip(Elementwise.mul(g, x[0]), x[1], (ga, b) -> -ga / (b * b)));

  /** {@code 1 / x}; its slope {@code -y²}, as PyTorch writes it. */
  static final Primitive<Void> RECIPROCAL = smooth("reciprocal", v -> 1 / v, (x, y) -> -y * y);

  /**
   * {@code a ** b} with both operands tensors. As PyTorch: where {@code b == 0} a gets 0, and where
   * {@code a == 0 and b >= 0} b gets 0 (instead of {@code 0 * log 0}).
   */
  static final Primitive<Void> POW = Primitive.of("power",
      (x, p) -> Elementwise.zip(x[0], x[1], StrictMath::pow),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1],
          (a, b) -> b == 0 ? 0 : b * StrictMath.pow(a, b - 1))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip3(x[0], x[1], y,
          (a, b, r) -> a == 0 && b >= 0 ? 0 : r * StrictMath.log(a))));

  /** NumPy's maximum (NaN-propagating); equal operands split the gradient in half (PyTorch). */
  static final Primitive<Void> MAXIMUM = Primitive.<Void>of("maximum",
      (x, p) -> Elementwise.zip(x[0], x[1], Math::max),
      (g, y, x, p) -> select(g, share(x[0], x[1])),
      (g, y, x, p) -> select(g, share(x[1], x[0])))
      .reporting(PointwiseOps::signOfDifference);

  /** NumPy's minimum (NaN-propagating); equal operands split the gradient in half (PyTorch). */
  static final Primitive<Void> MINIMUM = Primitive.<Void>of("minimum",
      (x, p) -> Elementwise.zip(x[0], x[1], Math::min),
      (g, y, x, p) -> select(g, share(x[1], x[0])),
      (g, y, x, p) -> select(g, share(x[0], x[1])))
      .reporting(PointwiseOps::signOfDifference);

  /** The branch of maximum and minimum: the sign of {@code a - b}. */
  private static void signOfDifference(KinkRecorder kinks, Tensor[] x, Tensor y, Void p) {
    kinks.signs(Elementwise.sub(x[0], x[1]));
  }

  /** The share of {@code maximum(a, b)}'s gradient that goes to {@code a}: 0 if a < b, 1/2 if equal, else 1. */
  private static Tensor share(Tensor a, Tensor b) {
    return Elementwise.zip(a, b, (u, v) -> u < v ? 0 : u == v ? 0.5 : 1);
  }

  /** NumPy's where: the condition (nonzero = take a) gets no gradient. */
  static final Primitive<Void> WHERE = Primitive.<Void>of("where",
      (x, p) -> Elementwise.zip3(x[0], x[1], x[2], (c, a, b) -> c != 0 ? a : b), null,
      (g, y, x, p) -> Elementwise.zip(g, x[0], (gv, c) -> c != 0 ? gv : 0),
      (g, y, x, p) -> Elementwise.zip(g, x[0], (gv, c) -> c != 0 ? 0 : gv))
      .reporting((kinks, x, y, p) -> kinks.mask(x[0]));

  /**
   * torch's masked_fill: {@code value} where the mask is 1, else {@code input}, broadcast together (the
   * mask may be larger than the input, as torch's out-of-place masked_fill allows). The mask gets no
   * gradient; the input gets the upstream gradient where the mask is 0 and exactly 0 where it is 1, and
   * the (rank-0) value the sum of the upstream gradient over the filled positions, as PyTorch's.
   */
  static final Primitive<Void> MASKED_FILL = Primitive.<Void>of("masked_fill",
      (x, p) -> Elementwise.zip3(x[0], checkMask(x[1]), checkFill(x[2]), (a, m, v) -> m != 0 ? v : a),
      (g, y, x, p) -> Elementwise.zip(g, x[1], (gv, m) -> m != 0 ? 0.0 : gv), null,
      (g, y, x, p) -> Elementwise.zip(g, x[1], (gv, m) -> m != 0 ? gv : 0.0))
      .reporting((kinks, x, y, p) -> kinks.mask(x[1]));

  /** torch refuses a mask of other values than 0 and 1 ({@code Mask tensor can take 0 and 1 values only}). */
  private static Tensor checkMask(Tensor mask) {
    double[] m = mask.data();
    for (int i = 0; i < m.length; i++) {
      if (m[i] != 0 && m[i] != 1) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "masked_fill: the mask must hold only 0 and 1 (a"
            + " comparison such as x > 0), got " + m[i] + " at flat index " + i + " of mask " + mask.shapeString());
      }
    }
    return mask;
  }

  /** torch fills with a number or a 0-dimensional tensor only. */
  private static Tensor checkFill(Tensor value) {
    if (value.rank() != 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "masked_fill: the value must be a number or a"
          + " 0-dimensional tensor, got a tensor of shape " + value.shapeString());
    }
    return value;
  }

  /** NumPy's clip, {@code minimum(maximum(x, lo), hi)}, with torch.clamp's gradients. */
  static final Primitive<Void> CLIP = Primitive.<Void>of("clip",
      (x, p) -> Elementwise.zip3(x[0], x[1], x[2], (v, lo, hi) -> Math.min(Math.max(v, lo), hi)),
      (g, y, x, p) -> select(g, Elementwise.zip3(x[0], x[1], x[2],
          (v, lo, hi) -> lo <= v && v <= hi ? 1 : 0)),
      (g, y, x, p) -> select(g, Elementwise.zip3(x[0], x[1], x[2],
          (v, lo, hi) -> v < lo && lo < hi ? 1 : 0)),
      (g, y, x, p) -> select(g, Elementwise.zip3(x[0], x[1], x[2],
          (v, lo, hi) -> v > hi || hi < lo ? 1 : 0)))
      .reporting((kinks, x, y, p) -> {
        kinks.signs(Elementwise.sub(x[0], x[1]));
        kinks.signs(Elementwise.sub(x[0], x[2]));
      });

  /** Elementwise test of a comparison. */
  interface Comparison {
    boolean holds(double a, double b);
  }

  /** A 0/1 constant; its branches are recorded for the gradient check (a jump is a kink). */
  static Var compare(Var a, Var b, Comparison c) {
    Tensor out = Elementwise.zip(a.value(), b.value(), (x, y) -> c.holds(x, y) ? 1.0 : 0.0);
    Var.kinks(a, b).mask(out);
    return Var.constantOf(out, a, b);
  }
}
