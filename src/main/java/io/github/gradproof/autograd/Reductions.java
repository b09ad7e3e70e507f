package io.github.gradproof.autograd;

import java.util.Arrays;

/** Sum, max and arg-extremes over axes, and {@link #unbroadcast}, on plain tensors (no gradients). */
final class Reductions {

  private Reductions() {}

  /**
   * Sums over the masked axes. Inputs are visited in row-major order, so every output element adds its
   * terms in the same fixed order on every run.
   */
  static Tensor sum(Tensor x, boolean[] reduced, boolean keepdims) {
    int[] shape = x.shapeRef();
    int[] kept = Shapes.keptShape(shape, reduced);
    double[] out = new double[Shapes.size(kept)];
    int[] target = targetStrides(shape, reduced, kept);
    double[] in = x.data();
    int[] counter = new int[shape.length];
    int o = 0;
    for (int i = 0; i < in.length; i++) {
      out[o] += in[i];
      o = advance(counter, shape, target, o);
    }
    return new Tensor(out, Shapes.reducedShape(shape, reduced, keepdims));
  }

  /**
   * Maximum over the masked axes, NaN-propagating as NumPy's max.
   *
   * @throws ShapeException of kind DOMAIN when reducing an axis of size 0
   */
  static Tensor max(Tensor x, boolean[] reduced, boolean keepdims) {
    int[] shape = x.shapeRef();
    requireNonEmpty(shape, reduced, "maximum");
    int[] kept = Shapes.keptShape(shape, reduced);
    double[] out = new double[Shapes.size(kept)];
    Arrays.fill(out, Double.NEGATIVE_INFINITY);
    int[] target = targetStrides(shape, reduced, kept);
    double[] in = x.data();
    int[] counter = new int[shape.length];
    int o = 0;
    for (int i = 0; i < in.length; i++) {
      double v = in[i];
      if (v > out[o] || Double.isNaN(v)) {
        out[o] = v;
      } else if (Double.isNaN(out[o])) {
        out[o] = Double.NaN;
      }
      o = advance(counter, shape, target, o);
    }
    return new Tensor(out, Shapes.reducedShape(shape, reduced, keepdims));
  }

  /**
   * For every output element of a max (or min) over the masked axes, the flat index in {@code x} of the
   * first extreme element in row-major order, the one NumPy's argmax (argmin) names. NaN counts as the
   * extreme, as NumPy's max, min, argmax and argmin propagate it.
   *
   * @throws ShapeException of kind DOMAIN when reducing an axis of size 0
   */
  static int[] firstExtreme(Tensor x, boolean[] reduced, boolean max) {
    int[] shape = x.shapeRef();
    requireNonEmpty(shape, reduced, max ? "maximum" : "minimum");
    int[] kept = Shapes.keptShape(shape, reduced);
    int[] best = new int[Shapes.size(kept)];
    Arrays.fill(best, -1);
    int[] target = targetStrides(shape, reduced, kept);
    double[] in = x.data();
    int[] counter = new int[shape.length];
    int o = 0;
    for (int i = 0; i < in.length; i++) {
      if (best[o] < 0 || beats(in[i], in[best[o]], max)) {
        best[o] = i;
      }
      o = advance(counter, shape, target, o);
    }
    return best;
  }

  /** Whether {@code v} replaces {@code current} as the first extreme: strictly beyond it, or the first NaN. */
  static boolean beats(double v, double current, boolean max) {
    if (Double.isNaN(current)) {
      return false;
    }
    return Double.isNaN(v) || (max ? v > current : v < current);
  }

  /** Refuses to reduce an empty axis with an operation that has no identity (max, min, argmax, ...). */
  static void requireNonEmpty(int[] shape, boolean[] reduced, String operation) {
    for (int i = 0; i < shape.length; i++) {
      if (reduced[i] && shape[i] == 0) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "zero-size array to reduction operation "
            + operation + " which has no identity: shape " + Shapes.format(shape));
      }
    }
  }

  /**
   * Undoes broadcasting for a gradient: sums the leading axes {@code grad} has beyond {@code shape}, then
   * (keeping dimensions) the axes where {@code shape} has size 1 and {@code grad} does not.
   */
  static Tensor unbroadcast(Tensor grad, int[] shape) {
    int[] g = grad.shapeRef();
    if (Arrays.equals(g, shape)) {
      return grad;
    }
    int lead = g.length - shape.length;
    boolean[] reduced = new boolean[g.length];
    for (int i = 0; i < g.length; i++) {
      reduced[i] = i < lead || (shape[i - lead] == 1 && g[i] != 1);
    }
    return sum(grad, reduced, true).withShape(Arrays.copyOf(shape, shape.length));
  }

  /** Row-major strides of the keepdims shape, with 0 on reduced axes. */
  private static int[] targetStrides(int[] shape, boolean[] reduced, int[] kept) {
    int[] strides = Shapes.strides(kept);
    for (int i = 0; i < shape.length; i++) {
      if (reduced[i]) {
        strides[i] = 0;
      }
    }
    return strides;
  }

  /** Steps the input multi-index and returns the matching output offset. */
  private static int advance(int[] counter, int[] shape, int[] target, int o) {
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      o += target[axis];
      if (++counter[axis] < shape[axis]) {
        return o;
      }
      o -= target[axis] * shape[axis];
      counter[axis] = 0;
    }
    return o;
  }
}
