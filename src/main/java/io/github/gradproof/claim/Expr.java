package io.github.gradproof.claim;

import java.util.List;

/**
 * An expression of the claim language. Every node records {@code pos}, the 0-based offset in its
 * line of the character that errors about the node point at.
 */
public sealed interface Expr
    permits Expr.Num, Expr.Name, Expr.Bool, Expr.Neg, Expr.Binary, Expr.Transpose, Expr.ShapeOf,
        Expr.Call, Expr.Tuple {

  /** 0-based offset of the node in its line. */
  int pos();

  /**
   * A number literal.
   *
   * @param text as written
   * @param value its value
   * @param integer whether written without a decimal point or exponent (then it is an integer)
   */
  record Num(String text, double value, boolean integer, int pos) implements Expr {}

  /** A dim, input, forward or gradient name, or a method keyword of {@code fd_order}. */
  record Name(String name, int pos) implements Expr {}

  /** {@code True} or {@code False}, for keyword arguments such as {@code keepdims=}. */
  record Bool(boolean value, int pos) implements Expr {}

  /** Unary minus. */
  record Neg(Expr operand, int pos) implements Expr {}

  /** A binary arithmetic operation; {@code pos} is the operator's offset. */
  record Binary(BinaryOp op, Expr left, Expr right, int pos) implements Expr {}

  /** {@code x.T}: reverses the axes; {@code pos} is the offset of {@code T}. */
  record Transpose(Expr target, int pos) implements Expr {}

  /** {@code x.shape}: the shape tuple; {@code pos} is the offset of {@code shape}. */
  record ShapeOf(Expr target, int pos) implements Expr {}

  /**
   * A function call.
   *
   * @param function the function's name
   * @param args positional arguments
   * @param keywords keyword arguments, in order written
   * @param pos offset of the function name
   */
  record Call(String function, List<Expr> args, List<Keyword> keywords, int pos) implements Expr {
    public Call {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }
  }

  /** A tuple literal such as {@code ()}, {@code (3,)} or {@code (R, C)}; {@code pos} is the '('. */
  record Tuple(List<Expr> items, int pos) implements Expr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /**
   * A keyword argument {@code name=value}.
   *
   * @param pos offset of the keyword's name
   */
  record Keyword(String name, Expr value, int pos) {}
}
