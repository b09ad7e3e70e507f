package io.github.gradproof.autograd;

/**
 * An operation would create a tensor with more than {@link Tensor#MAX_ELEMENTS} elements. Not a
 * mathematical verdict: the engine refuses the work before allocating, so an absurd shape in a
 * quiz file costs a clear message instead of an {@link OutOfMemoryError}.
 */
public final class TensorLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long elements;

  TensorLimitException(int[] shape, long elements) {
    super("the result would have shape " + Shapes.format(shape) + " (" + elements + " elements), over the limit of "
        + Tensor.MAX_ELEMENTS + " elements per tensor", null, false, false);
    this.elements = elements;
  }

  /** How many elements the refused tensor would have had. */
  public long elements() {
    return elements;
  }
}
