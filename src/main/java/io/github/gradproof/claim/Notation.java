package io.github.gradproof.claim;

import java.util.List;

/**
 * How a function reads in mathematical notation, as data for the renderer (which owns markup and
 * decides, from the static types, how the operands are indexed): the form, the symbol, which
 * parameters are the operands and which ones the form places in a subscript.
 *
 * <p>A {@link Form#FUNCTION} shows the symbol applied to the arguments as the call gives them. The
 * reductions ({@link Form#BIG_OPERATOR}, {@link Form#REDUCTION}, {@link Form#ALONG_AXIS}) bind one
 * index letter per axis they run over: their subscripts are the axis parameter and, when the
 * function has one, its {@code keepdims} flag, in that order. The other forms have a place only for
 * their operands and subscripts: a call that gives any other argument ({@code eye(N, k=1)}) is
 * written as called, so that no argument a claim states is hidden.
 *
 * @param form the layout
 * @param symbol the operator, function name or superscript, e.g. {@code ∑}, {@code softmax}, {@code 2}
 * @param operands the parameters shown as operands, in order (one for most forms; two for
 *     {@link Form#INFIX})
 * @param subscripts the parameters the form places in a subscript: a reduction's axis (then its
 *     keepdims flag), an infix operator's options ({@code stride}, {@code padding})
 */
public record Notation(Form form, String symbol, List<String> operands, List<String> subscripts) {

  public Notation {
    operands = List.copyOf(operands);
    subscripts = List.copyOf(subscripts);
  }

  /** The layouts a function can take. */
  public enum Form {
    /** A function name applied to its arguments as called: {@code softmax(z)}, {@code max(a, b)}. */
    FUNCTION,
    /**
     * A function of a condition and values, applied to them as called, the condition written as the
     * statement it is: {@code where(x > 0, a, b)}.
     */
    CONDITIONAL,
    /**
     * A large operator with the index letters of the axes it runs over, before the operand indexed
     * by them: {@code ∑_i x_{i,:}}, {@code ∏_{i,j} x_{i,j}}; every axis when none is given.
     */
    BIG_OPERATOR,
    /**
     * A named operator with its index letters, applied to the indexed operand: {@code mean_j(x_{:,j})},
     * {@code max_{i,j}(x_{i,j})}; every axis when none is given; further arguments stay in the
     * parentheses ({@code Var_i(x_{i,:}, ddof=1)}).
     */
    REDUCTION,
    /**
     * Like {@link #REDUCTION} when an axis is given ({@code softmax_j(z_{:,j})}, {@code arg max_j(x_{:,j})});
     * without one, the symbol applied to the operand as called ({@code softmax(z)}).
     */
    ALONG_AXIS,
    /** The operand between delimiters (the symbol holds the pair): {@code |x|}. */
    ENCLOSED,
    /** A radical: {@code √x}. */
    RADICAL,
    /** The symbol raised to the operand: {@code e^x}. */
    EXPONENTIAL,
    /** The operand raised to the symbol: {@code x²}, {@code xᵀ}. */
    SUPERSCRIPT,
    /** The symbol with the operand as its subscript: {@code I_N}. */
    SUBSCRIPTED,
    /**
     * The symbol between two operands, binding as a product, with the subscript parameters given as
     * {@code name=value} under the symbol: {@code x ∗ w}, {@code x ∗_{stride=2} w}, {@code a ⊗ b}.
     */
    INFIX
  }

  /** {@code symbol(arguments)}, the arguments as the call gives them. */
  public static Notation function(String symbol, String operand) {
    return new Notation(Form.FUNCTION, symbol, List.of(operand), List.of());
  }

  /** {@code symbol(condition, ...)}, the {@code condition} written as a statement. */
  public static Notation conditional(String symbol, String condition) {
    return new Notation(Form.CONDITIONAL, symbol, List.of(condition), List.of());
  }

  /** {@code symbol_{index letters} operand_{indices}} over the {@code axis} parameter. */
  public static Notation bigOperator(String symbol, String operand, String axis, String... keepdims) {
    return new Notation(Form.BIG_OPERATOR, symbol, List.of(operand), axes(axis, keepdims));
  }

  /** {@code symbol_{index letters}(operand_{indices})} over the {@code axis} parameter. */
  public static Notation reduction(String symbol, String operand, String axis, String... keepdims) {
    return new Notation(Form.REDUCTION, symbol, List.of(operand), axes(axis, keepdims));
  }

  /** A {@link Form#REDUCTION} when the {@code axis} parameter is given, else {@code symbol(operand)}. */
  public static Notation alongAxis(String symbol, String operand, String axis, String... keepdims) {
    return new Notation(Form.ALONG_AXIS, symbol, List.of(operand), axes(axis, keepdims));
  }

  /** The operand between the two characters of {@code delimiters}. */
  public static Notation enclosed(String delimiters, String operand) {
    return new Notation(Form.ENCLOSED, delimiters, List.of(operand), List.of());
  }

  /** {@code √operand}. */
  public static Notation radical(String operand) {
    return new Notation(Form.RADICAL, "√", List.of(operand), List.of());
  }

  /** {@code symbol^operand}. */
  public static Notation exponential(String symbol, String operand) {
    return new Notation(Form.EXPONENTIAL, symbol, List.of(operand), List.of());
  }

  /** {@code operand^symbol}. */
  public static Notation superscript(String symbol, String operand) {
    return new Notation(Form.SUPERSCRIPT, symbol, List.of(operand), List.of());
  }

  /** {@code symbol_operand}. */
  public static Notation subscripted(String symbol, String operand) {
    return new Notation(Form.SUBSCRIPTED, symbol, List.of(operand), List.of());
  }

  /** {@code left symbol right}, with the {@code options} given written under the symbol. */
  public static Notation infix(String symbol, String left, String right, String... options) {
    return new Notation(Form.INFIX, symbol, List.of(left, right), List.of(options));
  }

  private static List<String> axes(String axis, String... keepdims) {
    if (keepdims.length > 1) {
      throw new IllegalArgumentException("a reduction has one axis parameter and at most one keepdims flag");
    }
    return keepdims.length == 0 ? List.of(axis) : List.of(axis, keepdims[0]);
  }
}
