package io.github.gradproof.autograd;

/**
 * NumPy's {@code linalg.norm(x, ord=None, axis=None, keepdims=False)}: which norm an order and
 * axes name, built from {@link NormOps#VECTOR_NORM}. One axis gives a vector norm; two give a
 * matrix norm ({@code 'fro'}, or {@code ±1}/{@code ±inf}: the largest or smallest column or row
 * sum of magnitudes); no axis flattens for {@code ord=None} and otherwise takes the input as a
 * vector (rank 1) or a matrix (rank 2). The matrix norms of singular values ({@code 2}, {@code -2},
 * {@code 'nuc'}) are not supported.
 */
final class Norms {

  private Norms() {}

  /**
   * The norm; {@code named} ({@code 'fro'}, {@code 'f'}, {@code 'nuc'}) or else {@code ord} (null: None).
   *
   * @throws ShapeException of kind AXIS for an axis out of range, DOMAIN for an order or a number of
   *     axes NumPy refuses
   */
  static Var norm(Var x, Double ord, String named, int[] axis, boolean keepdims) {
    int rank = x.value().rank();
    boolean frobenius = "fro".equals(named) || "f".equals(named);
    if (axis == null && (ord == null && named == null || frobenius && rank == 2 || ord != null && ord == 2 && rank == 1)) {
      return vector(x, 2, null, keepdims); // NumPy's flattened 2-norm
    }
    int[] axes = axis != null ? axis : everyAxis(rank);
    if (axes.length == 1) {
      if (named != null) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: invalid norm order '" + named + "' for vectors");
      }
      return vector(x, ord == null ? 2 : ord, axes, keepdims);
    }
    if (axes.length != 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: improper number of dimensions to norm: a norm"
          + " reduces 1 axis (a vector norm) or 2 (a matrix norm), got " + axes.length
          + (axis == null ? " (every axis of the rank-" + rank + " input: give axis= with an order)" : ""));
    }
    return matrix(x, ord, named, Shapes.normalizeAxis(axes[0], rank), Shapes.normalizeAxis(axes[1], rank), keepdims);
  }

  private static int[] everyAxis(int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return axes;
  }

  private static Var vector(Var x, double ord, int[] axes, boolean keepdims) {
    ReductionOps.Reduce r = ReductionOps.Reduce.of(axes, x.value().rank(), keepdims);
    return NormOps.VECTOR_NORM.apply(new NormOps.Norm(r, ord), x);
  }

  /** NumPy's matrix norms over rows {@code row} and columns {@code col}. */
  private static Var matrix(Var x, Double ord, String named, int row, int col, boolean keepdims) {
    if (row == col) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: duplicate axes given: " + row + " and " + col);
    }
    if (named == null && ord == null || "fro".equals(named) || "f".equals(named)) {
      return vector(x, 2, new int[] {row, col}, keepdims);
    }
    if ("nuc".equals(named) || ord != null && Math.abs(ord) == 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: the matrix norm ord=" + (named != null ? "'nuc'"
          : ord == 2 ? "2" : "-2") + " (of singular values) is not supported; the matrix norms are None, 'fro', 1, -1,"
          + " inf and -inf");
    }
    if (named != null || Math.abs(ord) != 1 && !Double.isInfinite(ord)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: invalid norm order " + (named != null
          ? "'" + named + "'" : Double.toString(ord)) + " for matrices; they are None, 'fro', 1, -1, inf and -inf");
    }
    // 1 and -1: sums over the rows, extreme over the columns; inf and -inf: the other way round.
    boolean columns = Math.abs(ord) == 1;
    int summed = columns ? row : col;
    int extreme = columns ? col : row;
    double pick = ord > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    Var sums = vector(x, 1, new int[] {summed}, true);
    Var out = vector(sums, pick, new int[] {extreme}, true);
    return keepdims ? out : out.reshape(Shapes.reducedShape(x.value().shapeRef(),
        Shapes.reducedAxes(new int[] {row, col}, x.value().rank()), false));
  }
}
