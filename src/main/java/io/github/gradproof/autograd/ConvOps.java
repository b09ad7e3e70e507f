package io.github.gradproof.autograd;

/**
 * The gradient table of 2-D convolution, transposed convolution and pooling (PyTorch's layouts:
 * input {@code (N, C, H, W)}, conv weight {@code (O, C, kH, kW)}, transposed weight
 * {@code (C_in, C_out, kH, kW)}). Each convolution's three rules are the other two kernels of
 * {@link Convolution}; max pooling routes each window's gradient to its first maximum (overlapping
 * windows add up), average pooling spreads it evenly over the window; the adaptive pools do the same
 * over {@link AdaptivePooling}'s bins.
 */
final class ConvOps {

  private ConvOps() {}

  /** A transposed convolution's window and the output size it was asked for. */
  record Transposed(Window window, int outHeight, int outWidth) {}

  static final Primitive<Window> CONV2D = Primitive.of("conv2d",
      (x, win) -> addBias(Convolution.correlate(x[0], x[1], win), x[2]),
      (g, y, x, win) -> Convolution.spread(g, x[1], win, x[0].shapeRef()[2], x[0].shapeRef()[3]),
      (g, y, x, win) -> Convolution.weightGrad(g, x[0], win),
      (g, y, x, win) -> channelSums(g));

  static final Primitive<Transposed> CONV_TRANSPOSE2D = Primitive.of("conv_transpose2d",
      (x, t) -> addBias(Convolution.spread(x[0], x[1], t.window(), t.outHeight(), t.outWidth()), x[2]),
      (g, y, x, t) -> Convolution.correlate(g, x[1], t.window(), x[0].shapeRef()[2], x[0].shapeRef()[3]),
      (g, y, x, t) -> Convolution.weightGrad(x[0], g, t.window()),
      (g, y, x, t) -> channelSums(g));

  static final Primitive<Window> MAX_POOL2D = Primitive.<Window>of("max_pool2d",
      (x, win) -> Strided.gather(x[0], Pooling.argmax(x[0], win), Pooling.outShape(x[0].shapeRef(), win)),
      (g, y, x, win) -> Strided.scatterAdd(g, Pooling.argmax(x[0], win), x[0].shapeRef()))
      .reporting((kinks, x, y, win) -> recordWinners(kinks, Pooling.argmax(x[0], win)));

  static final Primitive<Window> AVG_POOL2D = Primitive.of("avg_pool2d",
      (x, win) -> Pooling.average(x[0], win),
      (g, y, x, win) -> Pooling.averageGrad(g, x[0].shapeRef(), win));

  static final Primitive<AdaptivePooling.Bins> ADAPTIVE_MAX_POOL2D = Primitive.<AdaptivePooling.Bins>of(
      "adaptive_max_pool2d",
      (x, b) -> Strided.gather(x[0], AdaptivePooling.argmax(x[0], b), AdaptivePooling.outShape(x[0].shapeRef(), b)),
      (g, y, x, b) -> Strided.scatterAdd(g, AdaptivePooling.argmax(x[0], b), x[0].shapeRef()))
      .reporting((kinks, x, y, b) -> recordWinners(kinks, AdaptivePooling.argmax(x[0], b)));

  static final Primitive<AdaptivePooling.Bins> ADAPTIVE_AVG_POOL2D = Primitive.of("adaptive_avg_pool2d",
      (x, b) -> AdaptivePooling.average(x[0], b),
      (g, y, x, b) -> AdaptivePooling.averageGrad(g, x[0].shapeRef(), b));

  /** {@code out + bias[o]} over the channel axis of an {@code (N, O, H, W)} tensor. */
  private static Tensor addBias(Tensor out, Tensor bias) {
    return Elementwise.add(out, bias.withShape(new int[] {bias.size(), 1, 1}));
  }

  /** The bias gradient: {@code g} summed over batch and space. */
  private static Tensor channelSums(Tensor g) {
    return Reductions.sum(g, new boolean[] {true, false, true, true}, false);
  }

  /**
   * Reports which element won every window: a tie broken differently on either side of a finite
   * difference is a kink.
   */
  private static void recordWinners(KinkRecorder kinks, int[] argmax) {
    for (int winner : argmax) {
      kinks.branch(winner);
    }
  }
}
