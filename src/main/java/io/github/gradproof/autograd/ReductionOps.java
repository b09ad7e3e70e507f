package io.github.gradproof.autograd;

/** Forward values and gradient rules of reductions and the softmax family behind {@link Var}. */
final class ReductionOps {

  private ReductionOps() {}

  static Var sum(Var x, int[] axes, boolean keepdims) {
    boolean[] reduced = Shapes.reducedAxes(axes, x.value().rank());
    Tensor out = Reductions.sum(x.value(), reduced, keepdims);
    return PointwiseOps.unary(x, out, g -> expand(g, x, reduced));
  }

  static Var mean(Var x, int[] axes, boolean keepdims) {
    int[] shape = x.value().shapeRef();
    boolean[] reduced = Shapes.reducedAxes(axes, shape.length);
    int count = 1;
    for (int i = 0; i < reduced.length; i++) {
      count *= reduced[i] ? shape[i] : 1;
    }
    double n = count;
    Tensor out = Elementwise.map(Reductions.sum(x.value(), reduced, keepdims), s -> s / n);
    return PointwiseOps.unary(x, out, g -> expand(Elementwise.map(g, v -> v / n), x, reduced));
  }

  /** Max; the gradient goes to the maximal elements, shared equally among ties. */
  static Var max(Var x, int[] axes, boolean keepdims) {
    Tensor value = x.value();
    boolean[] reduced = Shapes.reducedAxes(axes, value.rank());
    Tensor kept = Reductions.max(value, reduced, true);
    Tensor isMax = Elementwise.zip(value, kept, (v, m) -> v == m ? 1.0 : 0.0);
    Var.kinks(x).mask(isMax);
    Tensor ties = Reductions.sum(isMax, reduced, true);
    Tensor out = kept.withShape(Shapes.reducedShape(value.shapeRef(), reduced, keepdims));
    return PointwiseOps.unary(x, out,
        g -> Elementwise.mul(isMax, Elementwise.div(g.withShape(ties.shapeRef()), ties)));
  }

  /** Broadcasts a reduced gradient back over the reduced axes of x. */
  private static Tensor expand(Tensor g, Var x, boolean[] reduced) {
    int[] shape = x.value().shapeRef();
    return Elementwise.broadcastTo(g.withShape(Shapes.keptShape(shape, reduced)), shape);
  }

  static Var softmax(Var x, int axis) {
    Tensor p = Softmax.softmax(x.value(), axis);
    boolean[] reduced = Softmax.single(axis, x.value().rank());
    return PointwiseOps.unary(x, p, g -> {
      Tensor dot = Reductions.sum(Elementwise.mul(g, p), reduced, true);
      return Elementwise.mul(p, Elementwise.sub(g, dot));
    });
  }

  static Var logSoftmax(Var x, int axis) {
    Tensor y = Softmax.logSoftmax(x.value(), axis);
    boolean[] reduced = Softmax.single(axis, x.value().rank());
    return PointwiseOps.unary(x, y, g -> {
      Tensor total = Reductions.sum(g, reduced, true);
      return Elementwise.sub(g, Elementwise.mul(Elementwise.map(y, StrictMath::exp), total));
    });
  }

  /** Fused {@code -mean_i log_softmax(z)[i, y_i]}; gradient {@code (softmax(z) - one_hot(y)) / B}. */
  static Var crossEntropy(Var logits, Tensor labels) {
    int[] s = logits.value().shapeRef();
    if (s.length != 2 || labels.rank() != 1 || labels.size() != s[0]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "cross_entropy: expected logits (B, K) and labels"
          + " (B,), got logits " + Shapes.format(s) + " and labels " + labels.shapeString());
    }
    int batch = s[0];
    int classes = s[1];
    Tensor logp = Softmax.logSoftmax(logits.value(), 1);
    double[] lp = logp.data();
    double total = 0;
    for (int i = 0; i < batch; i++) {
      total += lp[i * classes + Softmax.label(labels.data(), i, classes, "cross_entropy", labels)];
    }
    Tensor target = Softmax.oneHot(labels, classes);
    return PointwiseOps.unary(logits, Tensor.scalar(-total / batch), g -> {
      double scale = g.item() / batch;
      return Elementwise.zip(Elementwise.map(logp, StrictMath::exp), target, (p, t) -> (p - t) * scale);
    });
  }
}
