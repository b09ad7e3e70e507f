package io.github.gradproof.autograd;

/**
 * The gradient table of softmax, log-softmax and the losses (cross-entropy, mean squared error, binary
 * cross-entropy on probabilities and on logits, negative log-likelihood).
 */
final class LossOps {

  private LossOps() {}

  static final Primitive<Integer> SOFTMAX = Primitive.of("softmax",
      (x, axis) -> Softmax.softmax(x[0], axis),
      (g, p, x, axis) -> {
        Tensor dot = Reductions.sum(Elementwise.mul(g, p), Softmax.single(axis, p.rank()), true);
        return Elementwise.mul(p, Elementwise.sub(g, dot));
      });

  static final Primitive<Integer> LOG_SOFTMAX = Primitive.of("log_softmax",
      (x, axis) -> Softmax.logSoftmax(x[0], axis),
      (g, y, x, axis) -> {
        Tensor total = Reductions.sum(g, Softmax.single(axis, y.rank()), true);
        return Elementwise.sub(g, Elementwise.mul(Elementwise.map(y, StrictMath::exp), total));
      });

  /**
   * Fused {@code -mean_i log_softmax(z)[i, y_i]} of logits {@code (B, K)} and labels {@code (B,)}; the
   * gradient is {@code (softmax(z) - one_hot(y)) / B}; the labels get none.
   */
  static final Primitive<Void> CROSS_ENTROPY = Primitive.of("cross_entropy", (x, p) -> {
    Tensor logp = Softmax.logSoftmax(checkLogits(x[0], x[1]), 1);
    int batch = x[0].shapeRef()[0];
    int classes = x[0].shapeRef()[1];
    double total = 0;
    for (int i = 0; i < batch; i++) {
      total += logp.data()[i * classes + Softmax.label(x[1].data(), i, classes, "cross_entropy", x[1])];
    }
    return Tensor.scalar(-total / batch);
  }, (g, y, x, p) -> {
    int batch = x[0].shapeRef()[0];
    Tensor target = Softmax.oneHot(x[1], x[0].shapeRef()[1]);
    double scale = g.item() / batch;
    return Elementwise.zip(Softmax.softmax(x[0], 1), target, (q, t) -> (q - t) * scale);
  }, null);

