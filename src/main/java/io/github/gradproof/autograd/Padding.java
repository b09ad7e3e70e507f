package io.github.gradproof.autograd;

import java.util.Locale;

/**
 * torch.nn.functional.pad's index map: for every output element, the input element it copies, or
 * none (a constant fill). The pad tuple starts from the last axis, {@code (left, right)} per axis; a
 * negative pad crops. {@code reflect} mirrors about the edge element and {@code replicate} repeats
 * it, both on the uncropped axis (a left pad of 3 and a right crop of 2 reflect {@code [0, 1, 2, 3]}
 * into {@code [3, 2, 1, 0, 1]}); {@code circular} wraps the cropped axis around, as torch does. The
 * gradient scatters back through the same map and adds, so an input element copied several times (a
 * reflected or replicated edge) gets the sum of their gradients.
 */
final class Padding {

  private Padding() {}

  /** torch's padding modes. */
  enum Mode {
    CONSTANT, REFLECT, REPLICATE, CIRCULAR;

    /** The mode as torch spells it, {@code 'reflect'}. */
    String spelling() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A resolved padding: the output shape, the input flat offset of each output element (-1 for the
   * fill value), and the input's shape.
   */
  record Plan(int[] shape, int[] offsets, int[] inputShape, double value) {

    Tensor gather(Tensor x) {
      double[] in = x.data();
      double[] out = new double[offsets.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = offsets[i] < 0 ? value : in[offsets[i]];
      }
      return new Tensor(out, shape.clone());
    }

    Tensor scatter(Tensor g) {
      double[] gv = g.data();
      double[] out = new double[Shapes.allocationSize(inputShape)];
      for (int i = 0; i < gv.length; i++) {
        if (offsets[i] >= 0) {
          out[offsets[i]] += gv[i];
        }
      }
      return new Tensor(out, inputShape.clone());
    }
  }

  /**
   * Resolves {@code pad} for an input of {@code shape}.
   *
   * @throws ShapeException of kind DOMAIN for a pad tuple of odd length or longer than twice the rank, a
   *     rank the mode does not support, a crop past an axis, or a reflection or wrap wider than the axis
   */
  static Plan plan(int[] shape, int[] pad, Mode mode, double value) {
    if (pad.length % 2 != 0) {
      throw domain("Padding length must be divisible by 2, got " + Shapes.format(pad));
    }
    int padded = pad.length / 2;
    if (padded > shape.length) {
      throw domain("Padding length too large: " + Shapes.format(pad) + " pads " + padded
          + " axes of an input of shape " + Shapes.format(shape));
    }
    if (mode != Mode.CONSTANT) {
      checkRank(shape.length, padded, mode);
    }
    int rank = shape.length;
    int[] before = new int[rank];
    int[] cropped = new int[rank];
    int[] kept = shape.clone();
    int[] out = shape.clone();
    for (int k = 0; k < padded; k++) {
      int axis = rank - 1 - k;
      int left = pad[2 * k];
      int right = pad[2 * k + 1];
      boolean wrapsCropped = mode == Mode.CIRCULAR;
      before[axis] = wrapsCropped ? Math.max(left, 0) : left;
      cropped[axis] = wrapsCropped ? Math.max(-left, 0) : 0;
      kept[axis] = wrapsCropped ? shape[axis] - cropped[axis] - Math.max(-right, 0) : shape[axis];
      out[axis] = shape[axis] + left + right;
      checkAxis(shape, axis, left, right, kept[axis], mode);
    }
    return new Plan(out, offsets(shape, out, new Crop(before, cropped, kept), mode), shape.clone(), value);
  }

  /** torch pads 2-D to 5-D inputs only in the other modes: one or two axes besides the padded ones. */
  private static void checkRank(int rank, int padded, Mode mode) {
    boolean ok = mode == Mode.CIRCULAR ? rank == padded + 2 : rank == padded + 1 || rank == padded + 2;
    if (!ok || padded > 3) {
      throw domain("pad: mode '" + mode.spelling() + "' pads the last " + padded + " axes of an input of "
          + (mode == Mode.CIRCULAR ? "rank " + (padded + 2) : "rank " + (padded + 1) + " or " + (padded + 2))
          + " (at most 3 axes), got rank " + rank);
    }
  }

  /**
   * Per axis: where the kept part starts in the output (negative where a crop comes first), the
   * elements cropped before it, and how many are kept (all but for circular, which wraps what is kept).
   */
  private record Crop(int[] before, int[] cropped, int[] kept) {}

  /** Checks one axis, of which the mode pads {@code n} elements (circular: those left after the crop). */
  private static void checkAxis(int[] shape, int axis, int left, int right, int n, Mode mode) {
    if (Math.max(-left, 0) + Math.max(-right, 0) > shape[axis]) {
      throw domain("pad: padding (" + left + ", " + right + ") of axis " + axis + " of an input of shape "
          + Shapes.format(shape) + " crops more than the axis holds");
    }
    if (mode == Mode.REFLECT && (left >= n || right >= n)) {
      throw domain("pad: padding size should be less than the corresponding input dimension, but got padding ("
          + left + ", " + right + ") at axis " + axis + " of an input of shape " + Shapes.format(shape));
    }
    if (mode == Mode.CIRCULAR && (left > n || right > n)) {
      throw domain("pad: padding (" + left + ", " + right + ") at axis " + axis + " of an input of shape "
          + Shapes.format(shape) + " wraps around more than once");
    }
    if (mode == Mode.REPLICATE && n == 0 && (left > 0 || right > 0)) {
      throw domain("pad: mode 'replicate' cannot pad an empty axis " + axis + " of shape " + Shapes.format(shape));
    }
  }

  /** The input offset of every output element, row-major; -1 where the fill value goes. */
  private static int[] offsets(int[] in, int[] out, Crop crop, Mode mode) {
    int rank = in.length;
    int[] strides = new int[rank];
    for (int d = rank - 1, s = 1; d >= 0; d--) {
      strides[d] = s;
      s *= in[d];
    }
    int[] offsets = new int[Shapes.allocationSize(out)];
    int[] index = new int[rank];
    for (int i = 0; i < offsets.length; i++) {
      int offset = 0;
      for (int d = 0; d < rank && offset >= 0; d++) {
        int source = source(index[d] - crop.before()[d], crop.kept()[d], mode);
        offset = source < 0 ? -1 : offset + (crop.cropped()[d] + source) * strides[d];
      }
      offsets[i] = offset;
      for (int d = rank - 1; d >= 0 && ++index[d] == out[d]; d--) {
        index[d] = 0;
      }
    }
    return offsets;
  }

  /** The input coordinate that output coordinate {@code p} (shifted by the left pad) copies, or -1. */
  private static int source(int p, int n, Mode mode) {
    if (p >= 0 && p < n) {
      return p;
    }
    return switch (mode) {
      case CONSTANT -> -1;
      case REFLECT -> p < 0 ? -p : 2 * (n - 1) - p;
      case REPLICATE -> p < 0 ? 0 : n - 1;
      case CIRCULAR -> Math.floorMod(p, n);
    };
  }

  private static ShapeException domain(String message) {
    return new ShapeException(ShapeException.Kind.DOMAIN, message);
  }
}
