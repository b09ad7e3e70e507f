package io.github.gradproof.autograd;

/** The gradient table of softmax, log-softmax and the losses (cross-entropy, mean squared error). */
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
}
