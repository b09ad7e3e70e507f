package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * 2-D max and average pooling as PyTorch computes them (no ceil mode, no dilation), on plain tensors of
 * shape {@code (N, C, H, W)}. Padded positions never win a max; an average divides by the full window
 * ({@code count_include_pad = True}, PyTorch's default), padding counted as zeros.
 */
final class Pooling {

  private Pooling() {}

  /** One input position inside one window: the output element and the input element. */
  @FunctionalInterface
  private interface Cell {
    void at(int out, int in);
  }

  /** The output shape {@code (N, C, OH, OW)}. */
  static int[] outShape(int[] xs, Window win) {
    return new int[] {xs[0], xs[1], win.outHeight(xs[2]), win.outWidth(xs[3])};
  }

  /**
   * For every window, the flat input index of its first maximum in row-major window order (NaN wins),
   * the element PyTorch's max_pool2d picks.
   */
  static int[] argmax(Tensor x, Window win) {
    int[] shape = outShape(x.shapeRef(), win);
    int[] best = new int[Shapes.allocationSize(shape)];
    Arrays.fill(best, -1);
    double[] v = x.data();
    walk(x.shapeRef(), shape, win, (o, i) -> {
      if (best[o] < 0 || Reductions.beats(v[i], v[best[o]], true)) {
        best[o] = i;
      }
    });
    return best;
  }

  /** The mean of every window, padding counted as zeros in a divisor of {@code kH * kW}. */
  static Tensor average(Tensor x, Window win) {
    int[] shape = outShape(x.shapeRef(), win);
    double[] out = new double[Shapes.allocationSize(shape)];
    double[] v = x.data();
    walk(x.shapeRef(), shape, win, (o, i) -> out[o] += v[i]);
    double size = (double) win.kh() * win.kw();
    for (int k = 0; k < out.length; k++) {
      out[k] /= size;
    }
    return new Tensor(out, shape);
  }

  /** The adjoint of {@link #average}: each window hands {@code g / (kH * kW)} to its input elements. */
  static Tensor averageGrad(Tensor g, int[] xs, Window win) {
    double[] out = new double[Shapes.allocationSize(xs)];
    double[] gv = g.data();
    double size = (double) win.kh() * win.kw();
    walk(xs, g.shapeRef(), win, (o, i) -> out[i] += gv[o] / size);
    return new Tensor(out, Arrays.copyOf(xs, xs.length));
  }

  private static void walk(int[] xs, int[] os, Window win, Cell cell) {
    int h = xs[2];
    int w = xs[3];
    int oh = os[2];
    int ow = os[3];
    for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          int out = (plane * oh + y) * ow + x;
          for (int i = 0; i < win.kh(); i++) {
            int row = y * win.sh() - win.ph() + i;
            for (int j = 0; j < win.kw(); j++) {
              int col = x * win.sw() - win.pw() + j;
              if (row >= 0 && row < h && col >= 0 && col < w) {
                cell.at(out, (plane * h + row) * w + col);
              }
            }
          }
        }
      }
    }
  }
}
