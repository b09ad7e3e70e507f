package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.ValueRange;

/**
 * Draws the inputs a reader works with by hand: {@code small_int}, a whole number uniform over
 * the range's whole numbers, and {@code small_decimal}, {@code k / 10} for a whole {@code k}
 * uniform over the range in tenths. Every value is the double nearest its decimal text, so the
 * numbers shown are exactly the numbers computed with.
 */
final class SmallNumbers {

  private SmallNumbers() {}

  /** A tensor of the input's shape, filled in row-major order. */
  static Tensor draw(Rng rng, InputSpec in, int[] shape) {
    ValueRange range = in.range() == null ? ValueRange.DEFAULT : in.range();
    boolean decimal = in.distribution() == Distribution.SMALL_DECIMAL;
    long scale = decimal ? 10 : 1;
    long low = Math.round(range.low() * scale);
    long high = Math.round(range.high() * scale);
    int count = Math.toIntExact(high - low + 1);
    int size = 1;
    for (int axis : shape) {
      size = Math.multiplyExact(size, axis);
    }
    double[] data = new double[size];
    for (int i = 0; i < data.length; i++) {
      long k = low + rng.nextInt(count);
      data[i] = decimal ? k / 10.0 : k;
    }
    return Tensor.of(data, shape);
  }
}
