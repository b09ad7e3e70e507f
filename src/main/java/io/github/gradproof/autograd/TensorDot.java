package io.github.gradproof.autograd;

/**
 * NumPy's {@code tensordot}: the summed axes of each operand moved together and flattened, one matrix
 * product, and the free axes (those of {@code a}, then those of {@code b}) restored. Composed of
 * transpose, reshape and matmul, so its gradient is theirs.
 */
final class TensorDot {

  private TensorDot() {}

  /**
   * {@code tensordot(a, b, axes=n)}: the last {@code n} axes of {@code a} against the first {@code n} of
   * {@code b}.
   *
   * @throws ShapeException of kind DOMAIN for a negative {@code n} or one past either rank, MATMUL if the
   *     summed axes differ in length
   */
  static Var tensordot(Var a, Var b, int n) {
    int ra = a.value().rank();
    if (n < 0 || n > ra || n > b.value().rank()) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "tensordot: axes=" + n + " must be between 0 and the"
          + " rank of each operand, " + ra + " and " + b.value().rank());
    }
    int[] axesA = new int[n];
    int[] axesB = new int[n];
    for (int i = 0; i < n; i++) {
      axesA[i] = ra - n + i;
      axesB[i] = i;
    }
    return tensordot(a, b, axesA, axesB);
  }

  /**
   * {@code tensordot(a, b, axes=(axesA, axesB))}: axis {@code axesA[i]} of {@code a} summed against axis
   * {@code axesB[i]} of {@code b}.
   *
   * @throws ShapeException of kind DOMAIN if the two lists differ in length, AXIS for an axis out of range
   *     or repeated, MATMUL if paired axes differ in length
   */
  static Var tensordot(Var a, Var b, int[] axesA, int[] axesB) {
    if (axesA.length != axesB.length) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "tensordot: shape-mismatch for sum: "
          + axesA.length + " axes of a against " + axesB.length + " of b");
    }
    int[] sa = a.value().shapeRef();
    int[] sb = b.value().shapeRef();
    int[] summedA = resolve(axesA, sa.length);
    int[] summedB = resolve(axesB, sb.length);
    for (int i = 0; i < summedA.length; i++) {
      if (sa[summedA[i]] != sb[summedB[i]]) {
        throw new ShapeException(ShapeException.Kind.MATMUL, "tensordot: shape-mismatch for sum: axis "
            + summedA[i] + " of a " + Shapes.format(sa) + " against axis " + summedB[i] + " of b " + Shapes.format(sb));
      }
    }
    int[] freeA = free(summedA, sa.length);
    int[] freeB = free(summedB, sb.length);
    Var left = a.transpose(concat(freeA, summedA)).reshape((int) size(sa, freeA), (int) size(sa, summedA));
    Var right = b.transpose(concat(summedB, freeB)).reshape((int) size(sb, summedB), (int) size(sb, freeB));
    int[] out = new int[freeA.length + freeB.length];
    for (int i = 0; i < freeA.length; i++) {
      out[i] = sa[freeA[i]];
    }
    for (int i = 0; i < freeB.length; i++) {
      out[freeA.length + i] = sb[freeB[i]];
    }
    return left.matmul(right).reshape(out);
  }

  private static int[] resolve(int[] axes, int rank) {
    int[] out = new int[axes.length];
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < axes.length; i++) {
      out[i] = Shapes.normalizeAxis(axes[i], rank);
      if (seen[out[i]]) {
        throw new ShapeException(ShapeException.Kind.AXIS, "tensordot: repeated axis " + axes[i]);
      }
      seen[out[i]] = true;
    }
    return out;
  }

  /** The axes not summed, in order. */
  private static int[] free(int[] summed, int rank) {
    boolean[] used = new boolean[rank];
    for (int a : summed) {
      used[a] = true;
    }
    int[] out = new int[rank - summed.length];
    for (int i = 0, j = 0; i < rank; i++) {
      if (!used[i]) {
        out[j++] = i;
      }
    }
    return out;
  }

  private static int[] concat(int[] first, int[] second) {
    int[] out = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** The product of the sizes of {@code axes}, refused past the element limit (the result is no larger). */
  private static long size(int[] shape, int[] axes) {
    long n = 1;
    for (int a : axes) {
      n = Math.min(n * shape[a], Integer.MAX_VALUE);
    }
    return n;
  }
}