  private static Tensor checkLogits(Tensor logits, Tensor labels) {
    int[] s = logits.shapeRef();
    if (s.length != 2 || labels.rank() != 1 || labels.size() != s[0]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "cross_entropy: expected logits (B, K) and labels"
          + " (B,), got logits " + Shapes.format(s) + " and labels " + labels.shapeString());
    }
    return logits;
  }

  /**
   * torch's mse_loss with the default mean reduction: {@code mean((input - target) ** 2)} over the
   * broadcast shape; both operands get gradients ({@code ±2 (input - target) g / n}).
   */
  static final Primitive<Void> MSE_LOSS = Primitive.of("mse_loss", (x, p) -> {
    Tensor d = Elementwise.sub(x[0], x[1]);
    double total = Reductions.sum(Elementwise.mul(d, d), Shapes.reducedAxes(null, d.rank()), false).item();
    return Tensor.scalar(total / d.size());
  }, (g, y, x, p) -> squaredErrorGrad(g, x, 2),
      (g, y, x, p) -> squaredErrorGrad(g, x, -2));

  private static Tensor squaredErrorGrad(Tensor g, Tensor[] x, double sign) {
    Tensor d = Elementwise.sub(x[0], x[1]);
    double scale = sign * g.item() / d.size();
    return Elementwise.map(d, v -> v * scale);
  }

  /** torch's floor of the logarithms in binary_cross_entropy. */
  private static final double LOG_FLOOR = -100;
  /** torch's floor of {@code p (1 - p)} in binary_cross_entropy's gradient: 1e-12 in single precision, as there. */
  private static final double BCE_EPSILON = 1e-12f;

  /**
   * torch's binary_cross_entropy without reduction, {@code -(t log p + (1 - t) log(1 - p))} with both
   * logarithms floored at -100; input and target have one shape and the input lies in [0, 1]. The
   * input's gradient is {@code (p - t) / max(p (1 - p), ε)} (ε is 1e-12 in single precision), the
   * target's {@code log(1 - p) - log p} (not floored: infinite at 0 and 1), as PyTorch's.
   *
   * <p>Both are the slope of the loss except where a floor acts, which they do not see: the input's
   * where {@code p (1 - p) < ε} (the loss there is a staircase of {@code p}'s rounding, or flat where a
   * logarithm is floored, since {@code e^-100} lies far inside that regime), the target's where a
   * logarithm is below -100. Those elements are reported as ruled ({@link KinkRecorder#ruled}).
   */
  static final Primitive<Void> BINARY_CROSS_ENTROPY = Primitive.<Void>of("binary_cross_entropy", (x, p) -> {
    checkProbabilities(sameShapes("binary_cross_entropy", x[0], x[1]));
    return Elementwise.zip(x[0], x[1], (q, t) -> (t - 1) * logOneMinus(q) - t * logOf(q));
  }, (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1],
          (q, t) -> (q - t) / Math.max((1 - q) * q, BCE_EPSILON))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.map(x[0], q -> StrictMath.log1p(-q) - StrictMath.log(q))))
      .ruling((x, y, p) -> new Tensor[] {
          Elementwise.map(x[0], q -> (1 - q) * q < BCE_EPSILON ? 1 : 0),
          Elementwise.map(x[0], q -> StrictMath.log(q) < LOG_FLOOR || StrictMath.log1p(-q) < LOG_FLOOR ? 1 : 0)});

  private static double logOf(double q) {
    return Math.max(StrictMath.log(q), LOG_FLOOR);
  }

  private static double logOneMinus(double q) {
    return Math.max(StrictMath.log1p(-q), LOG_FLOOR);
  }

  private static void checkProbabilities(Tensor input) {
    for (double q : input.data()) {
      if (!(q >= 0 && q <= 1)) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "binary_cross_entropy: all elements of input"
            + " should be between 0 and 1, got " + q);
      }
    }
  }

  /** PyTorch's binary losses take a target of the input's own shape (no broadcasting). */
  private static Tensor sameShapes(String op, Tensor input, Tensor target) {
    if (!java.util.Arrays.equals(input.shapeRef(), target.shapeRef())) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": target shape " + target.shapeString()
          + " must be the same as input shape " + input.shapeString());
    }
    return input;
  }

  /**
   * torch's binary_cross_entropy_with_logits without reduction, {@code (1 - t) z + log(1 + e^-z)}
   * computed without overflow; the logits' gradient is {@code sigmoid(z) - t}, the target's {@code -z}.
   */
  static final Primitive<Void> BINARY_CROSS_ENTROPY_WITH_LOGITS = Primitive.of("binary_cross_entropy_with_logits",
      (x, p) -> Elementwise.zip(sameShapes("binary_cross_entropy_with_logits", x[0], x[1]), x[1],
          (z, t) -> (1 - t) * z + Math.max(-z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z)))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (z, t) -> PointwiseOps.logistic(z) - t)),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.neg(x[0])));

  /**
   * torch's nll_loss without reduction: {@code -input[i, y_i]} for log-probabilities {@code (B, K)}
   * and labels {@code (B,)}; the input's gradient is {@code -g_i} at {@code [i, y_i]}, the labels get none.
   */
  static final Primitive<Void> NLL_LOSS = Primitive.of("nll_loss", (x, p) -> {
    int[] rows = labelRows("nll_loss", x[0], x[1]);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = -x[0].data()[rows[i]];
    }
    return new Tensor(out, new int[] {rows.length});
  }, (g, y, x, p) -> {
    int[] rows = labelRows("nll_loss", x[0], x[1]);
    double[] out = new double[x[0].size()];
    for (int i = 0; i < rows.length; i++) {
      out[rows[i]] = -g.data()[i];
    }
    return new Tensor(out, x[0].shapeRef());
  }, null);

  /** The flat offset of {@code [i, y_i]} in {@code (B, K)} scores for each label. */
  private static int[] labelRows(String op, Tensor scores, Tensor labels) {
    int[] s = scores.shapeRef();
    if (s.length != 2 || labels.rank() != 1 || labels.size() != s[0]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": expected input (B, K) and labels (B,), got"
          + " input " + Shapes.format(s) + " and labels " + labels.shapeString());
    }
    int[] rows = new int[s[0]];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i * s[1] + Softmax.label(labels.data(), i, s[1], op, labels);
    }
    return rows;
  }
}
