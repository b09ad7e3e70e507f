package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * The gather plans of NumPy's tile (torch.tile) and repeat (torch.repeat_interleave): each output
 * element names the input element it copies, so the engine's indexing op computes them and its
 * scatter-add gives every input element the sum of its copies' gradients.
 */
final class Repetition {

  private Repetition() {}

  /**
   * np.tile: the shape and {@code reps} are aligned at the right, the shorter padded with ones in front,
   * and each axis is repeated whole {@code reps[i]} times.
   *
   * @throws ShapeException of kind DOMAIN for a negative repetition
   */
  static Indexing.Plan tile(int[] shape, int[] reps) {
    int rank = Math.max(shape.length, reps.length);
    int[] in = withOnes(shape, rank);
    int[] times = withOnes(reps, rank);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      if (times[i] < 0) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "tile: negative repetitions are not allowed: "
            + Shapes.format(reps));
      }
      out[i] = (int) Math.min((long) in[i] * times[i], Integer.MAX_VALUE); // a huge size meets the tensor limit
    }
    int[] offsets = new int[Shapes.allocationSize(out)];
    int[] index = new int[rank];
    int[] strides = strides(in);
    for (int k = 0; k < offsets.length; k++) {
      int offset = 0;
      for (int d = 0; d < rank; d++) {
        offset += index[d] % in[d] * strides[d];
      }
      offsets[k] = offset;
      next(index, out);
    }
    return new Indexing.Plan(offsets, out);
  }

  /**
   * np.repeat along {@code axis} (null: of the flattened input): element {@code j} of the axis
   * {@code counts[j]} times in a row; one count serves every element.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN for a count that is negative or not an
   *     integer, or counts that are neither one nor one per element of the axis
   */
  static Indexing.Plan repeat(int[] shape, double[] counts, Integer axis) {
    int[] in = axis == null ? new int[] {Shapes.allocationSize(shape)} : shape;
    int a = axis == null ? 0 : Shapes.normalizeAxis(axis, shape.length);
    int n = in[a];
    int[] each = counts(counts, n);
    long total = 0;
    for (int c : each) {
      total += c;
    }
    int[] out = in.clone();
    out[a] = (int) Math.min(total, Integer.MAX_VALUE);
    Shapes.allocationSize(new int[] {out[a]}); // the axis alone, should another axis be empty
    int[] offsets = new int[Shapes.allocationSize(out)]; // refuses a result over the tensor limit first
    int[] starts = new int[n + 1];
    for (int j = 0; j < n; j++) {
      starts[j + 1] = starts[j] + each[j];
    }
    int[] source = new int[starts[n]];
    for (int j = 0; j < n; j++) {
      Arrays.fill(source, starts[j], starts[j + 1], j);
    }
    int[] strides = strides(in);
    int[] index = new int[out.length];
    for (int k = 0; k < offsets.length; k++) {
      int offset = 0;
      for (int d = 0; d < out.length; d++) {
        offset += (d == a ? source[index[d]] : index[d]) * strides[d];
      }
      offsets[k] = offset;
      next(index, out);
    }
    return new Indexing.Plan(offsets, out);
  }

  /** The repetition of each of {@code n} elements: one count for all, or one each, whole and not negative. */
  private static int[] counts(double[] counts, int n) {
    if (counts.length != 1 && counts.length != n) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "repeat: repeats must have the same size as the"
          + " axis (" + n + ") or size 1, got " + counts.length);
    }
    int[] each = new int[n];
    for (int j = 0; j < n; j++) {
      double c = counts[counts.length == 1 ? 0 : j];
      if (c != Math.rint(c) || c < 0 || c > Integer.MAX_VALUE) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "repeat: repeats must be non-negative integers, got "
            + c);
      }
      each[j] = (int) c;
    }
    return each;
  }

  private static int[] withOnes(int[] a, int rank) {
    int[] out = new int[rank];
    Arrays.fill(out, 1);
    System.arraycopy(a, 0, out, rank - a.length, a.length);
    return out;
  }

  private static int[] strides(int[] shape) {
    int[] strides = new int[shape.length];
    for (int d = shape.length - 1, s = 1; d >= 0; d--) {
      strides[d] = s;
      s *= shape[d];
    }
    return strides;
  }

  /** Advances a row-major index over {@code shape}. */
  private static void next(int[] index, int[] shape) {
    for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
      index[d] = 0;
    }
  }
}
