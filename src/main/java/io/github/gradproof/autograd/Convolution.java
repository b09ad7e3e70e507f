package io.github.gradproof.autograd;

/**
 * 2-D cross-correlation as PyTorch's conv2d computes it, on plain tensors: input {@code (N, C, H, W)},
 * weight {@code (O, C / groups, kH, kW)}, output {@code (N, O, OH, OW)} with
 * {@code out[n, o, y, x] = Σ_{c, i, j} in[n, g·C/groups + c, y·sh - ph + i·dh, x·sw - pw + j·dw] · w[o, c, i, j]}
 * for output channel {@code o} of group {@code g} (positions outside the input read 0). Its two adjoints
 * are the other kernels: {@link #spread} (the gradient with respect to the input, which is also
 * conv_transpose2d's forward) and {@link #weightGrad}. All three walk the same taps in the same order.
 */
final class Convolution {

  private Convolution() {}

  /**
   * A run of multiply-adds along one output row: output positions {@code out, out + 1, ...}, input
   * positions {@code in, in + step, ...} (step = the width stride) and one weight position.
   */
  @FunctionalInterface
  private interface Run {
    void at(int out, int in, int step, int weight, int count);
  }

  /** The cross-correlation of {@code x} with {@code w}. */
  static Tensor correlate(Tensor x, Tensor w, Window win) {
    return correlate(x, w, win, win.outHeight(x.shapeRef()[2]), win.outWidth(x.shapeRef()[3]));
  }

  /**
   * The cross-correlation's first {@code oh × ow} outputs: a transposed convolution's input gradient,
   * the size of that input, where an output padding of at least the stride (allowed below the
   * dilation) makes the full correlation of its output longer.
   */
  static Tensor correlate(Tensor x, Tensor w, Window win, int oh, int ow) {
    int[] xs = x.shapeRef();
    int[] shape = {xs[0], w.shapeRef()[0], oh, ow};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] in = x.data();
    double[] wt = w.data();
    walk(xs, w.shapeRef(), shape, win, (o, i, step, k, n) -> {
      double weight = wt[k];
      for (int t = 0; t < n; t++) {
        out[o + t] += in[i + t * step] * weight;
      }
    });
    return new Tensor(out, shape);
  }

  /**
   * The adjoint of {@link #correlate} in its input: {@code g (N, O, OH, OW)} spread back through weight
   * {@code (O, C, kH, kW)} onto {@code (N, C, h, w)}. With {@code g} an input and {@code w} a
   * {@code (C_in, C_out, kH, kW)} weight this is conv_transpose2d.
   */
  static Tensor spread(Tensor g, Tensor w, Window win, int h, int wd) {
    int[] shape = {g.shapeRef()[0], w.shapeRef()[1] * win.groups(), h, wd};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] gv = g.data();
    double[] wt = w.data();
    walk(shape, w.shapeRef(), g.shapeRef(), win, (o, i, step, k, n) -> {
      double weight = wt[k];
      for (int t = 0; t < n; t++) {
        out[i + t * step] += gv[o + t] * weight;
      }
    });
    return new Tensor(out, shape);
  }

  /**
   * The adjoint of {@link #correlate} in its weight: {@code dw[o, c, i, j] = Σ g[n, o, y, x] ·
   * in[n, g·C/groups + c, y·sh - ph + i·dh, x·sw - pw + j·dw]}, shaped {@code (O, C / groups, kH, kW)}.
   */
  static Tensor weightGrad(Tensor g, Tensor x, Window win) {
    int[] shape = {g.shapeRef()[1], x.shapeRef()[1] / win.groups(), win.kh(), win.kw()};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] gv = g.data();
    double[] in = x.data();
    walk(x.shapeRef(), shape, g.shapeRef(), win, (o, i, step, k, n) -> {
      double total = 0;
      for (int t = 0; t < n; t++) {
        total += gv[o + t] * in[i + t * step];
      }
      out[k] += total;
    });
    return new Tensor(out, shape);
  }

  /**
   * Visits, for every (batch, filter, channel of the filter's group, kernel row, kernel column, output
   * row), the run of output columns whose input column lies inside the input, for input, weight and
   * output shapes.
   */
  private static void walk(int[] xs, int[] ws, int[] os, Window win, Run run) {
    TensorLimitException.checkWork("this convolution", Shapes.product(xs[0], ws[0], ws[1], win.kh(), win.kw(),
        os[2], os[3]));
    int perGroup = ws[0] / win.groups();
    int channels = ws[1];
    for (int b = 0; b < xs[0]; b++) {
      for (int f = 0; f < ws[0]; f++) {
        int firstChannel = f / perGroup * channels;
        for (int cl = 0; cl < channels; cl++) {
          int inBase = (b * xs[1] + firstChannel + cl) * xs[2] * xs[3];
          int wBase = (f * channels + cl) * win.kh() * win.kw();
          taps(xs, os, win, (b * ws[0] + f) * os[2] * os[3], inBase, wBase, run);
        }
      }
    }
  }

  /** The kernel's taps over one (input plane, output plane) pair. */
  private static void taps(int[] xs, int[] os, Window win, int outBase, int inBase, int wBase, Run run) {
    int h = xs[2];
    int wd = xs[3];
    int oh = os[2];
    int ow = os[3];
    for (int i = 0; i < win.kh(); i++) {
      for (int j = 0; j < win.kw(); j++) {
        int shift = j * win.dw() - win.pw();
        // Output columns x with 0 <= x·sw + shift < wd.
        int first = Math.max(0, ceilDiv(-shift, win.sw()));
        int last = Math.min(ow - 1, Math.floorDiv(wd - 1 - shift, win.sw()));
        if (first > last) {
          continue;
        }
        for (int y = 0; y < oh; y++) {
          int row = y * win.sh() - win.ph() + i * win.dh();
          if (row >= 0 && row < h) {
            run.at(outBase + y * ow + first, inBase + row * wd + first * win.sw() + shift, win.sw(),
                wBase + i * win.kw() + j, last - first + 1);
          }
        }
      }
    }
  }

  private static int ceilDiv(int a, int b) {
    return -Math.floorDiv(-a, b);
  }
}
