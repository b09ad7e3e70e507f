package io.github.gradproof.autograd;

/**
 * An operation would create a tensor with more than {@link Tensor#MAX_ELEMENTS} elements, or would
 * need more than {@link Tensor#MAX_MULTIPLY_ADDS} multiply-adds (matmul, einsum, convolutions). Not a
 * mathematical verdict: the engine refuses the work before doing it, so an absurd shape in a quiz file
 * costs a clear message instead of an {@link OutOfMemoryError} or a build that never ends.
 */
public final class TensorLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long elements;

  TensorLimitException(int[] shape, long elements) {
    super("the result would have shape " + Shapes.format(shape) + " (" + elements + " elements), over the limit of "
        + Tensor.MAX_ELEMENTS + " elements per tensor", null, false, false);
    this.elements = elements;
  }

  private TensorLimitException(String message, long amount) {
    super(message, null, false, false);
    this.elements = amount;
  }

  /**
   * Refuses a computation of {@code multiplyAdds} steps when that exceeds {@link Tensor#MAX_MULTIPLY_ADDS}.
   *
   * @throws TensorLimitException if it does
   */
  static void checkWork(String op, long multiplyAdds) {
    if (multiplyAdds > Tensor.MAX_MULTIPLY_ADDS) {
      throw new TensorLimitException(op + " would need " + multiplyAdds + " multiply-adds, over the limit of "
          + Tensor.MAX_MULTIPLY_ADDS + " per operation", multiplyAdds);
    }
  }

  /** How many elements the refused tensor would have had (multiply-adds, for a refused computation). */
  public long elements() {
    return elements;
  }
}
