package io.github.gradproof.autograd;

import io.github.gradproof.diag.Plural;
import java.util.Arrays;

/**
 * Checks the arguments of PyTorch-style convolutions and pooling (adaptive too) and runs them on the 2-D kernels: a
 * 1-D operation becomes 2-D with height 1, and an unbatched input {@code (C, ...)} gets a batch of one,
 * through reshapes (so gradients flow through the same rules). Every message names the operation and
 * shows the shapes as the author gave them.
 */
final class Networks {

  private Networks() {}

  /** Which convolution: its name, spatial rank and whether it is transposed. */
  enum Conv {
    CONV1D("conv1d", 1, false),
    CONV2D("conv2d", 2, false),
    CONV_TRANSPOSE1D("conv_transpose1d", 1, true),
    CONV_TRANSPOSE2D("conv_transpose2d", 2, true);

    final String label;
    final int dims;
    final boolean transposed;

    Conv(String label, int dims, boolean transposed) {
      this.label = label;
      this.dims = dims;
      this.transposed = transposed;
    }
  }

  /**
   * Runs a convolution.
   *
   * @param bias shape {@code (out_channels,)}, or null for none
   * @param outputPadding extra size on one side of a transposed convolution's output (ignored otherwise)
   * @param dilation the spacing of the kernel's taps, one value or one per axis
   * @param groups the channel groups: input and output channels both divide into them
   * @throws ShapeException of kind DOMAIN when the shapes, the groups or the stride, padding and
   *     dilation do not fit
   */
  static Var conv(Conv op, Var input, Var weight, Var bias, int[] stride, int[] padding, int[] outputPadding,
      int[] dilation, int groups) {
    int d = op.dims;
    int[] s = spatial(op.label, "stride", stride, d, 1);
    int[] p = spatial(op.label, "padding", padding, d, 0);
    int[] q = spatial(op.label, "output_padding", outputPadding, d, 0);
    int[] dil = spatial(op.label, "dilation", dilation, d, 1);
    if (groups < 1) {
      throw error(op.label, "groups must be positive (PyTorch: non-positive groups is not supported), got " + groups);
    }
    boolean unbatched = batched(op.label, "(N, C, " + (d == 1 ? "L" : "H, W") + ")", input, d);
    int[] ws = weight.value().shapeRef();
    if (ws.length != d + 2) {
      throw error(op.label, "expected a weight of " + (d + 2) + " dimensions " + (op.transposed
          ? "(in_channels, out_channels / groups, k...)" : "(out_channels, in_channels / groups, k...)")
          + ", got shape " + Shapes.format(ws));
    }
    int[] xs = unbatched ? prepend(1, input.value().shapeRef()) : input.value().shapeRef();
    checkChannels(op, xs, ws, input.value().shapeRef(), groups);
    int outChannels = op.transposed ? ws[1] * groups : ws[0];
    Var b = checkBias(op.label, bias, outChannels);
    int[] x4 = lift(xs, d);
    int[] w4 = lift(ws, d);
    Window win = new Window(w4[2], w4[3], d == 1 ? 1 : s[0], s[d - 1], d == 1 ? 0 : p[0], p[d - 1],
        d == 1 ? 1 : dil[0], dil[d - 1], groups);
    Var x = input.reshape(x4);
    Var w = weight.reshape(w4);
    Var out;
    if (op.transposed) {
      checkOutputPadding(op.label, q, s, dil);
      int oh = transposedLength(op, x4[2], win.kh(), win.sh(), win.ph(), win.dh(), d == 1 ? 0 : q[0]);
      int ow = transposedLength(op, x4[3], win.kw(), win.sw(), win.pw(), win.dw(), q[d - 1]);
      out = ConvOps.CONV_TRANSPOSE2D.apply(new ConvOps.Transposed(win, oh, ow), x, w, b);
    } else {
      checkFits(op.label, xs, ws, p, dil, d);
      out = ConvOps.CONV2D.apply(win, x, w, b);
    }
    return unlift(out, d, unbatched);
  }

