package io.github.gradproof.verify;

import java.util.Arrays;

/**
 * The values of one input of a numeric question's variant, as facts for the render stage: its
 * shape and its numbers in row-major order (exactly the doubles computed with). Immutable; equal
 * when the shapes and every number are.
 */
public final class NumberArray {

  private final int[] shape;
  private final double[] values;

  /** An array of {@code shape} holding {@code values} in row-major order (both copied). */
  public NumberArray(int[] shape, double[] values) {
    long size = 1;
    for (int axis : shape) {
      size *= axis;
    }
    if (size != values.length) {
      throw new IllegalArgumentException("a shape of " + size + " elements holds " + values.length + " values");
    }
    this.shape = Arrays.copyOf(shape, shape.length);
    this.values = Arrays.copyOf(values, values.length);
  }

  /** The shape: {@code []} for a scalar. */
  public int[] shape() {
    return Arrays.copyOf(shape, shape.length);
  }

  /** The numbers, in row-major order. */
  public double[] toArray() {
    return Arrays.copyOf(values, values.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberArray a && Arrays.equals(shape, a.shape) && Arrays.equals(values, a.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(shape) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(shape) + Arrays.toString(values);
  }
}
