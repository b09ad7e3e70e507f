package io.github.gradproof.claim;

import io.github.gradproof.autograd.ShapeException;
import java.util.ArrayList;
import java.util.List;

/**
 * The static rules and argument readings of {@code moveaxis}/{@code movedim}, {@code diag},
 * {@code diagonal} and {@code tensordot}. What NumPy refuses whatever the sizes (a rank diag has no
 * reading of, source and destination of different lengths, one axis twice for a diagonal, summed axis
 * lists of different lengths) is an authoring error at the argument; what depends on the sizes (an
 * axis out of range, summed axes of different lengths) leaves the shape unknown, and running the claim
 * reports it.
 */
final class AxisMoves {

  private AxisMoves() {}

  /** moveaxis's shape: the moved axes at their destinations, the others in order. */
  static Shape moveaxis(StaticArgs a, String input) {
    Shape x = a.shape(input);
    int[] src = movedAxes(a, "source");
    int[] dst = movedAxes(a, "destination");
    if (src.length != dst.length) {
      throw a.fail("destination", "`source` and `destination` must have the same number of axes, got " + src.length
          + " and " + dst.length);
    }
    if (!x.isKnown()) {
      return x;
    }
    int rank = x.rank();
    Dim[] out = new Dim[rank];
    boolean[] moved = new boolean[rank];
    for (int i = 0; i < src.length; i++) {
      int from = ShapeRules.axis(src[i], rank);
      int to = ShapeRules.axis(dst[i], rank);
      if (moved[from] || out[to] != null) {
        throw ShapeRules.unknown(); // a repeated axis: NumPy refuses it, the run says so
      }
      moved[from] = true;
      out[to] = x.dim(from);
    }
    for (int i = 0, next = 0; i < rank; i++) {
      if (!moved[i]) {
        while (out[next] != null) {
          next++;
        }
        out[next] = x.dim(i);
      }
    }
    return Shape.of(out);
  }

  private static int[] movedAxes(StaticArgs a, String param) {
    int[] axes = a.axes(param);
    if (axes == null) {
      throw a.fail(param, "'" + param + "' must be an integer or a tuple of integers, got None");
    }
    return axes;
  }

  /** numpy.diag's shape: a vector's square matrix, a matrix's diagonal; another rank is refused. */
  static Shape diag(StaticArgs a) {
    Shape v = a.shape("v");
    if (!v.isKnown()) {
      return v;
    }
    int k = a.constant("k");
    if (v.rank() == 1) {
      Dim n = v.dim(0).plus(Dim.of(Math.abs((long) k)));
      return Shape.of(n, n);
    }
    if (v.rank() != 2) {
      throw a.fail("v", "the input must be 1-d (a diagonal to place) or 2-d (a matrix to read), got " + v.rank()
          + (v.rank() == 1 ? " axis" : " axes") + "; diagonal(x, offset, axis1, axis2) reads any two axes");
    }
    return Shape.of(diagonalLength(v.dim(0), v.dim(1), k));
  }