  /**
   * Runs max or average pooling over {@code (N, C, H, W)} or {@code (C, H, W)}, or in 1-D over
   * {@code (N, C, L)} or {@code (C, L)} as 2-D pooling of height 1.
   *
   * @param stride null: the kernel size, as PyTorch
   * @throws ShapeException of kind DOMAIN when the window, stride or padding do not fit
   */
  static Var pool(boolean max, int d, Var input, int[] kernel, int[] stride, int[] padding) {
    String name = (max ? "max_pool" : "avg_pool") + d + "d";
    int[] k = spatial(name, "kernel_size", kernel, d, 1);
    int[] s = stride == null ? k : spatial(name, "stride", stride, d, 1);
    int[] p = spatial(name, "padding", padding, d, 0);
    boolean unbatched = batched(name, d == 1 ? "(N, C, L)" : "(N, C, H, W)", input, d);
    for (int i = 0; i < d; i++) {
      if (2 * p[i] > k[i]) {
        throw error(name, "padding " + Shapes.format(p) + " must be at most half the kernel size " + Shapes.format(k));
      }
    }
    int[] given = input.value().shapeRef();
    int[] xs = lift(unbatched ? prepend(1, given) : given, d);
    Window win = new Window(d == 1 ? 1 : k[0], k[d - 1], d == 1 ? 1 : s[0], s[d - 1], d == 1 ? 0 : p[0], p[d - 1]);
    if (win.outHeight(xs[2]) < 1 || win.outWidth(xs[3]) < 1) {
      String out = d == 1 ? "(" + win.outWidth(xs[3]) + ",)" : "(" + win.outHeight(xs[2]) + ", " + win.outWidth(xs[3]) + ")";
      throw error(name, "the window " + Shapes.format(k) + " does not fit the input " + Shapes.format(given)
          + " with padding " + Shapes.format(p) + ": the output would be " + out);
    }
    Var out = (max ? ConvOps.MAX_POOL2D : ConvOps.AVG_POOL2D).apply(win, as(input, xs));
    return unlift(out, d, unbatched);
  }

  /**
   * Runs adaptive max or average pooling to {@code outputSize} (one value for every axis, or one per
   * axis) over {@code (N, C, H, W)} or {@code (C, H, W)}, or in 1-D over {@code (N, C, L)} or
   * {@code (C, L)}.
   *
   * @throws ShapeException of kind DOMAIN for a negative output size, another rank or an empty input
   */
  static Var adaptivePool(boolean max, int d, Var input, int[] outputSize) {
    String name = (max ? "adaptive_max_pool" : "adaptive_avg_pool") + d + "d";
    int[] o = spatial(name, "output_size", outputSize, d, 0);
    boolean unbatched = batched(name, d == 1 ? "(N, C, L)" : "(N, C, H, W)", input, d);
    int[] given = input.value().shapeRef();
    int[] xs = lift(unbatched ? prepend(1, given) : given, d);
    if (Shapes.product(xs[1], xs[2], xs[3]) == 0) {
      throw error(name, "expected an input of non-zero size apart from the batch axis, got shape "
          + Shapes.format(given));
    }
    AdaptivePooling.Bins bins = new AdaptivePooling.Bins(d == 1 ? 1 : o[0], o[d - 1]);
    Var out = (max ? ConvOps.ADAPTIVE_MAX_POOL2D : ConvOps.ADAPTIVE_AVG_POOL2D).apply(bins, as(input, xs));
    return unlift(out, d, unbatched);
  }

  /** The input reshaped to the 4-D layout of the kernels, unchanged where it has it already. */
  private static Var as(Var input, int[] shape) {
    return Arrays.equals(input.value().shapeRef(), shape) ? input : input.reshape(shape);
  }

  /** Expands a per-axis argument: one value for every axis, or one per axis; each at least {@code min}. */
  private static int[] spatial(String op, String what, int[] given, int d, int min) {
    if (given == null || (given.length != 1 && given.length != d)) {
      throw error(op, what + " must have " + (d == 1 ? "1 value" : "1 or " + d + " values") + ", got "
          + (given == null ? "none" : Shapes.format(given)));
    }
    int[] out = new int[d];
    for (int i = 0; i < d; i++) {
      out[i] = given[given.length == 1 ? 0 : i];
      if (out[i] < min) {
        throw error(op, what + " must be " + (min == 0 ? "non-negative" : "positive") + ", got "
            + Shapes.format(given));
      }
    }
    return out;
  }

