package io.github.gradproof.autograd;

import io.github.gradproof.diag.Plural;
import java.util.Arrays;

/** Reshape, transpose, flip, broadcast_to, triangles and diagonals on plain tensors (no gradients). */
final class Layout {

  private Layout() {}

  /**
   * Resolves a requested shape, with at most one {@code -1}, against the size of {@code from}.
   *
   * @throws ShapeException of kind RESHAPE if the sizes differ, more than one -1 is given, or a
   *     dimension is below -1
   */
  static int[] resolveReshape(int[] from, int[] requested) {
    int size = Shapes.size(from);
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < requested.length; i++) {
      if (requested[i] == -1) {
        if (unknown >= 0) {
          throw new ShapeException(ShapeException.Kind.RESHAPE, "cannot reshape " + Shapes.format(from)
              + ": can only specify one unknown dimension in " + Shapes.format(requested));
        }
        unknown = i;
      } else if (requested[i] < 0) {
        throw new ShapeException(ShapeException.Kind.RESHAPE, "cannot reshape " + Shapes.format(from)
            + ": negative dimension in " + Shapes.format(requested));
      } else {
        known *= requested[i];
      }
    }
    int[] shape = Arrays.copyOf(requested, requested.length);
    if (unknown >= 0 && known != 0 && size % known == 0) {
      shape[unknown] = (int) (size / known);
      return shape;
    }
    if (unknown < 0 && known == size) {
      return shape;
    }
    throw new ShapeException(ShapeException.Kind.RESHAPE, "cannot reshape " + Shapes.format(from) + " ("
        + Plural.count(size, "element") + ") into " + Shapes.format(requested));
  }

  /**
   * Resolves transpose axes: empty means reversed; otherwise a permutation of the (possibly negative) axes.
   *
   * @throws ShapeException of kind AXIS if {@code axes} is not a permutation of the axes
   */
  static int[] resolvePermutation(int[] shape, int[] axes) {
    int rank = shape.length;
    int[] perm = new int[rank];
    if (axes.length == 0) {
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
      return perm;
    }
    boolean[] seen = new boolean[rank];
    if (axes.length != rank) {
      throw new ShapeException(ShapeException.Kind.AXIS, "transpose: axes " + Shapes.format(axes)
          + " don't match array of shape " + Shapes.format(shape));
    }
    for (int i = 0; i < rank; i++) {
      int a = Shapes.normalizeAxis(axes[i], rank);
      if (seen[a]) {
        throw new ShapeException(ShapeException.Kind.AXIS,
            "transpose: repeated axis in " + Shapes.format(axes));
      }
      seen[a] = true;
      perm[i] = a;
    }
    return perm;
  }

  /**
   * NumPy's expand_dims: the shape with size-1 axes at {@code axes}, positions in the result.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range for the result or repeated
   */
  static int[] expandedShape(int[] shape, int[] axes) {
    int rank = shape.length + axes.length;
    boolean[] added = new boolean[rank];
    for (int axis : axes) {
      int a = Shapes.normalizeAxis(axis, rank);
      if (added[a]) {
        throw new ShapeException(ShapeException.Kind.AXIS, "expand_dims: repeated axis in " + Shapes.format(axes));
      }
      added[a] = true;
    }
    int[] out = new int[rank];
    int j = 0;
    for (int i = 0; i < rank; i++) {
      out[i] = added[i] ? 1 : shape[j++];
    }
    return out;
  }

  /**
   * NumPy's squeeze: the shape without the listed axes (null: without every size-1 axis).
   *
   * @throws ShapeException of kind AXIS for a bad or repeated axis, or one whose size is not 1
   */
  static int[] squeezedShape(int[] shape, int[] axes) {
    boolean[] drop = new boolean[shape.length];
    if (axes == null) {
      for (int i = 0; i < shape.length; i++) {
        drop[i] = shape[i] == 1;
      }
    } else {
      drop = Shapes.reducedAxes(axes, shape.length);
      for (int i = 0; i < shape.length; i++) {
        if (drop[i] && shape[i] != 1) {
          throw new ShapeException(ShapeException.Kind.AXIS, "squeeze: cannot squeeze axis " + i
              + " of shape " + Shapes.format(shape) + ": its size is " + shape[i] + ", not 1");
        }
      }
    }
    return Shapes.reducedShape(shape, drop, false);
  }

  /** The inverse of a permutation. */
  static int[] invert(int[] perm) {
    int[] inv = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      inv[perm[i]] = i;
    }
    return inv;
  }

  /** Output axis {@code i} is input axis {@code perm[i]}; values are copied into row-major order. */
  static Tensor transpose(Tensor x, int[] perm) {
    int[] in = x.shapeRef();
    int[] inStrides = Shapes.strides(in);
    int[] shape = new int[in.length];
    int[] strides = new int[in.length];
    for (int i = 0; i < in.length; i++) {
      shape[i] = in[perm[i]];
      strides[i] = inStrides[perm[i]];
    }
    return Strided.copy(x, 0, strides, shape);
  }

  /** Reverses the masked axes (a view with negative strides, copied). */
  static Tensor flip(Tensor x, boolean[] axes) {
    int[] shape = x.shapeRef();
    int[] strides = Shapes.strides(shape);
    int start = 0;
    for (int i = 0; i < shape.length; i++) {
      if (axes[i] && shape[i] > 0) {
        start += (shape[i] - 1) * strides[i];
        strides[i] = -strides[i];
      }
    }
    return Strided.copy(x, start, strides, shape);
  }

  /**
   * Checks NumPy's broadcast_to rule: {@code to} has at least the rank of {@code from} and every
   * right-aligned axis of {@code from} equals the target's or is 1.
   *
   * @throws ShapeException of kind BROADCAST otherwise, or DOMAIN for a negative dimension
   */
  static int[] checkBroadcastTo(int[] from, int[] to) {
    Shapes.checkShape(to);
    boolean fits = to.length >= from.length;
    for (int i = 1; fits && i <= from.length; i++) {
      int f = from[from.length - i];
      fits = f == 1 || f == to[to.length - i];
    }
    if (!fits) {
      throw new ShapeException(ShapeException.Kind.BROADCAST, "cannot broadcast an array of shape "
          + Shapes.format(from) + " to shape " + Shapes.format(to));
    }
    return to;
  }

  /**
   * The 0/1 mask of NumPy's tril ({@code j - i <= k}) or triu ({@code j - i >= k}) over the last two axes
   * of {@code shape}; a 1-D shape {@code (n,)} gives an {@code (n, n)} mask, as NumPy's tril does.
   *
   * @throws ShapeException of kind DOMAIN for a scalar
   */
  static Tensor triangleMask(int[] shape, boolean lower, int k) {
    if (shape.length == 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN,
          (lower ? "tril" : "triu") + ": expected an array of at least 1 dimension, got a scalar");
    }
    int rows = shape[Math.max(shape.length - 2, 0)];
    int cols = shape[shape.length - 1];
    double[] mask = new double[Shapes.allocationSize(new int[] {rows, cols})];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        long d = (long) j - i;
        mask[i * cols + j] = (lower ? d <= k : d >= k) ? 1 : 0;
      }
    }
    return new Tensor(mask, new int[] {rows, cols});
  }

  /** A diagonal as a gather: the offsets of {@code a[..., i, i + offset]} with the diagonal axis last. */
  record Diagonal(int[] offsets, int[] shape) {}

  /**
   * The diagonal with {@code offset} of the first two axes (NumPy's {@code diagonal(offset, 0, 1)}),
   * shaped {@code shape[2:] + (length,)}.
   *
   * @throws ShapeException of kind DOMAIN if the rank is below 2
   */
  static Diagonal diagonal(int[] shape, int offset) {
    if (shape.length < 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN,
          "trace: diag requires an array of at least two dimensions, got shape " + Shapes.format(shape));
    }
    int[] src = Shapes.strides(shape);
    long length = offset >= 0 ? Math.min(shape[0], (long) shape[1] - offset)
        : Math.min((long) shape[0] + offset, shape[1]);
    int n = (int) Math.max(length, 0);
    int start = n == 0 ? 0 : offset >= 0 ? offset * src[1] : -offset * src[0];
    int rest = shape.length - 2;
    int[] view = new int[rest + 1];
    int[] strides = new int[rest + 1];
    for (int i = 0; i < rest; i++) {
      view[i] = shape[i + 2];
      strides[i] = src[i + 2];
    }
    view[rest] = n;
    strides[rest] = src[0] + src[1];
    return new Diagonal(Strided.offsets(start, strides, view), view);
  }

  /** The shape with a trailing axis of size 1. */
  static int[] withOne(int[] shape) {
    int[] out = java.util.Arrays.copyOf(shape, shape.length + 1);
    out[shape.length] = 1;
    return out;
  }

  /** Swaps the last two axes (rank at least 2). */
  static Tensor swapLastTwo(Tensor x) {
    int rank = x.rank();
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i;
    }
    perm[rank - 2] = rank - 1;
    perm[rank - 1] = rank - 2;
    return transpose(x, perm);
  }
}
