package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * Strided views on plain tensors: a view reads element {@code start + Σ index[i] * strides[i]} of the
 * source for every multi-index of its shape, in row-major order. Broadcasting (stride 0), transposes
 * (permuted strides), flips (negative strides), slices and diagonals are all such views; copying one or
 * scattering a gradient back through it is the same odometer walk.
 */
final class Strided {

  private Strided() {}

  /**
   * The source offset of every element of the view, in row-major order.
   *
   * @throws TensorLimitException if the view has more than {@link Tensor#MAX_ELEMENTS} elements
   */
  static int[] offsets(int start, int[] strides, int[] shape) {
    int[] out = new int[Shapes.allocationSize(shape)];
    int rank = shape.length;
    int[] counter = new int[rank];
    int s = start;
    for (int i = 0; i < out.length; i++) {
      out[i] = s;
      for (int axis = rank - 1; axis >= 0; axis--) {
        s += strides[axis];
        if (++counter[axis] < shape[axis]) {
          break;
        }
        s -= strides[axis] * shape[axis];
        counter[axis] = 0;
      }
    }
    return out;
  }

  /** A copy of the view of {@code x} described by {@code start}, {@code strides} and {@code shape}. */
  static Tensor copy(Tensor x, int start, int[] strides, int[] shape) {
    return gather(x, offsets(start, strides, shape), Arrays.copyOf(shape, shape.length));
  }

  /** {@code out[k] = x[offsets[k]]}, shaped {@code shape}. */
  static Tensor gather(Tensor x, int[] offsets, int[] shape) {
    double[] src = x.data();
    double[] out = new double[offsets.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = src[offsets[k]];
    }
    return new Tensor(out, shape);
  }

  /**
   * The adjoint of {@link #gather}: zeros of {@code shape} with {@code g[k]} added at {@code offsets[k]},
   * so an element read several times collects every contribution (repeated indices add up).
   */
  static Tensor scatterAdd(Tensor g, int[] offsets, int[] shape) {
    double[] src = g.data();
    double[] out = new double[Shapes.allocationSize(shape)];
    for (int k = 0; k < offsets.length; k++) {
      out[offsets[k]] += src[k];
    }
    return new Tensor(out, shape);
  }
}
