package io.github.gradproof.autograd;

/**
 * The sliding window of a 2-D convolution or pooling: kernel size, stride, zero padding and dilation per
 * spatial axis (height, width), and a convolution's channel groups. A 1-D operation is the 2-D one with
 * height 1, stride 1, no padding and no dilation there.
 *
 * @param kh kernel height
 * @param kw kernel width
 * @param sh stride along the height
 * @param sw stride along the width
 * @param ph padding added on both sides of the height
 * @param pw padding added on both sides of the width
 * @param dh dilation along the height: tap {@code i} reads {@code i·dh} rows after the window's first
 * @param dw dilation along the width
 * @param groups a convolution's channel groups: each group of output channels reads only its own group
 *     of input channels (1 for pooling and for an ordinary convolution)
 */
record Window(int kh, int kw, int sh, int sw, int ph, int pw, int dh, int dw, int groups) {

  /** A window without dilation or groups (pooling's, and a plain convolution's). */
  Window(int kh, int kw, int sh, int sw, int ph, int pw) {
    this(kh, kw, sh, sw, ph, pw, 1, 1, 1);
  }

  /**
   * PyTorch's output length without ceil mode: {@code floor((in + 2 pad - dilation (k - 1) - 1) / stride) + 1}.
   */
  static int outLength(int in, int k, int stride, int pad, int dilation) {
    return Math.floorDiv(in + 2 * pad - dilation * (k - 1) - 1, stride) + 1;
  }

  int outHeight(int h) {
    return outLength(h, kh, sh, ph, dh);
  }

  int outWidth(int w) {
    return outLength(w, kw, sw, pw, dw);
  }
}
