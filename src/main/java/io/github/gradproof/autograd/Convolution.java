package io.github.gradproof.autograd;

/**
 * 2-D cross-correlation as PyTorch's conv2d computes it, on plain tensors: input {@code (N, C, H, W)},
 * weight {@code (O, C, kH, kW)}, output {@code (N, O, OH, OW)} with
 * {@code out[n, o, y, x] = Σ_{c, i, j} in[n, c, y·sh - ph + i, x·sw - pw + j] · w[o, c, i, j]} (positions
 * outside the input read 0). Its two adjoints are the other kernels: {@link #spread} (the gradient with
 * respect to the input, which is also conv_transpose2d's forward) and {@link #weightGrad}. All three walk
 * the same taps (output position, input position, weight position) in the same order.
 */
final class Convolution {

  private Convolution() {}

  /** One multiply-add of the convolution, given flat positions in the output, input and weight. */
  @FunctionalInterface
  private interface Tap {
    void at(int out, int in, int weight);
  }

  /** The cross-correlation of {@code x} with {@code w}. */
  static Tensor correlate(Tensor x, Tensor w, Window win) {
    int[] xs = x.shapeRef();
    int[] shape = {xs[0], w.shapeRef()[0], win.outHeight(xs[2]), win.outWidth(xs[3])};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] in = x.data();
    double[] wt = w.data();
    walk(xs, w.shapeRef(), shape, win, (o, i, k) -> out[o] += in[i] * wt[k]);
    return new Tensor(out, shape);
  }

  /**
   * The adjoint of {@link #correlate} in its input: {@code g (N, O, OH, OW)} spread back through weight
   * {@code (O, C, kH, kW)} onto {@code (N, C, h, w)}. With {@code g} an input and {@code w} a
   * {@code (C_in, C_out, kH, kW)} weight this is conv_transpose2d.
   */
  static Tensor spread(Tensor g, Tensor w, Window win, int h, int wd) {
    int[] shape = {g.shapeRef()[0], w.shapeRef()[1], h, wd};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] gv = g.data();
    double[] wt = w.data();
    walk(shape, w.shapeRef(), g.shapeRef(), win, (o, i, k) -> out[i] += gv[o] * wt[k]);
    return new Tensor(out, shape);
  }

  /**
   * The adjoint of {@link #correlate} in its weight: {@code dw[o, c, i, j] = Σ g[n, o, y, x] ·
   * in[n, c, y·sh - ph + i, x·sw - pw + j]}, shaped {@code (O, C, kH, kW)}.
   */
  static Tensor weightGrad(Tensor g, Tensor x, Window win) {
    int[] shape = {g.shapeRef()[1], x.shapeRef()[1], win.kh(), win.kw()};
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] gv = g.data();
    double[] in = x.data();
    walk(x.shapeRef(), shape, g.shapeRef(), win, (o, i, k) -> out[k] += gv[o] * in[i]);
    return new Tensor(out, shape);
  }

  /** Visits every tap that reads inside the input, for input, weight and output shapes. */
  private static void walk(int[] xs, int[] ws, int[] os, Window win, Tap tap) {
    int c = xs[1];
    int h = xs[2];
    int wd = xs[3];
    int oh = os[2];
    int ow = os[3];
    for (int b = 0; b < xs[0]; b++) {
      for (int f = 0; f < ws[0]; f++) {
        int outBase = (b * ws[0] + f) * oh * ow;
        for (int ch = 0; ch < c; ch++) {
          int inBase = (b * c + ch) * h * wd;
          int wBase = (f * c + ch) * win.kh() * win.kw();
          for (int i = 0; i < win.kh(); i++) {
            for (int j = 0; j < win.kw(); j++) {
              int k = wBase + i * win.kw() + j;
              for (int y = 0; y < oh; y++) {
                int row = y * win.sh() - win.ph() + i;
                if (row < 0 || row >= h) {
                  continue;
                }
                for (int x = 0; x < ow; x++) {
                  int col = x * win.sw() - win.pw() + j;
                  if (col >= 0 && col < wd) {
                    tap.at(outBase + y * ow + x, inBase + row * wd + col, k);
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}
