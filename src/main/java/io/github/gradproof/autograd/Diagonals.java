package io.github.gradproof.autograd;

/**
 * NumPy's {@code diagonal} and {@code diag}, and {@code moveaxis}, as moves of values: a diagonal is a
 * gather by an index plan (its gradient scatters back onto the diagonal, zeros elsewhere); diag of a
 * vector places it on a diagonal of a square matrix of zeros (its gradient reads that diagonal back);
 * moveaxis is a transpose.
 */
final class Diagonals {

  private Diagonals() {}

  /**
   * numpy.diagonal(a, offset, axis1, axis2): the elements {@code a[..., i, i + offset]} of the two axes,
   * which are removed, their diagonal appended as the last axis.
   *
   * @throws ShapeException of kind DOMAIN for rank below 2 or one axis twice, AXIS for an axis out of range
   */
  static Var diagonal(Var x, int offset, int axis1, int axis2) {
    int[] shape = x.value().shapeRef();
    if (shape.length < 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "diagonal: diag requires an array of at least two"
          + " dimensions, got shape " + Shapes.format(shape));
    }
    int first = Shapes.normalizeAxis(axis1, shape.length);
    int second = Shapes.normalizeAxis(axis2, shape.length);
    if (first == second) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "diagonal: axis1 and axis2 cannot be the same");
    }
    int[] perm = new int[shape.length];
    perm[0] = first;
    perm[1] = second;
    for (int i = 0, j = 2; i < shape.length; i++) {
      if (i != first && i != second) {
        perm[j++] = i;
      }
    }
    Var moved = x.transpose(perm);
    Layout.Diagonal d = Layout.diagonal(moved.value().shapeRef(), offset);
    return ShapeOps.INDEX.apply(new Indexing.Plan(d.offsets(), d.shape()), moved);
  }

  /**
   * numpy.diag(v, k): a vector placed on diagonal {@code k} of a square matrix of zeros (of size
   * {@code len(v) + |k|}), or a matrix's diagonal {@code k}.
   *
   * @throws ShapeException of kind DOMAIN for another rank
   */
  static Var diag(Var v, int k) {
    int[] shape = v.value().shapeRef();
    if (shape.length == 2) {
      return diagonal(v, k, 0, 1);
    }
    if (shape.length != 1) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "diag: input must be 1- or 2-d, got shape "
          + Shapes.format(shape));
    }
    int m = (int) Math.min((long) shape[0] + Math.abs((long) k), Integer.MAX_VALUE);
    Shapes.allocationSize(new int[] {m, m}); // refuses a matrix over the element limit before building it
    int[] offsets = new int[m * m];
    java.util.Arrays.fill(offsets, -1);
    for (int i = 0; i < shape[0]; i++) {
      int row = k >= 0 ? i : i - k;
      offsets[row * m + row + k] = i;
    }
    return ShapeOps.PAD.apply(new Padding.Plan(new int[] {m, m}, offsets, shape.clone(), 0.0), v);
  }

  /**
   * numpy.moveaxis(a, source, destination): the axes {@code source} moved to the positions
   * {@code destination}, the others keeping their order.
   *
   * @throws ShapeException of kind DOMAIN if the two differ in length, AXIS for an axis out of range or
   *     repeated
   */
  static Var moveaxis(Var x, int[] source, int[] destination) {
    int rank = x.value().rank();
    if (source.length != destination.length) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "moveaxis: `source` and `destination` arguments must"
          + " have the same number of elements");
    }
    int[] src = distinct(source, rank, "source");
    int[] dst = distinct(destination, rank, "destination");
    int[] perm = new int[rank];
    java.util.Arrays.fill(perm, -1);
    boolean[] moved = new boolean[rank];
    for (int i = 0; i < src.length; i++) {
      perm[dst[i]] = src[i];
      moved[src[i]] = true;
    }
    for (int i = 0, next = 0; i < rank; i++) {
      if (!moved[i]) {
        while (perm[next] >= 0) {
          next++;
        }
        perm[next] = i;
      }
    }
    return x.transpose(perm);
  }

  private static int[] distinct(int[] axes, int rank, String what) {
    int[] out = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      out[i] = Shapes.normalizeAxis(axes[i], rank);
      if (seen[out[i]]) {
        throw new ShapeException(ShapeException.Kind.AXIS, "moveaxis: repeated axis in `" + what + "` argument");
      }
      seen[out[i]] = true;
    }
    return out;
  }
}
