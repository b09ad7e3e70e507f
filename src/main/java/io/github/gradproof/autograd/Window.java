package io.github.gradproof.autograd;

/**
 * The sliding window of a 2-D convolution or pooling: kernel size, stride and zero padding per spatial
 * axis (height, width). A 1-D operation is the 2-D one with height 1, stride 1 and no padding there.
 *
 * @param kh kernel height
 * @param kw kernel width
 * @param sh stride along the height
 * @param sw stride along the width
 * @param ph padding added on both sides of the height
 * @param pw padding added on both sides of the width
 */
record Window(int kh, int kw, int sh, int sw, int ph, int pw) {

  /** PyTorch's output length without ceil mode: {@code floor((in + 2 pad - k) / stride) + 1}. */
  static int outLength(int in, int k, int stride, int pad) {
    return Math.floorDiv(in + 2 * pad - k, stride) + 1;
  }

  int outHeight(int h) {
    return outLength(h, kh, sh, ph);
  }

  int outWidth(int w) {
    return outLength(w, kw, sw, pw);
  }
}
