package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Static shape rules shared by the registry's functions and the operators, on symbolic shapes:
 * NumPy's broadcasting, reductions, matmul, reshape and the like. A rule that meets shapes the
 * operation cannot take (an axis out of range, sizes that never broadcast) gives an unknown shape:
 * running the line then gives the verdict, so a static rule never rejects a claim.
 */
final class ShapeRules {

  private ShapeRules() {}

  /** Unknown: the operation is undefined or undeterminable on these static shapes. */
  static StaticArgs.Unknown unknown() {
    return new StaticArgs.Unknown();
  }

  /** NumPy broadcasting of any number of shapes. */
  static Shape broadcast(Shape... shapes) {
    int rank = 0;
    for (Shape s : shapes) {
      if (!s.isKnown()) {
        return Shape.unknown();
      }
      rank = Math.max(rank, s.rank());
    }
    Dim[] out = new Dim[rank];
    Arrays.fill(out, Dim.of(1));
    for (Shape s : shapes) {
      int offset = rank - s.rank();
      for (int i = 0; i < s.rank(); i++) {
        Dim d = Dim.broadcast(out[offset + i], s.dims().get(i));
        if (d == null) {
          return Shape.unknown();
        }
        out[offset + i] = d;
      }
    }
    return Shape.of(out);
  }

