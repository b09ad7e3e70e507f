package io.github.gradproof.autograd;

/**
 * torch.nn.functional's margin losses with {@code reduction='none'}, each composed of the engine's ops
 * in the order PyTorch's own code computes them, so values and gradients are those ops' and the kinks
 * fall where PyTorch's do: a hinge PyTorch writes as {@code clamp_min(z, 0)} passes the gradient at
 * {@code z = 0} (clip's rule), and multi_margin_loss, whose kernel counts only {@code z > 0}, passes none
 * there (relu's rule).
 */
final class MarginLosses {

  private MarginLosses() {}

  private static Var scalar(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  /** {@code clamp_min(z, 0)}: the gradient passes where {@code z >= 0}. */
  private static Var hinge(Var z) {
    return z.clip(scalar(0), null);
  }

  /** {@code clamp_min(-target * (input1 - input2) + margin, 0)}; the three must have one rank. */
  static Var marginRanking(Var input1, Var input2, Var target, double margin) {
    int r1 = input1.value().rank();
    if (r1 != input2.value().rank() || r1 != target.value().rank()) {
      throw error("margin_ranking_loss", "all input tensors should have the same number of dimensions, got shapes "
          + input1.value().shapeString() + ", " + input2.value().shapeString() + " and " + target.value().shapeString());
    }
    return hinge(target.neg().mul(input1.sub(input2)).add(scalar(margin)));
  }

  /** {@code where(target != 1, clamp_min(margin - input, 0), 0) + where(target != -1, input, 0)}. */
  static Var hingeEmbedding(Var input, Var target, double margin) {
    Var zeros = scalar(0);
    Var marginPart = Ops.where(target.ne(scalar(1)), hinge(scalar(margin).sub(input)), zeros);
    return marginPart.add(Ops.where(target.ne(scalar(-1)), input, zeros));
  }

  /** {@code log1p(exp(-input * target))}; the target is a constant, as PyTorch refuses to differentiate it. */
  static Var softMargin(Var input, Tensor target) {
    return input.neg().mul(Var.constant(target)).exp().log1p();
  }

  /**
   * Per sample: {@code Σ_{j ≠ y} weight[y] · max(0, margin - x[y] + x[j])^p / C} over {@code (N, C)}
   * scores (or one sample of {@code C}), a term counted only where its margin is positive.
   */
  static Var multiMargin(Var input, Tensor target, int p, double margin, Tensor weight) {
    if (p != 1 && p != 2) {
      throw error("multi_margin_loss", "only p == 1 and p == 2 are supported, got p=" + p);
    }
    int[] s = input.value().shapeRef();
    boolean single = s.length == 1;
    if (s.length != 1 && s.length != 2 || target.rank() != s.length - 1 || !single && target.shapeRef()[0] != s[0]) {
      throw error("multi_margin_loss", "expected scores (N, C) with targets (N,), or (C,) with one target, got "
          + input.value().shapeString() + " and " + target.shapeString());
    }
    Var x = single ? input.reshape(1, s[0]) : input;
    int classes = x.value().shapeRef()[1];
    Tensor labels = target.withShape(new int[] {x.value().shapeRef()[0], 1});
    for (double v : labels.data()) {
      if (v != Math.rint(v) || v < 0 || v >= classes) {
        throw error("multi_margin_loss", "target " + v + " is out of range for " + classes + " classes");
      }
    }
    Var z = scalar(margin).sub(Ops.gather(x, 1, labels)).add(x);
    Var h = p == 1 ? z.relu() : z.relu().square();
    Var others = Var.constant(Elementwise.map(Var.oneHot(labels.withShape(new int[] {labels.size()}), classes),
        v -> 1 - v));
    h = h.mul(others);
    if (weight != null) {
      if (weight.rank() != 1 || weight.size() != classes) {
        throw error("multi_margin_loss", "expected a weight of " + classes + " values, one per class, got shape "
            + weight.shapeString());
      }
      h = h.mul(Ops.gather(Var.constant(weight), 0, labels.withShape(new int[] {labels.size()}))
          .reshape(labels.size(), 1));
    }
    Var perSample = h.sum(new int[] {1}, false).div(scalar(classes));
    return single ? perSample.reshape() : perSample;
  }

  /**
   * {@code clamp_min(margin + d(a, p) - d(a, n), 0)} with {@code d(x, y) = norm(x - y + eps, p)} along the
   * last axis; {@code swap} replaces {@code d(a, n)} by {@code minimum(d(a, n), d(p, n))}.
   */
  static Var tripletMargin(Var anchor, Var positive, Var negative, double margin, double p, double eps,
      boolean swap) {
    int r = anchor.value().rank();
    if (r != positive.value().rank() || r != negative.value().rank() || r == 0) {
      throw error("triplet_margin_loss", "the anchor, positive and negative tensors are expected to have the same"
          + " number of dimensions (at least 1), got shapes " + anchor.value().shapeString() + ", "
          + positive.value().shapeString() + " and " + negative.value().shapeString());
    }
    Var toPositive = distance(anchor, positive, p, eps);
    Var toNegative = distance(anchor, negative, p, eps);
    if (swap) {
      toNegative = toNegative.minimum(distance(positive, negative, p, eps));
    }
    return hinge(scalar(margin).add(toPositive).sub(toNegative));
  }

  /** torch's pairwise_distance: {@code norm(x1 - x2 + eps, p)} along the last axis. */
  private static Var distance(Var x1, Var x2, double p, double eps) {
    return Ops.norm(x1.sub(x2).add(scalar(eps)), p, new int[] {-1}, false);
  }

  /**
   * {@code 1 - cos} where the target is 1, {@code clamp_min(cos - margin, 0)} where it is -1, else 0, with
   * {@code cos = Σ x1·x2 / sqrt((Σ x1² + 1e-12)(Σ x2² + 1e-12))} along axis 1 (axis 0 of vectors).
   */
  static Var cosineEmbedding(Var input1, Var input2, Var target, double margin) {
    int r = input1.value().rank();
    if (r != input2.value().rank() || (r != 1 && r != 2) || target.value().rank() != r - 1) {
      throw error("cosine_embedding_loss", "expected inputs (N, D) with a target (N,), or (D,) with one target, got "
          + input1.value().shapeString() + ", " + input2.value().shapeString() + " and "
          + target.value().shapeString());
    }
    int[] axis = {r - 1};
    Var eps = scalar(1e-12);
    Var product = input1.mul(input2).sum(axis, false);
    Var square1 = input1.mul(input1).sum(axis, false).add(eps);
    Var square2 = input2.mul(input2).sum(axis, false).add(eps);
    Var cos = product.div(square1.mul(square2).sqrt());
    Var zeros = scalar(0);
    Var positive = Ops.where(target.eq(scalar(1)), scalar(1).sub(cos), zeros);
    return positive.add(Ops.where(target.eq(scalar(-1)), hinge(cos.sub(scalar(margin))), zeros));
  }

  private static ShapeException error(String op, String message) {
    return new ShapeException(ShapeException.Kind.DOMAIN, op + ": " + message);
  }
}
