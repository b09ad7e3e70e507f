package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * NumPy's {@code sort(a, axis=-1)}: the values of each lane along {@code axis} in ascending order, or
 * of the flattened array when the axis is null ({@code axis=None}, a 1-D result). NaN sorts last, as in
 * NumPy and PyTorch, and {@code -0.0} equals {@code 0.0}; ties keep their order (a stable sort, as
 * PyTorch's). The gradient scatters the upstream back through the permutation, as
 * {@code torch.sort}'s: element {@code j} of a sorted lane sends its gradient to the position it came
 * from. Each lane's permutation is reported to the {@link KinkRecorder}: where two values cross, the
 * sort's order changes and its gradient jumps.
 */
final class SortOps {

  private SortOps() {}

  static final Primitive<Integer> SORT = Primitive.<Integer>of("sort",
      (x, axis) -> sort(x[0], axis),
      (g, y, x, axis) -> unsort(g, x[0], axis))
      .reporting((kinks, x, y, axis) -> kinks.levels(order(x[0], axis)));

  private static Tensor sort(Tensor x, Integer axis) {
    Rows rows = lanes(x, axis);
    int[] perm = permutation(rows);
    double[] v = rows.data();
    double[] out = new double[v.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = v[perm[i]];
    }
    return rows.restore(out);
  }

  /** The upstream {@code g} (shaped like the result) sent back to the positions the values came from. */
  private static Tensor unsort(Tensor g, Tensor x, Integer axis) {
    Rows rows = lanes(x, axis);
    int[] perm = permutation(rows);
    double[] gv = lanes(g, axis).data();
    double[] out = new double[gv.length];
    for (int i = 0; i < out.length; i++) {
      out[perm[i]] = gv[i];
    }
    return rows.restore(out).withShape(x.shapeRef());
  }

  /** Each element's rank within its lane, as a tensor of x's layout: the branch the sort is on. */
  private static Tensor order(Tensor x, Integer axis) {
    Rows rows = lanes(x, axis);
    int[] perm = permutation(rows);
    double[] rank = new double[perm.length];
    int n = rows.length();
    for (int i = 0; i < perm.length; i++) {
      rank[perm[i]] = i % Math.max(1, n);
    }
    return rows.restore(rank).withShape(x.shapeRef());
  }

  private static Rows lanes(Tensor x, Integer axis) {
    Tensor t = axis == null ? x.withShape(new int[] {x.size()}) : x;
    return Rows.of(t, Softmax.single(axis == null ? 0 : axis, t.rank()));
  }

  /** For each position of the lanes' data, the position (in the same lane) of the value sorted there. */
  private static int[] permutation(Rows rows) {
    double[] v = rows.data();
    int n = rows.length();
    int[] perm = new int[v.length];
    Integer[] lane = new Integer[n];
    for (int k = 0; k < rows.count(); k++) {
      int offset = k * n;
      for (int j = 0; j < n; j++) {
        lane[j] = offset + j;
      }
      Arrays.sort(lane, (a, b) -> compare(v[a], v[b])); // a stable merge sort
      for (int j = 0; j < n; j++) {
        perm[offset + j] = lane[j];
      }
    }
    return perm;
  }

  /** Ascending, NaN last, {@code -0.0} equal to {@code 0.0} (unlike {@link Double#compare}). */
  private static int compare(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    boolean nanA = Double.isNaN(a);
    boolean nanB = Double.isNaN(b);
    return nanA == nanB ? 0 : nanA ? 1 : -1;
  }
}
