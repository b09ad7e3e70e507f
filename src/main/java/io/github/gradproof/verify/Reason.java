package io.github.gradproof.verify;

import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Why a claim is false, as facts: the kind of failure and the operands involved (the
 * sub-expressions of the claim, their shapes or values, the operator, the gradient's name), in the
 * first trial where the claim was false. No text: pages word a reason (the render stage), and
 * build messages word it with {@link Reasons#english}.
 *
 * <p>Shapes are NumPy shapes as {@code int} arrays ({@code {3, 4}}); {@link #dims()} tells which
 * dims assignment produced them, so a shape can be read back in the setup's symbols
 * ({@code (M, K)} with {@code M = 3, K = 4}).
 */
public sealed interface Reason
    permits Reason.ShapeMismatch, Reason.ValueMismatch, Reason.ComparisonFails, Reason.NoElementDiffers,
        Reason.Undefined, Reason.Wrapped {

  /** What went wrong, in a few words' worth of categories (UI strings translate {@code reason.<kind>}). */
  Kind kind();

  /** The dims assignment of the trial where the claim was false, in setup order; empty without dims. */
  Map<String, Integer> dims();

  /**
   * The claimed value has another shape than the true one.
   *
   * @param claimed for a gradient claim {@code dX = expr}: {@code expr} and its shape; for
   *     {@code a == b}: {@code a}; always a {@link Operand.Tensor}
   * @param expected for a gradient claim: autograd's gradient (no expression); for {@code a == b}:
   *     {@code b}; always a {@link Operand.Tensor}
   * @param gradient the gradient's name ({@code dA}) for a gradient claim, {@code null} for a comparison
   */
  record ShapeMismatch(Argument claimed, Argument expected, String gradient, Map<String, Integer> dims)
      implements Reason {
    public ShapeMismatch {
      dims = ordered(dims);
    }

    @Override
    public Kind kind() {
      return Kind.SHAPE;
    }
  }

  /**
   * A gradient claim has the right shape, but an element differs from autograd's gradient beyond
   * tolerance: the element whose difference exceeds its tolerance the most.
   *
   * @param gradient the gradient's name, {@code dA}
   * @param index the element's index ({@code {1, 2}}), empty for a scalar
   * @param claimed the claimed value at that element
   * @param expected autograd's value at that element
   */
  record ValueMismatch(String gradient, int[] index, double claimed, double expected, Map<String, Integer> dims)
      implements Reason {
    public ValueMismatch {
      index = Arrays.copyOf(index, index.length);
      dims = ordered(dims);
    }

    @Override
    public Kind kind() {
      return Kind.VALUE;
    }

    @Override
    public int[] index() {
      return Arrays.copyOf(index, index.length);
    }

    /** {@code |claimed - expected|}; NaN when either is NaN. */
    public double difference() {
      return Math.abs(claimed - expected);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ValueMismatch v && gradient.equals(v.gradient) && Arrays.equals(index, v.index)
          && Double.compare(claimed, v.claimed) == 0 && Double.compare(expected, v.expected) == 0
          && dims.equals(v.dims);
    }

    @Override
    public int hashCode() {
      return Objects.hash(gradient, Arrays.hashCode(index), claimed, expected, dims);
    }

    @Override
    public String toString() {
      return "ValueMismatch[gradient=" + gradient + ", index=" + Arrays.toString(index) + ", claimed=" + claimed
          + ", expected=" + expected + ", dims=" + dims + "]";
    }
  }

  /**
   * A comparison claim is false: shape tuples or integers compared whole, or the first element of
   * two tensors (broadcast together) for which the comparison fails.
   *
   * @param op the comparison as written
   * @param left the left side: a {@link Operand.Tuple}, {@link Operand.Int} or {@link Operand.Element}
   * @param right the right side, of the same kind
   * @param index for elements, the index in the broadcast shape (empty for scalars); {@code null}
   *     when whole values were compared
   */
  record ComparisonFails(CompareOp op, Argument left, Argument right, int[] index, Map<String, Integer> dims)
      implements Reason {
    public ComparisonFails {
      index = index == null ? null : Arrays.copyOf(index, index.length);
      dims = ordered(dims);
    }

    @Override
    public Kind kind() {
      return Kind.COMPARISON;
    }

    @Override
    public int[] index() {
      return index == null ? null : Arrays.copyOf(index, index.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ComparisonFails c && op == c.op && left.equals(c.left) && right.equals(c.right)
          && Arrays.equals(index, c.index) && dims.equals(c.dims);
    }

    @Override
    public int hashCode() {
      return Objects.hash(op, left, right, Arrays.hashCode(index), dims);
    }

    @Override
    public String toString() {
      return "ComparisonFails[op=" + op + ", left=" + left + ", right=" + right + ", index="
          + Arrays.toString(index) + ", dims=" + dims + "]";
    }
  }

  /**
   * A claim {@code a != b} is false: the two tensors ({@link Operand.Tensor}s) are equal within
   * tolerance in every element.
   */
  record NoElementDiffers(Argument left, Argument right, Map<String, Integer> dims) implements Reason {
    public NoElementDiffers {
      dims = ordered(dims);
    }

    @Override
    public Kind kind() {
      return Kind.COMPARISON;
    }
  }

  /**
   * An operation of the claim is undefined on its operands: shapes that do not broadcast, matmul
   * inner dimensions that differ, an impossible reshape, arrays that cannot be joined, an index that
   * does not fit, an axis out of range, another value outside the operation's domain.
   *
   * @param kind {@link Kind#BROADCAST}, {@link Kind#MATMUL}, {@link Kind#RESHAPE}, {@link Kind#JOIN},
   *     {@link Kind#INDEX}, {@link Kind#INDEX_TYPE}, {@link Kind#AXIS}, {@link Kind#SINGULAR} or {@link Kind#DOMAIN}
   * @param operation the operation with its operands
   */
  record Undefined(Kind kind, Operation operation, Map<String, Integer> dims) implements Reason {
    public Undefined {
      dims = ordered(dims);
    }

    /** The reason for an operation the engine refused with {@code kind}. */
    static Undefined of(ShapeException.Kind kind, Operation operation, Map<String, Integer> dims) {
      return new Undefined(switch (kind) {
        case BROADCAST -> Kind.BROADCAST;
        case MATMUL -> Kind.MATMUL;
        case RESHAPE -> Kind.RESHAPE;
        case JOIN -> Kind.JOIN;
        case INDEX -> Kind.INDEX;
        case INDEX_TYPE -> Kind.INDEX_TYPE;
        case AXIS -> Kind.AXIS;
        case SINGULAR -> Kind.SINGULAR;
        case DOMAIN -> Kind.DOMAIN;
      }, operation, dims);
    }
  }

  /**
   * A claim that holds at every dims assignment the author gave but not at the fresh dims the
   * verifier drew: a statement true only at the author's sizes ({@code / K} for {@code / B} when
   * {@code B = K = 3}). {@link #kind()} and {@link #dims()} are the failure's.
   *
   * @param heldAt the author's dims assignments, where the claim held, in trial order
   * @param failure why the claim is false at the fresh dims
   */
  record NotGeneral(java.util.List<Map<String, Integer>> heldAt, Reason failure) implements Wrapped {
    public NotGeneral {
      heldAt = heldAt.stream().map(Reason::ordered).toList();
      if (failure instanceof NotGeneral) {
        throw new IllegalArgumentException("a NotGeneral reason wraps the failure itself");
      }
    }

  }

  /**
   * A failure seen under circumstances a reader must be told ({@link NotGeneral}: at fresh dims,
   * {@link Widened}: on widened draws): its kind and dims are the wrapped failure's.
   */
  sealed interface Wrapped extends Reason permits NotGeneral, Widened {

    /** The failure itself. */
    Reason failure();

    @Override
    default Kind kind() {
      return failure().kind();
    }

    @Override
    default Map<String, Integer> dims() {
      return failure().dims();
    }
  }

  /** The kinds of failure a claim can have. */
  enum Kind {
    /** The claimed value has another shape than the true one. */
    SHAPE,
    /** Same shape, values differ beyond tolerance. */
    VALUE,
    /** Two shapes cannot broadcast together. */
    BROADCAST,
    /** A reshape to an incompatible size. */
    RESHAPE,
    /** Matmul with mismatched inner dimensions. */
    MATMUL,
    /** Arrays given to concatenate or stack that do not fit together. */
    JOIN,
    /**
     * An index that does not fit the indexed value: out of range, too many items, index arrays that
     * do not broadcast together.
     */
    INDEX,
    /**
     * An index array of floats (a value that is not an integer), which NumPy and PyTorch refuse as
     * indices whatever its values.
     */
    INDEX_TYPE,
    /** An axis out of range or repeated, or a permutation of the wrong length. */
    AXIS,
    /** {@code inv} or {@code solve} of a singular matrix, which has no inverse. */
    SINGULAR,
    /** Any other operation undefined on these operands (a label out of range, a zero step). */
    DOMAIN,
    /** A comparison claim that evaluated to false. */
    COMPARISON;

    /** The key suffix used in UI strings and in {@code verification.json}, e.g. {@code shape}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** An unmodifiable copy that keeps the setup's order of dims. */
  private static Map<String, Integer> ordered(Map<String, Integer> dims) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(dims));
  }

  /**
   * A claim that held on every usual draw but not on a widened one ({@link Reach}): its
   * {@code normal} inputs drawn {@code widen} times wider, its bounded ones ({@code uniform},
   * {@code positive}) nearer the ends of their ranges, to reach a branch (a clip's bound, a Huber
   * loss's delta) that the usual draws never did. {@link #kind()} and {@link #dims()} are the
   * failure's.
   *
   * @param widen how much wider than usual the normal inputs were drawn
   * @param failure why the claim is false there
   * @param moved which of the question's inputs the widened draw moved
   */
  record Widened(double widen, Reason failure, Moved moved) implements Wrapped {
    public Widened {
      if (failure instanceof Widened || failure instanceof NotGeneral) {
        throw new IllegalArgumentException("a Widened reason wraps the failure itself");
      }
    }

    /** A question with normal inputs only, as most have. */
    public Widened(double widen, Reason failure) {
      this(widen, failure, Moved.NORMAL);
    }

    /** Which inputs a widened draw moves: normal ones wider, bounded ones toward their ends, or both. */
    public enum Moved { NORMAL, BOUNDED, BOTH }
  }
}
