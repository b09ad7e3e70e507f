package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * An expression of the claim language. Every node records {@code pos}, the 0-based offset in its
 * line of the character that errors about the node point at.
 */
public sealed interface Expr
    permits Expr.Num, Expr.Name, Expr.Bool, Expr.NoneLiteral, Expr.Str, Expr.Neg, Expr.Not, Expr.Binary,
        Expr.Compare, Expr.Transpose, Expr.ShapeOf, Expr.Ndim, Expr.Call, Expr.MethodCall,
        Expr.Tuple, Expr.ListLiteral, Expr.Index, Expr.Slice, Expr.Ellipsis {

  /** 0-based offset of the node in its line. */
  int pos();

  /**
   * A number literal, or a named constant ({@code inf}, {@code pi}), which the parser reads as the
   * number it stands for, written as its name.
   *
   * @param text as written
   * @param value its value
   * @param integer whether written without a decimal point or exponent (then it is an integer)
   */
  record Num(String text, double value, boolean integer, int pos) implements Expr {

    /**
     * The constant infinity, NumPy's and PyTorch's {@code inf} ({@code -inf} is its negation): a value
     * ({@code masked_fill(s, mask, -inf)}) or a norm's order ({@code norm(x, inf)}).
     */
    public static final String INF = "inf";
    /** The constant π, NumPy's and PyTorch's {@code pi}. */
    public static final String PI = "pi";

    /** Whether {@code name} is one of the language's named constants, {@link #INF} and {@link #PI}. */
    public static boolean isConstant(String name) {
      return name.equals(INF) || name.equals(PI);
    }
  }

  /** A dim, input, forward or gradient name, or a method keyword of {@code fd_order}. */
  record Name(String name, int pos) implements Expr {}

  /** {@code True} or {@code False}, for keyword arguments such as {@code keepdims=}. */
  record Bool(boolean value, int pos) implements Expr {}

  /** {@code None}: an omitted argument ({@code axis=None}), or a new axis inside brackets. */
  record NoneLiteral(int pos) implements Expr {}

  /**
   * A string literal such as {@code 'ij,jk->ik'} (einsum subscripts, option values).
   *
   * @param value the characters between the quotes
   * @param pos offset of the opening quote
   */
  record Str(String value, int pos) implements Expr {}

  /** Unary minus. */
  record Neg(Expr operand, int pos) implements Expr {}

  /** {@code ~mask}: elementwise logical not (zero becomes 1, nonzero 0), as NumPy's {@code ~} on booleans. */
  record Not(Expr operand, int pos) implements Expr {}

  /** A binary arithmetic or mask operation; {@code pos} is the operator's offset. */
  record Binary(BinaryOp op, Expr left, Expr right, int pos) implements Expr {}

  /**
   * A comparison inside an expression, such as {@code (a > 0)}: a 0/1 float mask, elementwise
   * with broadcasting. Never {@link CompareOp#APPROX}; {@code pos} is the operator's offset.
   */
  record Compare(CompareOp op, Expr left, Expr right, int pos) implements Expr {}

  /** {@code x.T}: reverses the axes; {@code pos} is the offset of {@code T}. */
  record Transpose(Expr target, int pos) implements Expr {}

  /** {@code x.shape}: the shape tuple; {@code pos} is the offset of {@code shape}. */
  record ShapeOf(Expr target, int pos) implements Expr {}

  /** {@code x.ndim}: the number of axes, an integer; {@code pos} is the offset of {@code ndim}. */
  record Ndim(Expr target, int pos) implements Expr {}

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

  /**
   * A method call such as {@code x.sum(axis=0)}: NumPy's array method, the function of the same
   * name with {@code target} as its first argument.
   *
   * @param target the array the method is called on
   * @param method the method's name
   * @param args positional arguments after the target
   * @param keywords keyword arguments, in order written
   * @param pos offset of the method name
   */
  record MethodCall(Expr target, String method, List<Expr> args, List<Keyword> keywords, int pos)
      implements Expr {
    public MethodCall {
      args = List.copyOf(args);
      keywords = List.copyOf(keywords);
    }

    /** The same call as a function call: the target becomes the first positional argument. */
    public Call asCall(List<Expr> packedArgs) {
      return asCall(method, packedArgs);
    }

    /** The same call as a call of {@code function}, the target its first positional argument. */
    public Call asCall(String function, List<Expr> packedArgs) {
      List<Expr> all = new ArrayList<>(packedArgs.size() + 1);
      all.add(target);
      all.addAll(packedArgs);
      return new Call(function, all, keywords, pos);
    }
  }

  /**
   * A tuple literal such as {@code ()}, {@code (3,)}, {@code (R, C)} or {@code (a, b)};
   * {@code pos} is the '('.
   */
  record Tuple(List<Expr> items, int pos) implements Expr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** A list literal such as {@code [a, b]} or {@code [0, 2, 2]}; {@code pos} is the '['. */
  record ListLiteral(List<Expr> items, int pos) implements Expr {
    public ListLiteral {
      items = List.copyOf(items);
    }
  }

  /**
   * NumPy indexing {@code target[items]}: each item is an integer, a {@link Slice}, an
   * {@link Ellipsis}, {@code None} (a new axis), or an integer array; {@code pos} is the '['.
   */
  record Index(Expr target, List<Expr> items, int pos) implements Expr {
    public Index {
      items = List.copyOf(items);
    }
  }

  /**
   * A slice {@code start:stop:step} inside brackets; omitted parts are {@code null}.
   *
   * @param pos offset of its first character
   */
  record Slice(Expr start, Expr stop, Expr step, int pos) implements Expr {}

  /** {@code ...} inside brackets: as many full slices as the other items leave axes. */
  record Ellipsis(int pos) implements Expr {}

  /**
   * A keyword argument {@code name=value}.
   *
   * @param pos offset of the keyword's name
   */
  record Keyword(String name, Expr value, int pos) {}
}