  /** Whether the input lacks the batch axis; refuses other ranks. */
  private static boolean batched(String op, String layout, Var input, int d) {
    int rank = input.value().rank();
    if (rank != d + 2 && rank != d + 1) {
      throw error(op, "expected an input " + layout + " or without the batch axis, got shape "
          + input.value().shapeString());
    }
    return rank == d + 1;
  }

  /**
   * PyTorch's channel rules: the weight's first dim divides into the groups, and the input has the
   * channels the weight expects ({@code weight[1] · groups}, or {@code weight[0]} transposed).
   */
  private static void checkChannels(Conv op, int[] xs, int[] ws, int[] given, int groups) {
    if (ws[0] % groups != 0) {
      throw error(op.label, "the weight " + Shapes.format(ws) + " must divide into groups=" + groups
          + " along its first dimension (" + ws[0] + " " + (op.transposed ? "input" : "output")
          + " channels), as PyTorch requires");
    }
    int expected = op.transposed ? ws[0] : ws[1] * groups;
    if (xs[1] != expected) {
      throw error(op.label, "the weight " + Shapes.format(ws) + (groups == 1 ? "" : " with groups=" + groups)
          + " expects " + Plural.count(expected, "input channel") + ", but the input " + Shapes.format(given)
          + " has " + xs[1]);
    }
  }

  private static Var checkBias(String op, Var bias, int channels) {
    if (bias == null) {
      return Var.constant(Tensor.zeros(channels));
    }
    int[] bs = bias.value().shapeRef();
    if (bs.length != 1 || bs[0] != channels) {
      throw error(op, "the bias must have shape (" + channels + ",), one value per output channel, got "
          + Shapes.format(bs));
    }
    return bias;
  }

  private static void checkFits(String op, int[] xs, int[] ws, int[] p, int[] dil, int d) {
    for (int i = 0; i < d; i++) {
      long padded = (long) xs[2 + i] + 2L * p[i];
      if (padded < (long) dil[i] * (ws[2 + i] - 1) + 1) {
        boolean dilated = dil[i] != 1;
        throw error(op, "the kernel " + Shapes.format(Arrays.copyOfRange(ws, 2, 2 + d))
            + (dilated ? " dilated by " + Shapes.format(dil) : "")
            + " is larger than the padded input: spatial size " + Shapes.format(Arrays.copyOfRange(xs, 2, 2 + d))
            + " plus padding " + Shapes.format(p) + " on both sides");
      }
    }
  }

  /** PyTorch's rule: each output padding is smaller than its axis's stride or its dilation. */
  private static void checkOutputPadding(String op, int[] q, int[] s, int[] dil) {
    for (int i = 0; i < q.length; i++) {
      if (q[i] >= s[i] && q[i] >= dil[i]) {
        throw error(op, "output_padding " + Shapes.format(q) + " must be smaller than either the stride "
            + Shapes.format(s) + " or the dilation " + Shapes.format(dil));
      }
    }
  }

  /** {@code (in - 1) * stride - 2 * pad + dilation * (k - 1) + 1 + outputPadding}, which must be positive. */
  private static int transposedLength(Conv op, int in, int k, int stride, int pad, int dilation, int extra) {
    long length = (long) (in - 1) * stride - 2L * pad + (long) dilation * (k - 1) + 1 + extra;
    if (length < 1) {
      throw error(op.label, "the output would have a spatial size of " + length
          + "; reduce the padding or grow the input");
    }
    return (int) length;
  }

  /** {@code (N, C, L)} becomes {@code (N, C, 1, L)}; 2-D shapes are unchanged. */
  private static int[] lift(int[] shape, int d) {
    if (d == 2) {
      return shape;
    }
    return new int[] {shape[0], shape[1], 1, shape[2]};
  }

  private static Var unlift(Var out, int d, boolean unbatched) {
    int[] s = out.value().shapeRef();
    int[] shape = d == 1 ? new int[] {s[0], s[1], s[3]} : s;
    if (unbatched) {
      shape = Arrays.copyOfRange(shape, 1, shape.length);
    }
    return shape == s ? out : out.reshape(shape);
  }

  private static int[] prepend(int first, int[] shape) {
    int[] out = new int[shape.length + 1];
    out[0] = first;
    System.arraycopy(shape, 0, out, 1, shape.length);
    return out;
  }

  private static ShapeException error(String op, String message) {
    return new ShapeException(ShapeException.Kind.DOMAIN, op + ": " + message);
  }
}
