package io.github.gradproof.autograd;

/**
 * PyTorch's class losses with {@code weight}, {@code ignore_index} and, for cross-entropy,
 * {@code label_smoothing}, over scores {@code (B, K)} and labels {@code (B,)}: the weighted negative
 * log-likelihood of each row ({@link #NLL_WEIGHTED}), 0 for a row whose label is the ignore index,
 * reduced as torch reduces it ('mean' divides by the summed weights of the rows' labels, so a batch
 * whose every row is ignored has a NaN mean, and gradient 0). Cross-entropy is that of
 * {@code log_softmax}, plus, with smoothing {@code ε}, torch's {@code ε / K} times the weighted sum of
 * every class's negative log-probability.
 */
final class ClassLosses {

  private ClassLosses() {}

  /** Each row's weight ({@code weight[y_i]}, or 1), 0 where the label is ignored, and each row's class. */
  record Rows(double[] weights, int[] classes, boolean[] ignored) {}

  /**
   * {@code -w_i input[i, y_i]} per row ({@code (B,)}), 0 for an ignored row. The input's gradient is
   * {@code -w_i g_i} at {@code [i, y_i]}; an ignored row gets none, whatever {@code g_i} (torch skips
   * it, so the 0/0 of an all-ignored mean does not reach the input).
   */
  static final Primitive<Rows> NLL_WEIGHTED = Primitive.<Rows>of("nll_loss(weight, ignore_index)", (x, r) -> {
    int classes = x[0].shapeRef()[1];
    double[] out = new double[r.classes().length];
    for (int i = 0; i < out.length; i++) {
      out[i] = r.ignored()[i] ? 0 : -r.weights()[i] * x[0].data()[i * classes + r.classes()[i]];
    }
    return new Tensor(out, new int[] {out.length});
  }, (g, y, x, r) -> {
    int classes = x[0].shapeRef()[1];
    double[] out = new double[x[0].size()];
    for (int i = 0; i < r.classes().length; i++) {
      if (!r.ignored()[i]) {
        out[i * classes + r.classes()[i]] = -r.weights()[i] * g.data()[i];
      }
    }
    return new Tensor(out, x[0].shapeRef());
  });

  /**
   * torch's nll_loss.
   *
   * @param weight null, or one weight per class {@code (K,)}
   * @param reduction 'mean', 'sum' or 'none'
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is neither a class nor
   *     the ignore index
   */
  static Var nllLoss(String op, Var input, Tensor labels, Tensor weight, int ignoreIndex, String reduction) {
    Rows rows = rows(op, input.value(), labels, weight, ignoreIndex);
    return reduce(NLL_WEIGHTED.apply(rows, input), rows, reduction);
  }

  /**
   * torch's cross_entropy: {@code (1 - ε) nll_loss(log_softmax(input)) + ε / K · smooth}, where smooth
   * is each kept row's {@code -Σ_k weight_k log_softmax(input)[i, k]} under the same reduction.
   *
   * @throws ShapeException of kind DOMAIN as {@link #nllLoss}, or if {@code ε} is not in [0, 1]
   */
  static Var crossEntropy(Var input, Tensor labels, Tensor weight, int ignoreIndex, String reduction,
      double smoothing) {
    if (!(smoothing >= 0 && smoothing <= 1)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "cross_entropy: label_smoothing must be between 0.0 and"
          + " 1.0, got " + smoothing);
    }
    Rows rows = rows("cross_entropy", input.value(), labels, weight, ignoreIndex);
    Var logp = input.logSoftmax(1);
    Var nll = reduce(NLL_WEIGHTED.apply(rows, logp), rows, reduction);
    if (smoothing == 0) {
      return nll;
    }
    int classes = input.value().shapeRef()[1];
    Var weighted = weight == null ? logp : logp.mul(Var.constant(weight));
    Var smooth = Ops.where(Var.constant(kept(rows)), weighted.sum(new int[] {1}, false).neg(),
        Var.constant(Tensor.scalar(0)));
    return nll.mul(scalar(1 - smoothing)).add(reduce(smooth, rows, reduction).mul(scalar(smoothing / classes)));
  }

  private static Var reduce(Var none, Rows rows, String reduction) {
    return switch (reduction) {
      case "none" -> none;
      case "sum" -> none.sum();
      default -> none.sum().div(scalar(total(rows)));
    };
  }

  /** The summed weights of the kept rows' labels: the mean's denominator (0 when every row is ignored). */
  private static double total(Rows rows) {
    double total = 0;
    for (int i = 0; i < rows.weights().length; i++) {
      total += rows.ignored()[i] ? 0 : rows.weights()[i];
    }
    return total;
  }

  private static Tensor kept(Rows rows) {
    double[] keep = new double[rows.ignored().length];
    for (int i = 0; i < keep.length; i++) {
      keep[i] = rows.ignored()[i] ? 0 : 1;
    }
    return new Tensor(keep, new int[] {keep.length});
  }

  private static Var scalar(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  private static Rows rows(String op, Tensor scores, Tensor labels, Tensor weight, int ignoreIndex) {
    int[] s = scores.shapeRef();
    if (s.length != 2 || labels.rank() != 1 || labels.size() != s[0]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": expected input (B, K) and labels (B,), got"
          + " input " + Shapes.format(s) + " and labels " + labels.shapeString());
    }
    if (weight != null && (weight.rank() != 1 || weight.size() != s[1])) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": weight should hold one weight for each of the "
          + s[1] + " classes, got shape " + weight.shapeString());
    }
    double[] weights = new double[s[0]];
    int[] classes = new int[s[0]];
    boolean[] ignored = new boolean[s[0]];
    for (int i = 0; i < s[0]; i++) {
      double v = labels.data()[i];
      ignored[i] = v == ignoreIndex;
      if (!ignored[i] && (v != Math.rint(v) || v < 0 || v >= s[1])) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": label " + v + " at flat index " + i + " of labels "
            + labels.shapeString() + " is not an integer in [0, " + s[1] + ") nor the ignore_index " + ignoreIndex);
      }
      classes[i] = ignored[i] ? 0 : (int) v;
      weights[i] = ignored[i] ? 0 : weight == null ? 1 : weight.data()[classes[i]];
    }
    return new Rows(weights, classes, ignored);
  }
}
