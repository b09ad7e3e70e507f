package io.github.gradproof.autograd;

/** Reshape and transpose on plain tensors (no gradients). */
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
    int[] shape = requested.clone();
    if (unknown >= 0 && known != 0 && size % known == 0) {
      shape[unknown] = (int) (size / known);
      return shape;
    }
    if (unknown < 0 && known == size) {
      return shape;
    }
    throw new ShapeException(ShapeException.Kind.RESHAPE, "cannot reshape " + Shapes.format(from) + " ("
        + size + " elements) into " + Shapes.format(requested));
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
    int rank = in.length;
    int[] shape = new int[rank];
    int[] inStrides = Shapes.strides(in);
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      shape[i] = in[perm[i]];
      strides[i] = inStrides[perm[i]];
    }
    double[] src = x.data();
    double[] out = new double[src.length];
    int[] counter = new int[rank];
    int s = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = src[s];
      for (int axis = rank - 1; axis >= 0; axis--) {
        s += strides[axis];
        if (++counter[axis] < shape[axis]) {
          break;
        }
        s -= strides[axis] * shape[axis];
        counter[axis] = 0;
      }
    }
    return new Tensor(out, shape);
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
