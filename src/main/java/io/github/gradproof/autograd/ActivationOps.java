package io.github.gradproof.autograd;

/**
 * The gradient table of the piecewise activations of {@code torch.nn.functional} that the older
 * {@link PointwiseOps} lacks, each with PyTorch's value and its gradient at the kinks (checked in
 * torch at exactly the kink): the ELU family takes the negative branch's slope at 0 ({@code elu}:
 * alpha, {@code selu}: scale·alpha, {@code celu}: 1); {@code hardtanh} (and {@code relu6}, which is
 * {@code hardtanh(x, 0, 6)}) and {@code hardsigmoid} pass no gradient at their bounds; {@code hardswish}
 * takes its middle piece's slope {@code x/3 + 1/2} at both -3 and 3 (-1/2 and 3/2). The bounded ones
 * select the upstream gradient ({@link PointwiseOps#select}) as PyTorch's backward kernels do; all
 * report their branches. softsign and mish are smooth.
 */
final class ActivationOps {

  private ActivationOps() {}

  /**
   * torch's ELU kernel: {@code scale x} for {@code x > 0}, else {@code scale α (e^{x·inputScale} - 1)};
   * the slope is {@code scale} above 0 and {@code scale α inputScale e^{x·inputScale}} at and below it.
   * Parameters {@code {α, scale, inputScale}}: elu is {@code {α, 1, 1}}, selu
   * {@code {1.6733, 1.0507, 1}}, celu {@code {α, 1, 1/α}}.
   */
  static final Primitive<double[]> ELU = Primitive.<double[]>of("elu",
      (x, c) -> Elementwise.map(x[0], v -> v > 0 ? c[1] * v : c[1] * c[0] * StrictMath.expm1(v * c[2])),
      (g, y, x, c) -> PointwiseOps.chain(g, x[0], y,
          (v, w) -> v > 0 ? c[1] : c[1] * c[0] * c[2] * StrictMath.exp(v * c[2])))
      .reporting((kinks, x, y, c) -> kinks.signs(x[0]));

  /** torch's hardtanh, {@code min(max(x, lo), hi)}; the gradient passes where {@code lo < x < hi}. Parameters {lo, hi}. */
  static final Primitive<double[]> HARDTANH = Primitive.<double[]>of("hardtanh",
      (x, b) -> Elementwise.map(x[0], v -> Math.min(Math.max(v, b[0]), b[1])),
      (g, y, x, b) -> PointwiseOps.select(g, Elementwise.map(x[0], v -> v <= b[0] || v >= b[1] ? 0 : 1)))
      .reporting((kinks, x, y, b) -> {
        kinks.signs(Elementwise.map(x[0], v -> v - b[0]));
        kinks.signs(Elementwise.map(x[0], v -> v - b[1]));
      });

  /** torch's slope of hardsigmoid, 1/6 rounded to single precision as its backward kernel writes it. */
  private static final double ONE_SIXTH = 1.0f / 6.0f;

  /**
   * torch's hardsigmoid, {@code min(max(x + 3, 0), 6) / 6}; slope 1/6 strictly between -3 and 3 (in single
   * precision, {@link #ONE_SIXTH}, as PyTorch), else 0.
   */
  static final Primitive<Void> HARDSIGMOID = Primitive.<Void>of("hardsigmoid",
      (x, p) -> Elementwise.map(x[0], v -> Math.min(Math.max(v + 3, 0), 6) / 6),
      (g, y, x, p) -> PointwiseOps.select(g, Elementwise.map(x[0], v -> v > -3 && v < 3 ? ONE_SIXTH : 0)))
      .reporting(ActivationOps::aroundThree);

  /** torch's hardswish, {@code x · min(max(x + 3, 0), 6) / 6}; slope 0 below -3, {@code x/3 + 1/2} up to 3, then 1. */
  static final Primitive<Void> HARDSWISH = Primitive.<Void>of("hardswish",
      (x, p) -> Elementwise.map(x[0], v -> v * Math.min(Math.max(v + 3, 0), 6) / 6),
      (g, y, x, p) -> PointwiseOps.select(g, Elementwise.map(x[0], v -> v < -3 ? 0 : v <= 3 ? v / 3 + 0.5 : 1)))
      .reporting(ActivationOps::aroundThree);

  /** The branches of hardsigmoid and hardswish: the signs of {@code x + 3} and {@code x - 3}. */
  private static void aroundThree(KinkRecorder kinks, Tensor[] x, Tensor y, Void p) {
    kinks.signs(Elementwise.map(x[0], v -> v + 3));
    kinks.signs(Elementwise.map(x[0], v -> v - 3));
  }

  /** torch's softsign, {@code x / (1 + |x|)}; slope {@code 1 / (1 + |x|)²} (continuous at 0). */
  static final Primitive<Void> SOFTSIGN = PointwiseOps.smooth("softsign", v -> v / (Math.abs(v) + 1),
      (x, y) -> 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))));

  /** torch's mish, {@code x tanh(softplus(x))}; slope {@code tanh(sp) + x σ(x) (1 - tanh(sp)²)}, as torch's backward. */
  static final Primitive<Void> MISH = PointwiseOps.smooth("mish", v -> v * StrictMath.tanh(softplus(v)),
      (x, y) -> {
        double t = StrictMath.tanh(softplus(x));
        return t + x * PointwiseOps.logistic(x) * (1 - t * t);
      });

  private static double softplus(double v) {
    return Math.max(v, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(v)));
  }
}
