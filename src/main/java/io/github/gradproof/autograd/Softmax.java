package io.github.gradproof.autograd;

/** Numerically stable softmax, log-softmax and one-hot encoding on plain tensors (no gradients). */
final class Softmax {

  private Softmax() {}

  /** {@code exp(x - max) / sum(exp(x - max))} along one axis. */
  static Tensor softmax(Tensor x, int axis) {
    boolean[] reduced = single(axis, x.rank());
    Tensor e = Elementwise.map(shifted(x, reduced), StrictMath::exp);
    return Elementwise.div(e, Reductions.sum(e, reduced, true));
  }

  /** {@code (x - max) - log(sum(exp(x - max)))} along one axis. */
  static Tensor logSoftmax(Tensor x, int axis) {
    boolean[] reduced = single(axis, x.rank());
    Tensor z = shifted(x, reduced);
    Tensor logSum = Elementwise.map(
        Reductions.sum(Elementwise.map(z, StrictMath::exp), reduced, true), StrictMath::log);
    return Elementwise.sub(z, logSum);
  }

  /**
   * A mask selecting one axis. As in PyTorch, a rank-0 input takes dim 0 or -1 and has no axis to
   * reduce: the softmax of a scalar is 1 and its log-softmax 0.
   */
  static boolean[] single(int axis, int rank) {
    boolean[] reduced = new boolean[rank];
    if (rank == 0) {
      Shapes.normalizeAxis(axis, 1); // PyTorch's range for a scalar: [-1, 0]
      return reduced;
    }
    reduced[Shapes.normalizeAxis(axis, rank)] = true;
    return reduced;
  }

  private static Tensor shifted(Tensor x, boolean[] reduced) {
    Tensor max = Reductions.max(x, reduced, true);
    // An all -inf (or +inf) slice would give inf - inf = NaN; shifting by 0 keeps NumPy's results there.
    Tensor shift = Elementwise.map(max, m -> Double.isInfinite(m) ? 0.0 : m);
    return Elementwise.sub(x, shift);
  }

  /**
   * One-hot rows: {@code labels} of any shape become {@code shape + (classes,)}.
   *
   * @throws ShapeException of kind DOMAIN if a label is not an integer in {@code [0, classes)}
   */
  static Tensor oneHot(Tensor labels, int classes) {
    if (classes < 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "one_hot: negative number of classes " + classes);
    }
    double[] y = labels.data();
    int[] in = labels.shapeRef();
    int[] shape = java.util.Arrays.copyOf(in, in.length + 1);
    shape[in.length] = classes;
    double[] out = new double[Shapes.allocationSize(shape)];
    for (int i = 0; i < y.length; i++) {
      out[i * classes + label(y, i, classes, "one_hot", labels)] = 1.0;
    }
    return new Tensor(out, shape);
  }

  /** Reads label {@code i}, checking it is an integer class index. */
  static int label(double[] y, int i, int classes, String op, Tensor labels) {
    double v = y[i];
    if (v != Math.rint(v) || v < 0 || v >= classes) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": label " + v + " at flat index " + i
          + " of labels " + labels.shapeString() + " is not an integer in [0, " + classes + ")");
    }
    return (int) v;
  }
}
