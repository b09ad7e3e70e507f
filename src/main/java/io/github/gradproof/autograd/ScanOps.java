package io.github.gradproof.autograd;

/**
 * Operations along one axis, or over the flattened array when the axis is null (NumPy's
 * {@code axis=None}): cumsum (differentiable: its gradient is the reversed cumulative sum of the
 * output gradient) and argmax/argmin (integer-valued constants naming the first extreme; NaN counts
 * as the extreme, as in NumPy).
 */
final class ScanOps {

  private ScanOps() {}

  static final Primitive<Integer> CUMSUM = Primitive.of("cumsum",
      (x, axis) -> scan(x[0], axis, false),
      (g, y, x, axis) -> {
        Tensor back = scan(g, axis == null ? Integer.valueOf(0) : axis, true);
        return back.withShape(x[0].shapeRef());
      });

  /**
   * Cumulative sums along {@code axis} (null: of the flattened array, giving 1-D), running forwards or
   * backwards.
   */
  static Tensor scan(Tensor x, Integer axis, boolean reverse) {
    Tensor t = axis == null ? x.withShape(new int[] {x.size()}) : x;
    Rows rows = Rows.of(t, Softmax.single(axis == null ? 0 : axis, t.rank()));
    double[] v = rows.data();
    double[] out = new double[v.length];
    int n = rows.length();
    for (int k = 0; k < rows.count(); k++) {
      double running = 0;
      for (int j = 0; j < n; j++) {
        int at = k * n + (reverse ? n - 1 - j : j);
        running += v[at];
        out[at] = running;
      }
    }
    return rows.restore(out);
  }

  /**
   * The index of the first maximum (or minimum) along {@code axis}, or in the flattened array when it is
   * null, as integer-valued doubles; {@code keepdims} keeps the reduced axis (all axes for null) as 1.
   * Records the chosen positions to {@code kinks} for the gradient check.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN for an empty axis
   */
  static Tensor argExtreme(Tensor x, Integer axis, boolean keepdims, boolean max, KinkRecorder kinks) {
    int rank = x.rank();
    boolean[] reduced = axis == null ? Shapes.reducedAxes(null, rank) : Softmax.single(axis, rank);
    Reductions.requireNonEmpty(x.shapeRef(), reduced, max ? "argmax" : "argmin");
    int[] flat = Reductions.firstExtreme(x, reduced, max);
    kinks.mask(Strided.scatterAdd(Tensor.ones(flat.length), flat, x.shapeRef()));
    int stride = axis == null ? 1 : Shapes.strides(x.shapeRef())[Shapes.normalizeAxis(axis, rank)];
    int size = axis == null ? Integer.MAX_VALUE : x.shapeRef()[Shapes.normalizeAxis(axis, rank)];
    double[] out = new double[flat.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = (flat[k] / stride) % size;
    }
    return new Tensor(out, Shapes.reducedShape(x.shapeRef(), reduced, keepdims));
  }
}