  /** numpy.diagonal's shape: the other axes, then the diagonal's length. */
  static Shape diagonal(StaticArgs a, String input, String axis1, String axis2) {
    Shape x = a.shape(input);
    if (!x.isKnown()) {
      return x;
    }
    if (x.rank() < 2) {
      throw a.fail(input, "needs at least 2 axes, got " + x.rank());
    }
    int first = ShapeRules.axis(a.constant(axis1), x.rank());
    int second = ShapeRules.axis(a.constant(axis2), x.rank());
    if (first == second) {
      throw a.fail(axis2, "'" + axis1 + "' and '" + axis2 + "' are the same axis, " + first);
    }
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (i != first && i != second) {
        out.add(x.dim(i));
      }
    }
    out.add(diagonalLength(x.dim(first), x.dim(second), a.constant("offset")));
    return new Shape(out);
  }

  /** The length of diagonal {@code k} of a {@code rows × cols} matrix, where the dims determine it. */
  private static Dim diagonalLength(Dim rows, Dim cols, int k) {
    if (rows.constant() != null && cols.constant() != null) {
      long n = k >= 0 ? Math.min(rows.constant(), cols.constant() - k) : Math.min(rows.constant() + k, cols.constant());
      return Dim.of(Math.max(n, 0));
    }
    if (k == 0 && rows.equals(cols)) {
      return rows;
    }
    throw ShapeRules.unknown();
  }

  /**
   * tensordot's summed axes, {@code {axesA, axesB}}, from the static type of {@code axes}: an integer
   * {@code n} (the last n of {@code a}, the first n of {@code b}), a pair of integers, or a pair of
   * integer sequences.
   */
  static Shape tensordot(StaticArgs a) {
    Shape left = a.shape("a");
    Shape right = a.shape("b");
    if (!left.isKnown() || !right.isKnown()) {
      return Shape.unknown();
    }
    int[][] axes = staticAxes(a, left.rank());
    if (axes[0].length != axes[1].length) {
      throw a.fail("axes", "shape-mismatch for sum: " + axes[0].length + " axes of a against " + axes[1].length
          + " of b");
    }
    List<Dim> out = new ArrayList<>();
    boolean[] summedA = summed(axes[0], left.rank());
    boolean[] summedB = summed(axes[1], right.rank());
    for (int i = 0; i < left.rank(); i++) {
      if (!summedA[i]) {
        out.add(left.dim(i));
      }
    }
    for (int i = 0; i < right.rank(); i++) {
      if (!summedB[i]) {
        out.add(right.dim(i));
      }
    }
    return new Shape(out);
  }

  private static int[][] staticAxes(StaticArgs a, int rankA) {
    StaticType t = a.type("axes");
    if (t instanceof StaticType.IntType) {
      int n = a.constant("axes");
      if (n < 0) {
        throw a.fail("axes", "axes=" + n + " counts summed axes, and cannot be negative");
      }
      int[] first = new int[n];
      int[] second = new int[n];
      for (int i = 0; i < n; i++) {
        first[i] = rankA - n + i;
        second[i] = i;
      }
      return new int[][] {first, second};
    }
    List<StaticType> sides = t instanceof StaticType.SequenceType s ? s.items()
        : ((StaticType.ShapeType) t).value().dims().stream().map(d -> (StaticType) new StaticType.IntType(d)).toList();
    if (sides.size() != 2) {
      throw a.fail("axes", "'axes' must be an integer or a pair (axes of a, axes of b), got " + sides.size()
          + " items");
    }
    return new int[][] {constants(a, sides.get(0)), constants(a, sides.get(1))};
  }

  private static int[] constants(StaticArgs a, StaticType side) {
    List<Dim> dims;
    if (side instanceof StaticType.IntType i) {
      dims = List.of(i.value());
    } else if (side instanceof StaticType.SequenceType s && s.items().stream().allMatch(StaticType.IntType.class::isInstance)) {
      dims = s.items().stream().map(i -> ((StaticType.IntType) i).value()).toList();
    } else if (side instanceof StaticType.ShapeType shape) {
      dims = shape.value().dims();
    } else {
      throw a.fail("axes", "each side of 'axes' is an integer or a sequence of integers");
    }
    int[] out = new int[dims.size()];
    for (int i = 0; i < out.length; i++) {
      Long c = dims.get(i).constant();
      if (c == null) {
        throw ShapeRules.unknown();
      }
      out[i] = (int) (long) c;
    }
    return out;
  }

  /** Which axes a side sums; out of range or repeated leaves the shape to the run. */
  private static boolean[] summed(int[] axes, int rank) {
    boolean[] out = new boolean[rank];
    for (int a : axes) {
      int n = ShapeRules.axis(a, rank);
      if (out[n]) {
        throw ShapeRules.unknown();
      }
      out[n] = true;
    }
    return out;
  }

  /** tensordot's {@code axes} value as summed axis lists, or {@code null} for an integer. */
  static int[][] axes(Value v) {
    if (v instanceof Value.IntValue) {
      return null;
    }
    List<Value> sides = v instanceof Value.SequenceValue s ? s.items() : ints(v);
    if (sides.size() != 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "tensordot: axes must be an integer or a pair");
    }
    return new int[][] {side(sides.get(0)), side(sides.get(1))};
  }

  private static List<Value> ints(Value v) {
    int[] dims = ((Value.ShapeValue) v).dims();
    List<Value> out = new ArrayList<>();
    for (int d : dims) {
      out.add(new Value.IntValue(d));
    }
    return out;
  }

  /** One side's axes: an integer, a tuple of integers or a list of them. */
  private static int[] side(Value v) {
    if (v instanceof Value.IntValue i) {
      return new int[] {(int) i.value()};
    }
    List<Value> items = v instanceof Value.SequenceValue s ? s.items() : ints(v);
    return items.stream().mapToInt(i -> (int) ((Value.IntValue) i).value()).toArray();
  }
}
