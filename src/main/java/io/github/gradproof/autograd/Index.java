package io.github.gradproof.autograd;

/**
 * One item of a NumPy index expression {@code x[i, a:b:c, None, ..., idx]}, for {@link Var#index}.
 *
 * <p>Basic items ({@link At}, {@link Slice}, {@link NewAxis}, {@link Ellipsis}) select a strided view.
 * {@link Take} items are integer arrays (advanced indexing): all of them, and every {@link At} when at
 * least one {@link Take} is present, broadcast together, and the broadcast axes replace the indexed
 * axes in place when those items are adjacent in the index, or go first when a slice, {@code None} or
 * {@code ...} separates them (NumPy's rule). The gradient of an indexing result scatters back and adds
 * up repeated indices.
 */
public sealed interface Index {

  /** A single position on one axis; negative counts from the end. The axis disappears. */
  record At(int i) implements Index {}

  /**
   * Python's {@code start:stop:step}; a null bound takes Python's default for the step's direction and
   * bounds are clipped to the axis, as in NumPy. A step of 0 is an error.
   */
  record Slice(Integer start, Integer stop, Integer step) implements Index {

    /** The whole axis, {@code :}. */
    public static Slice all() {
      return new Slice(null, null, null);
    }
  }

  /** NumPy's {@code None}: inserts an axis of size 1. */
  record NewAxis() implements Index {}

  /** NumPy's {@code ...}: as many whole-axis slices as the other items leave unindexed (at most one). */
  record Ellipsis() implements Index {}

  /**
   * An integer array of positions on one axis (negative count from the end).
   *
   * @param indices integer-valued tensor of any shape
   */
  record Take(Tensor indices) implements Index {}
}
