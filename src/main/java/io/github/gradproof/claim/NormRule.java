package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * The static shape of {@code norm(x, ord, axis, keepdims)}, and NumPy's refusals as authoring
 * errors at the argument that causes them: an order a vector or a matrix has no norm of, the
 * singular-value norms (not supported), repeated axes and more than two axes. The order must be a
 * literal ({@code 2}, {@code -1}, {@code inf}, {@code 'fro'}) to be checked; otherwise the shape is
 * unknown and the engine refuses at run time.
 */
final class NormRule {

  private NormRule() {}

  static Shape shape(StaticArgs a) {
    Shape x = a.shape("x");
    if (!x.isKnown()) {
      return x;
    }
    int rank = x.rank();
    boolean none = a.isNone("ord");
    String named = a.type("ord") instanceof StaticType.StringType s ? s.value() : null;
    Double ord = none || named != null ? null : a.literal("ord");
    boolean frobenius = "fro".equals(named) || "f".equals(named);
    int[] axis = a.axes("axis");
    if (axis == null && (none || frobenius && rank == 2 || ord != null && ord == 2 && rank == 1)) {
      return ShapeRules.reduce(x, null, a.bool("keepdims"));
    }
    int[] axes = axis != null ? axis : every(rank);
    if (axes.length == 1) {
      if (named != null) {
        throw a.fail("ord", "invalid norm order '" + named + "' for vectors; a vector norm takes a number or None");
      }
      return ShapeRules.reduce(x, axes, a.bool("keepdims"));
    }
    if (axes.length != 2) {
      throw a.fail(axis == null ? "ord" : "axis", "improper number of dimensions to norm: a norm reduces 1 axis (a"
          + " vector norm) or 2 (a matrix norm), got " + axes.length + (axis == null ? " (every axis of the rank-"
          + rank + " input: give axis= with an order)" : ""));
    }
    int row = ShapeRules.axis(axes[0], rank);
    if (row == ShapeRules.axis(axes[1], rank)) {
      throw a.fail("axis", "duplicate axes given: " + axes[0] + " and " + axes[1] + " are one axis");
    }
    checkMatrixOrder(a, none || frobenius ? null : named, ord);
    return ShapeRules.reduce(x, axes, a.bool("keepdims"));
  }

  /** NumPy's matrix orders: None, 'fro', 1, -1, inf and -inf here ({@code 2}, {@code -2}, 'nuc' need an SVD). */
  private static void checkMatrixOrder(StaticArgs a, String named, Double ord) {
    if ("nuc".equals(named) || ord != null && Math.abs(ord) == 2) {
      throw a.fail("ord", "the matrix norm ord=" + (named != null ? "'nuc'" : written(ord)) + " (of singular"
          + " values) is not supported; the matrix norms are None, 'fro', 1, -1, inf and -inf");
    }
    if (ord != null && Math.abs(ord) != 1 && !Double.isInfinite(ord)) {
      throw a.fail("ord", "invalid norm order " + written(ord) + " for matrices; they are None, 'fro', 1, -1, inf"
          + " and -inf");
    }
  }

  private static String written(double ord) {
    if (Double.isInfinite(ord)) {
      return ord > 0 ? "inf" : "-inf";
    }
    return ord == Math.rint(ord) ? Long.toString((long) ord) : Double.toString(ord);
  }

  private static int[] every(int rank) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      all.add(i);
    }
    return all.stream().mapToInt(Integer::intValue).toArray();
  }
}
