package io.github.gradproof.autograd;

/**
 * Thrown when an operation is mathematically undefined for the shapes (or, for {@link Kind#DOMAIN},
 * the values) of its operands. Messages follow NumPy's wording and always show the shapes involved,
 * e.g. {@code operands could not be broadcast together with shapes (4, 3) (5, 4)}.
 */
public final class ShapeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of rule the operands broke. */
  public enum Kind {
    /** Shapes are not broadcast-compatible. */
    BROADCAST,
    /** Matmul operands have no dimensions, differ in the inner dimension, or have incompatible batch axes. */
    MATMUL,
    /** A reshape (or a tensor construction) asks for a different number of elements. */
    RESHAPE,
    /**
     * Arrays joined by concatenate or stack do not fit together: different ranks, or a size that
     * differs along an axis other than the joining one (any axis, for stack).
     */
    JOIN,
    /** An axis is out of range or repeated, or a permutation does not match the rank. */
    AXIS,
    /**
     * An index does not fit the array: out of range, too many indices, a second ellipsis, a zero slice
     * step, or index arrays that do not broadcast together.
     */
    INDEX,
    /**
     * An index array holds a value that is not an integer (0.5, NaN): an array of floats, which NumPy
     * and PyTorch refuse as indices whatever its values (IndexError), where the engine's arrays are all
     * float64 and take whole values.
     */
    INDEX_TYPE,
    /**
     * A square matrix that has no inverse (an exact zero pivot of its LU factorization), given to
     * {@code inv} or {@code solve}: NumPy's {@code LinAlgError: Singular matrix}.
     */
    SINGULAR,
    /** Operand values or shapes outside an operation's domain: labels out of range, non-scalar objective, ... */
    DOMAIN
  }

  private final Kind kind;

  /**
   * Creates an exception.
   *
   * @param kind which rule was broken
   * @param message NumPy-like message showing the shapes involved
   */
  public ShapeException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  /** Returns which rule the operands broke. */
  public Kind kind() {
    return kind;
  }
}
