package io.github.gradproof.autograd;

/** Numerically stable softmax, log-softmax and one-hot encoding on plain tensors (no gradients). */
final class Softmax {

  private Softmax() {}

  /** {@code exp(x - max) / sum(exp(x - max))} along one axis. */
  static Tensor softmax(Tensor x, int axis) {
    return alongAxis(x, axis, false);
  }

  /** {@code (x - max) - log(sum(exp(x - max)))} along one axis. */
  static Tensor logSoftmax(Tensor x, int axis) {
    return alongAxis(x, axis, true);
  }

  /**
   * Softmax or log-softmax in one pass per slice, without the five intermediate tensors of the
   * composition {@code sub(x, max) → exp → sum → log/div}. It performs the same operations in the
   * same order as that composition ({@link Reductions#max}'s NaN rule, a shift of 0 for an infinite
   * maximum, the exponentials summed from 0.0 in increasing index along the axis, one {@code log}
   * or one division per element), so its results are bit for bit those of the composition, which
   * {@code SoftmaxFusionTest} keeps as the reference. It runs inside every finite-difference
   * evaluation of a loss, which is why it is worth fusing.
   */
  private static Tensor alongAxis(Tensor x, int axis, boolean log) {
    int[] shape = x.shapeRef();
    boolean[] reduced = single(axis, shape.length);
    Reductions.requireNonEmpty(shape, reduced, "maximum");
    int a = shape.length == 0 ? -1 : Shapes.normalizeAxis(axis, shape.length);
    int length = a < 0 ? 1 : shape[a];
    int inner = 1;
    for (int d = a + 1; d < shape.length; d++) {
      inner *= shape[d];
    }
    double[] in = x.data();
    double[] out = new double[in.length];
    int slab = length * inner;
    for (int start = 0; start < in.length; start += slab) {
      for (int k = 0; k < inner; k++) {
        slice(in, out, start + k, inner, length, log);
      }
    }
    return new Tensor(out, x.shape());
  }

  /** One slice of {@code length} elements {@code stride} apart from {@code first}. */
  private static void slice(double[] in, double[] out, int first, int stride, int length, boolean log) {
    int end = first + length * stride;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = first; i < end; i += stride) {
      double v = in[i];
      if (v > max || Double.isNaN(v)) {
        max = v;
      }
    }
    // An all -inf (or +inf) slice would give inf - inf = NaN; shifting by 0 keeps NumPy's results there.
    double shift = Double.isInfinite(max) ? 0.0 : max;
    double sum = 0.0;
    for (int i = first; i < end; i += stride) {
      double z = in[i] - shift;
      double e = StrictMath.exp(z);
      out[i] = log ? z : e;
      sum += e;
    }
    if (log) {
      double logSum = StrictMath.log(sum);
      for (int i = first; i < end; i += stride) {
        out[i] = out[i] - logSum;
      }
    } else {
      for (int i = first; i < end; i += stride) {
        out[i] = out[i] / sum;
      }
    }
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
