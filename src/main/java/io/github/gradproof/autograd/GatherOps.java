package io.github.gradproof.autograd;

/**
 * The gradient table of gathering along one axis by an index array: torch's {@code gather} and
 * NumPy's {@code take_along_axis}. The output reads {@code input[..., index[...], ...]} with the
 * index array taking the place of the coordinate on the axis; the input's gradient scatters back and
 * adds repeated indices (torch's scatter-add), the index array gets none.
 *
 * <p>The two differ only in their checks: torch's gather takes an index of the input's rank, no larger
 * than the input along the other axes and without negative entries; NumPy's take_along_axis
 * broadcasts the index and the array along the other axes and counts negative entries from the end.
 */
final class GatherOps {

  private GatherOps() {}

  /**
   * How one call gathers.
   *
   * @param axis the gathered axis, in {@code [0, rank)}
   * @param numpy NumPy's rules (broadcast, negative entries from the end) rather than torch's
   */
  record Along(int axis, boolean numpy) {
    String name() {
      return numpy ? "take_along_axis" : "gather";
    }
  }

  static final Primitive<Along> GATHER = Primitive.<Along>of("gather",
      (x, a) -> Strided.gather(x[0], sources(x[0], x[1], a), outShape(x[0], x[1], a)),
      (g, y, x, a) -> Strided.scatterAdd(g, sources(x[0], x[1], a), x[0].shapeRef()),
      null);

  /** The output's shape: the index's, broadcast with the input's other axes under NumPy's rules. */
  static int[] outShape(Tensor input, Tensor index, Along a) {
    int[] s = input.shapeRef();
    int[] t = index.shapeRef();
    if (s.length != t.length) {
      throw new ShapeException(ShapeException.Kind.INDEX, a.numpy()
          ? "take_along_axis: `indices` and `arr` must have the same number of dimensions, got "
              + index.shapeString() + " and " + input.shapeString()
          : "gather: index tensor must have the same number of dimensions as input tensor, got "
              + index.shapeString() + " and " + input.shapeString());
    }
    int[] out = t.clone();
    for (int d = 0; d < s.length; d++) {
      if (d != a.axis()) {
        out[d] = a.numpy() ? broadcastSize(s[d], t[d], input, index) : torchSize(s[d], t[d], d, input, index, a);
      }
    }
    return out;
  }

  private static int broadcastSize(int s, int t, Tensor input, Tensor index) {
    if (s != t && s != 1 && t != 1) {
      throw new ShapeException(ShapeException.Kind.INDEX, "take_along_axis: shape mismatch: indices "
          + index.shapeString() + " do not broadcast with arr " + input.shapeString() + " outside the axis");
    }
    return s == 1 ? t : s;
  }

  private static int torchSize(int s, int t, int d, Tensor input, Tensor index, Along a) {
    if (t > s) {
      throw new ShapeException(ShapeException.Kind.INDEX, "gather: size does not match at dimension " + d
          + ": expected index " + index.shapeString() + " to be no larger than input " + input.shapeString()
          + " apart from dimension " + a.axis());
    }
    return t;
  }

  /** The input's flat offset each output element reads. */
  static int[] sources(Tensor input, Tensor index, Along a) {
    int[] out = outShape(input, index, a);
    int[] s = input.shapeRef();
    int[] t = index.shapeRef();
    int[] inStrides = Shapes.strides(s);
    int[] ixStrides = Shapes.strides(t);
    double[] ix = index.data();
    int[] offsets = new int[Shapes.allocationSize(out)];
    int[] c = new int[out.length];
    for (int k = 0; k < offsets.length; k++) {
      int src = 0;
      int at = 0;
      for (int d = 0; d < out.length; d++) {
        at += (t[d] == 1 ? 0 : c[d]) * ixStrides[d];
        if (d != a.axis()) {
          src += (s[d] == 1 ? 0 : c[d]) * inStrides[d];
        }
      }
      src += position(ix[at], s[a.axis()], a) * inStrides[a.axis()];
      offsets[k] = src;
      for (int d = out.length - 1; d >= 0 && ++c[d] == out[d]; d--) {
        c[d] = 0;
      }
    }
    return offsets;
  }

  /** An index entry as a position on the axis, with each library's range rule and message. */
  private static int position(double v, int size, Along a) {
    if (v != Math.rint(v)) {
      throw new ShapeException(ShapeException.Kind.INDEX_TYPE,
          a.name() + ": index arrays must hold integers, got " + v);
    }
    boolean inRange = a.numpy() ? v >= -size && v < size : v >= 0 && v < size;
    if (!inRange) {
      throw new ShapeException(ShapeException.Kind.INDEX, "index " + (long) v + " is out of bounds for "
          + (a.numpy() ? "axis " : "dimension ") + a.axis() + " with size " + size);
    }
    return (int) (v < 0 ? v + size : v);
  }
}