  /** An axis counted from the end when negative; {@link StaticArgs.Unknown} when out of range. */
  static int axis(int axis, int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw unknown();
    }
    return a;
  }

  private static boolean[] axesMask(int[] axes, int rank) {
    boolean[] reduced = new boolean[rank];
    if (axes == null) {
      Arrays.fill(reduced, true);
      return reduced;
    }
    for (int a : axes) {
      int n = axis(a, rank);
      if (reduced[n]) {
        throw unknown();
      }
      reduced[n] = true;
    }
    return reduced;
  }

  /** A reduction over {@code axes} ({@code null}: all), keeping size-1 axes when asked. */
  static Shape reduce(Shape x, int[] axes, boolean keepdims) {
    if (!x.isKnown()) {
      return x;
    }
    boolean[] reduced = axesMask(axes, x.rank());
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (!reduced[i]) {
        out.add(x.dims().get(i));
      } else if (keepdims) {
        out.add(Dim.of(1));
      }
    }
    return new Shape(out);
  }

  /** NumPy's {@code matmul}: 1-D operands promoted then the added axis removed, batches broadcast. */
  static Shape matmul(Shape a, Shape b) {
    if (!a.isKnown() || !b.isKnown() || a.rank() == 0 || b.rank() == 0) {
      return Shape.unknown();
    }
    List<Dim> ad = a.dims();
    List<Dim> bd = b.dims();
    Dim inner = ad.get(ad.size() - 1);
    Dim other = bd.size() == 1 ? bd.get(0) : bd.get(bd.size() - 2);
    if (!inner.equals(other) && inner.constant() != null && other.constant() != null) {
      return Shape.unknown();
    }
    Shape batch = broadcast(new Shape(ad.subList(0, Math.max(0, ad.size() - 2))),
        new Shape(bd.subList(0, Math.max(0, bd.size() - 2))));
    if (!batch.isKnown()) {
      return batch;
    }
    List<Dim> out = new ArrayList<>(batch.dims());
    if (ad.size() > 1) {
      out.add(ad.get(ad.size() - 2));
    }
    if (bd.size() > 1) {
      out.add(bd.get(bd.size() - 1));
    }
    return new Shape(out);
  }

  /**
   * A stack of square matrices {@code (..., n, n)} keeps its shape ({@code inv}); unknown when the
   * rank is below 2 or the last two sizes differ (running it gives the error).
   */
  static Shape squareStack(Shape a) {
    if (!a.isKnown() || a.rank() < 2) {
      return Shape.unknown();
    }
    Dim rows = a.dim(-2);
    Dim cols = a.dim(-1);
    return rows.equals(cols) || rows.constant() == null || cols.constant() == null ? a : Shape.unknown();
  }

  /** {@code det} of a stack of square matrices: its batch axes {@code (...)}. */
  static Shape determinant(Shape a) {
    Shape square = squareStack(a);
    return square.isKnown() ? new Shape(square.dims().subList(0, square.rank() - 2)) : square;
  }

  /**
   * {@code solve(a, b)} ({@code b} a vector or a stack of matrices, not one axis short of {@code a}):
   * {@code (..., n)} or the broadcast batch axes and {@code (n, k)}.
   */
  static Shape solve(Shape a, Shape b) {
    Shape square = squareStack(a);
    if (!square.isKnown() || !b.isKnown() || b.rank() == 0) {
      return Shape.unknown();
    }
    List<Dim> ad = square.dims();
    Dim n = square.dim(-1);
    Dim rows = b.rank() == 1 ? b.dim(0) : b.dim(-2);
    if (!n.equals(rows) && n.constant() != null && rows.constant() != null) {
      return Shape.unknown();
    }
    if (b.rank() == 1) {
      return new Shape(ad.subList(0, ad.size() - 1));
    }
    Shape batch = broadcast(new Shape(ad.subList(0, ad.size() - 2)), new Shape(b.dims().subList(0, b.rank() - 2)));
    if (!batch.isKnown()) {
      return batch;
    }
    List<Dim> out = new ArrayList<>(batch.dims());
    out.add(n);
    out.add(b.dim(-1));
    return new Shape(out);
  }

  /** NumPy's {@code dot}: scalars multiply, 1-D·1-D is a scalar, N-D·M-D sums a's last axis with b's second-to-last. */
  static Shape dot(Shape a, Shape b) {
    if (!a.isKnown() || !b.isKnown()) {
      return Shape.unknown();
    }
    if (a.rank() == 0 || b.rank() == 0) {
      return broadcast(a, b);
    }
    if (b.rank() <= 2) {
      return matmulNoBroadcast(a, b);
    }
    List<Dim> out = new ArrayList<>(a.dims().subList(0, a.rank() - 1));
    out.addAll(b.dims().subList(0, b.rank() - 2));
    out.add(b.dim(-1));
    return new Shape(out);
  }

  private static Shape matmulNoBroadcast(Shape a, Shape b) {
    List<Dim> out = new ArrayList<>(a.dims().subList(0, a.rank() - 1));
    if (b.rank() == 2) {
      out.add(b.dim(-1));
    }
    return new Shape(out);
  }

  /** Axes permuted: output axis {@code i} is input axis {@code axes[i]}; {@code null} reverses them. */
  static Shape transpose(Shape x, int[] axes) {
    if (!x.isKnown()) {
      return x;
    }
    List<Dim> in = x.dims();
    List<Dim> out = new ArrayList<>();
    if (axes == null) {
      for (int i = in.size() - 1; i >= 0; i--) {
        out.add(in.get(i));
      }
      return new Shape(out);
    }
    if (axes.length != in.size()) {
      throw unknown();
    }
    boolean[] used = new boolean[in.size()];
    for (int a : axes) {
      int n = axis(a, in.size());
      if (used[n]) {
        throw unknown();
      }
      used[n] = true;
      out.add(in.get(n));
    }
    return new Shape(out);
  }

  /** NumPy's reshape: one {@code -1} takes the size that keeps the element count. */
  static Shape reshape(Shape x, Shape target) {
    if (!target.isKnown()) {
      return target;
    }
    int inferred = -1;
    Dim known = Dim.of(1);
    for (int i = 0; i < target.rank(); i++) {
      Dim d = target.dims().get(i);
      if (d.is(-1)) {
        if (inferred >= 0) {
          throw unknown();
        }
        inferred = i;
      } else {
        known = known.times(d);
      }
    }
    if (inferred < 0) {
      return target;
    }
    List<Dim> out = new ArrayList<>(target.dims());
    out.set(inferred, x.size().floorDiv(known));
    return new Shape(out);
  }

  /** NumPy's {@code swapaxes} (torch's two-dim {@code transpose}): two axes exchanged. */
  static Shape swapaxes(Shape x, int axis1, int axis2) {
    if (!x.isKnown()) {
      return x;
    }
    int first = axis(axis1, x.rank());
    int second = axis(axis2, x.rank());
    List<Dim> out = new ArrayList<>(x.dims());
    out.set(first, x.dim(second));
    out.set(second, x.dim(first));
    return new Shape(out);
  }

  /** NumPy's {@code expand_dims}: size-1 axes inserted at {@code axes} of the result. */
  static Shape expandDims(Shape x, int[] axes) {
    if (!x.isKnown()) {
      return x;
    }
    int rank = x.rank() + axes.length;
    boolean[] inserted = axesMask(axes, rank);
    List<Dim> out = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < rank; i++) {
      out.add(inserted[i] ? Dim.of(1) : x.dims().get(next++));
    }
    return new Shape(out);
  }

  /** NumPy's {@code squeeze}: {@code axes} removed ({@code null}: every size-1 axis). */
  static Shape squeeze(Shape x, int[] axes) {
    if (!x.isKnown()) {
      return x;
    }
    List<Dim> out = new ArrayList<>();
    boolean[] removed = axes == null ? null : axesMask(axes, x.rank());
    for (int i = 0; i < x.rank(); i++) {
      Dim d = x.dims().get(i);
      boolean one = d.is(1);
      if (axes == null && !one && d.constant() == null) {
        throw unknown(); // a dim may be 1 in some trials
      }
      if (removed != null && removed[i] && !one && d.constant() != null) {
        throw unknown(); // squeezing an axis that is not 1 fails
      }
      if (!(removed == null ? one : removed[i])) {
        out.add(d);
      }
    }
    return new Shape(out);
  }

  /** NumPy's {@code concatenate}: sizes add along {@code axis}; {@code null} flattens first. */
  static Shape concatenate(List<Shape> parts, Integer axis) {
    if (parts.isEmpty() || parts.stream().anyMatch(p -> !p.isKnown())) {
      return Shape.unknown();
    }
    if (axis == null) {
      Dim n = Dim.of(0);
      for (Shape p : parts) {
        n = n.plus(p.size());
      }
      return Shape.of(n);
    }
    Shape first = parts.get(0);
    int a = axis(axis, first.rank());
    Dim total = Dim.of(0);
    for (Shape p : parts) {
      if (p.rank() != first.rank()) {
        throw unknown();
      }
      total = total.plus(p.dims().get(a));
    }
    List<Dim> out = new ArrayList<>(first.dims());
    out.set(a, total);
    return new Shape(out);
  }

  /** NumPy's {@code stack}: a new axis of length {@code parts.size()} at {@code axis}. */
  static Shape stack(List<Shape> parts, int axis) {
    if (parts.isEmpty() || parts.stream().anyMatch(p -> !p.equals(parts.get(0)))) {
      return Shape.unknown();
    }
    Shape first = parts.get(0);
    if (!first.isKnown()) {
      return first;
    }
    int a = axis(axis, first.rank() + 1);
    List<Dim> out = new ArrayList<>(first.dims());
    out.add(a, Dim.of(parts.size()));
    return new Shape(out);
  }

  /** The output length of a convolution or pooling window: {@code (n + 2*padding - kernel)//stride + 1}. */
  static Dim windowOutput(Dim n, Dim kernel, Dim stride, Dim padding) {
    return n.plus(padding.times(Dim.of(2))).minus(kernel).floorDiv(stride).plus(Dim.of(1));
  }

  /** The output length of a transposed convolution: {@code (n - 1)*stride - 2*padding + kernel}. */
  static Dim transposedOutput(Dim n, Dim kernel, Dim stride, Dim padding) {
    return n.minus(Dim.of(1)).times(stride).minus(padding.times(Dim.of(2))).plus(kernel);
  }
}
