package io.github.gradproof.claim;

import java.util.List;

/**
 * How a function reads in mathematical notation, as data for the renderer (which owns markup):
 * the form, the symbol, which parameters are the operands and which ones go in a subscript of the
 * symbol (a reduction's {@code axis} and {@code keepdims}, written {@code axis=0} when given).
 *
 * <p>A {@link Form#FUNCTION} shows the symbol applied to the arguments as the call gives them, minus
 * the subscript ones. The other forms have a place only for their operands and subscripts: a call
 * that gives any other argument ({@code conv2d(x, w, stride=2)}) is written as called, so that no
 * argument a claim states is hidden.
 *
 * @param form the layout
 * @param symbol the operator, function name or superscript, e.g. {@code ∑}, {@code softmax}, {@code 2}
 * @param operands the parameters shown as operands, in order (one for most forms; two for
 *     {@link Form#INFIX})
 * @param subscripts parameters shown as a subscript of the symbol, e.g. {@code axis} of {@code ∑}
 */
public record Notation(Form form, String symbol, List<String> operands, List<String> subscripts) {

  public Notation {
    operands = List.copyOf(operands);
    subscripts = List.copyOf(subscripts);
  }

  /** The layouts a function can take. */
  public enum Form {
    /** A function name applied to its arguments: {@code softmax(z, axis=1)}, {@code mean_{axis=0}(x)}. */
    FUNCTION,
    /** A large operator before the operand: {@code ∑_axis x}, {@code ∏_axis x}. */
    BIG_OPERATOR,
    /** The operand between delimiters (the symbol holds the pair): {@code |x|}. */
    ENCLOSED,
    /** A radical: {@code √x}. */
    RADICAL,
    /** The symbol raised to the operand: {@code e^x}. */
    EXPONENTIAL,
    /** The operand raised to the symbol: {@code x²}, {@code xᵀ}. */
    SUPERSCRIPT,
    /**
     * The symbol between two operands, binding as a product: {@code x ∗ w} (convolution),
     * {@code a ⊗ b} (outer product).
     */
    INFIX
  }

  /** {@code symbol(operand, ...)} with the given subscript parameters. */
  public static Notation function(String symbol, String operand, String... subscripts) {
    return new Notation(Form.FUNCTION, symbol, List.of(operand), List.of(subscripts));
  }

  /** {@code symbol_subscripts operand}. */
  public static Notation bigOperator(String symbol, String operand, String... subscripts) {
    return new Notation(Form.BIG_OPERATOR, symbol, List.of(operand), List.of(subscripts));
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

  /** {@code left symbol right}. */
  public static Notation infix(String symbol, String left, String right) {
    return new Notation(Form.INFIX, symbol, List.of(left, right), List.of());
  }
}
