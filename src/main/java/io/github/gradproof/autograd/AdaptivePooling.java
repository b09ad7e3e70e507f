package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * 2-D adaptive max and average pooling as PyTorch computes them, on plain tensors of shape
 * {@code (N, C, H, W)}: output cell {@code (y, x)} of an {@code (OH, OW)} output pools rows
 * {@code [floor(y·H/OH), ceil((y + 1)·H/OH))} and columns likewise, so the bins cover the input, may
 * differ in size by one and overlap where the sizes do not divide. A max routes each bin's gradient to
 * its first maximum in row-major order (NaN wins), an average divides by the bin's own size.
 */
final class AdaptivePooling {

  private AdaptivePooling() {}

  /**
   * The output size of one call.
   *
   * @param oh output height
   * @param ow output width
   */
  record Bins(int oh, int ow) {}

  /** One input position inside one bin: the output element, the input element and the bin's rows and columns. */
  @FunctionalInterface
  private interface Cell {
    void at(int out, int in, int rows, int cols);
  }

  /** PyTorch's first input index of output cell {@code i}: {@code floor(i·in/out)}. */
  static int start(int i, int in, int out) {
    return (int) ((long) i * in / out);
  }

  /** PyTorch's end (exclusive) of output cell {@code i}: {@code ceil((i + 1)·in/out)}. */
  static int end(int i, int in, int out) {
    return (int) (((long) (i + 1) * in + out - 1) / out);
  }

  static int[] outShape(int[] xs, Bins b) {
    return new int[] {xs[0], xs[1], b.oh(), b.ow()};
  }

  /** For every bin, the flat input index of its first maximum in row-major order (NaN wins). */
  static int[] argmax(Tensor x, Bins b) {
    int[] best = new int[Shapes.allocationSize(outShape(x.shapeRef(), b))];
    Arrays.fill(best, -1);
    double[] v = x.data();
    walk(x.shapeRef(), b, (o, i, rows, cols) -> {
      if (best[o] < 0 || Reductions.beats(v[i], v[best[o]], true)) {
        best[o] = i;
      }
    });
    return best;
  }

  /** The mean of every bin: its sum divided by its rows, then by its columns, as PyTorch's kernel. */
  static Tensor average(Tensor x, Bins b) {
    int[] shape = outShape(x.shapeRef(), b);
    double[] sum = new double[Shapes.allocationSize(shape)];
    int[][] size = new int[sum.length][];
    double[] v = x.data();
    walk(x.shapeRef(), b, (o, i, rows, cols) -> {
      sum[o] += v[i];
      size[o] = new int[] {rows, cols};
    });
    for (int o = 0; o < sum.length; o++) {
      sum[o] = sum[o] / size[o][0] / size[o][1];
    }
    return new Tensor(sum, shape);
  }

  /** The adjoint of {@link #average}: each bin hands {@code g / size} to its input elements. */
  static Tensor averageGrad(Tensor g, int[] xs, Bins b) {
    double[] out = new double[Shapes.allocationSize(xs)];
    double[] gv = g.data();
    walk(xs, b, (o, i, rows, cols) -> out[i] += gv[o] / rows / cols);
    return new Tensor(out, Arrays.copyOf(xs, xs.length));
  }

  private static void walk(int[] xs, Bins b, Cell cell) {
    int h = xs[2];
    int w = xs[3];
    TensorLimitException.checkWork("this adaptive pooling", Shapes.product(xs[0], xs[1], b.oh(), b.ow(),
        h / Math.max(b.oh(), 1) + 2, w / Math.max(b.ow(), 1) + 2));
    for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
      for (int y = 0; y < b.oh(); y++) {
        int r0 = start(y, h, b.oh());
        int r1 = end(y, h, b.oh());
        for (int x = 0; x < b.ow(); x++) {
          int c0 = start(x, w, b.ow());
          int c1 = end(x, w, b.ow());
          int out = (plane * b.oh() + y) * b.ow() + x;
          for (int row = r0; row < r1; row++) {
            for (int col = c0; col < c1; col++) {
              cell.at(out, (plane * h + row) * w + col, r1 - r0, c1 - c0);
            }
          }
        }
      }
    }
  }
}
