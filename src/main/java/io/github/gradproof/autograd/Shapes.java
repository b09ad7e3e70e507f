package io.github.gradproof.autograd;

import java.util.Arrays;

/** Shape arithmetic shared by every operation: sizes, strides, broadcasting and axis normalisation. */
final class Shapes {

  private Shapes() {}

  /** Number of elements of a tensor of this shape (1 for rank 0). */
  static int size(int[] shape) {
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Integer.MAX_VALUE) {
        throw new ShapeException(ShapeException.Kind.RESHAPE,
            "shape " + format(shape) + " has more than " + Integer.MAX_VALUE + " elements");
      }
    }
    return (int) n;
  }

  /**
   * The size of a tensor about to be allocated with this shape.
   *
   * @throws TensorLimitException if it exceeds {@link Tensor#MAX_ELEMENTS}
   */
  static int allocationSize(int[] shape) {
    for (int d : shape) {
      if (d == 0) {
        return 0; // empty however long the other axes: NumPy's zeros((2000000, 0))
      }
    }
    long n = 1;
    for (int d : shape) {
      n *= d;
      if (n > Tensor.MAX_ELEMENTS) {
        long total = 1;
        for (int e : shape) {
          total = total > Long.MAX_VALUE / e ? Long.MAX_VALUE : total * e;
        }
        throw new TensorLimitException(shape, total);
      }
    }
    return (int) n;
  }

  /** The product of non-negative factors, saturating at {@code Long.MAX_VALUE} instead of overflowing. */
  static long product(long... factors) {
    long p = 1;
    for (long f : factors) {
      if (f == 0) {
        return 0;
      }
      p = p > Long.MAX_VALUE / f ? Long.MAX_VALUE : p * f;
    }
    return p;
  }

  /** Row-major strides, in elements. */
  static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    int s = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      strides[i] = s;
      s *= shape[i];
    }
    return strides;
  }

  /** NumPy's tuple notation: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
  static String format(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(shape[i]);
    }
    return sb.append(')').toString();
  }

  /**
   * The broadcast result shape of several shapes (right-aligned; size-1 axes stretch).
   *
   * @throws ShapeException of kind BROADCAST naming every shape if they do not broadcast together
   */
  static int[] broadcast(int[]... shapes) {
    int[] out = new int[0];
    try {
      for (int[] s : shapes) {
        out = broadcastPair(out, s);
      }
    } catch (ShapeException e) {
      StringBuilder all = new StringBuilder();
      for (int[] s : shapes) {
        all.append(all.length() == 0 ? "" : " ").append(format(s));
      }
      throw new ShapeException(ShapeException.Kind.BROADCAST,
          "operands could not be broadcast together with shapes " + all);
    }
    return out;
  }

  private static int[] broadcastPair(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = dimFromRight(a, rank - 1 - i);
      int db = dimFromRight(b, rank - 1 - i);
      if (da == db || db == 1) {
        out[i] = da;
      } else if (da == 1) {
        out[i] = db;
      } else {
        throw new ShapeException(ShapeException.Kind.BROADCAST,
            "operands could not be broadcast together with shapes " + format(a) + " " + format(b));
      }
    }
    return out;
  }

  private static int dimFromRight(int[] shape, int fromRight) {
    int i = shape.length - 1 - fromRight;
    return i >= 0 ? shape[i] : 1;
  }

  /**
   * Strides that read a tensor of shape {@code shape} as if it had the (broadcast) shape {@code target}:
   * stride 0 on stretched and missing leading axes.
   */
  static int[] broadcastStrides(int[] shape, int[] target) {
    int[] own = strides(shape);
    int[] out = new int[target.length];
    int offset = target.length - shape.length;
    for (int i = 0; i < shape.length; i++) {
      out[offset + i] = shape[i] == 1 && target[offset + i] != 1 ? 0 : own[i];
    }
    return out;
  }

  /** Maps a possibly negative axis into {@code [0, rank)}. */
  static int normalizeAxis(int axis, int rank) {
    if (axis < -rank || axis >= rank) {
      throw new ShapeException(ShapeException.Kind.AXIS,
          "axis " + axis + " is out of bounds for array of dimension " + rank);
    }
    return axis < 0 ? axis + rank : axis;
  }

  /**
   * Returns a mask of the reduced axes: all of them for {@code null}, else the listed (possibly negative,
   * never repeated) axes.
   */
  static boolean[] reducedAxes(int[] axes, int rank) {
    boolean[] reduced = new boolean[rank];
    if (axes == null) {
      Arrays.fill(reduced, true);
      return reduced;
    }
    for (int axis : axes) {
      int a = normalizeAxis(axis, rank);
      if (reduced[a]) {
        throw new ShapeException(ShapeException.Kind.AXIS, "duplicate value in 'axis': " + format(axes));
      }
      reduced[a] = true;
    }
    return reduced;
  }

  /** The shape left after reducing the masked axes, keeping them as size 1 when asked. */
  static int[] reducedShape(int[] shape, boolean[] reduced, boolean keepdims) {
    int kept = 0;
    for (int i = 0; i < shape.length; i++) {
      if (keepdims || !reduced[i]) {
        kept++;
      }
    }
    int[] out = new int[kept];
    int j = 0;
    for (int i = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        out[j++] = shape[i];
      } else if (keepdims) {
        out[j++] = 1;
      }
    }
    return out;
  }

  /** The shape with reduced axes set to 1 (the keepdims shape). */
  static int[] keptShape(int[] shape, boolean[] reduced) {
    return reducedShape(shape, reduced, true);
  }

  /** Validates a shape given by a caller: no negative dimensions. */
  static int[] checkShape(int[] shape) {
    for (int d : shape) {
      if (d < 0) {
        throw new ShapeException(ShapeException.Kind.DOMAIN,
            "negative dimensions are not allowed: " + format(shape));
      }
    }
    return Arrays.copyOf(shape, shape.length);
  }
}
