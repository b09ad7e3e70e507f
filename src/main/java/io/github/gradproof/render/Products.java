package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.Expr;

/**
 * Writes {@code *} and {@code @} as a textbook does, by what the operands are:
 *
 * <ul>
 *   <li>{@code *} with a scalar operand (a number, a dim, a rank-0 tensor) is a scalar product: a
 *       numeric coefficient is written before its factor ({@code 2x}, {@code 2(a − t)}, {@code ½ x}),
 *       any other scalar product with {@code ·} ({@code s·x}, {@code x·2}, {@code R·C});
 *   <li>{@code *} between two arrays is the elementwise (Hadamard) product {@code x ⊙ y};
 *   <li>{@code @} is the matrix product, its factors side by side with a space ({@code dC Bᵀ}).
 * </ul>
 *
 * Products of different kinds keep the parentheses that say which comes first ({@code (A B) ⊙ C}),
 * except that a scalar factor commutes with every product ({@code 2A B}); a big operator that would
 * run on into the next factor is closed by parentheses ({@code (∑_i x_i) y}); a negated right factor
 * is parenthesized ({@code 2(−x)}).
 */
final class Products {

  private Products() {}

  /** What a product is, for the parentheses between products of different kinds. */
  enum Kind {
    /** A scalar times anything. */
    SCALAR,
    /** Elementwise {@code ⊙}. */
    HADAMARD,
    /** {@code @}. */
    MATRIX,
    /** A function written as a product: {@code a · b}, {@code a ⊗ b}, {@code x ∗ w}. */
    NOTATION,
    /** Not a product. */
    NONE
  }

  /**
   * How a factor begins, which decides whether a coefficient can stand before it: a letter or a
   * bracket directly ({@code 2x}, {@code 2(a)}), a word after a space ({@code 2 softmax(z)},
   * {@code 2 ∑_i}), a digit, sign or fraction never ({@code 2·3}, {@code 2·½}).
   */
  enum Lead { LETTER, OPEN, WORD, DIGIT, SIGN, FRACTION }

  /** {@code x ** 0.5}, written {@code √x}. */
  static boolean isSquareRoot(Expr.Binary b) {
    return b.op() == BinaryOp.POW && b.right() instanceof Expr.Num n && !n.integer() && n.value() == 0.5;
  }

  static void write(MathMl m, Expr.Binary b) {
    Kind kind = kind(m, b);
    Expr left = b.left();
    Expr right = b.right();
    if (m.precedence(left) < MathMl.PRODUCT || mixes(kind(m, left), kind) || endsWithOperator(m, left)) {
      m.parenthesized(left);
    } else {
      m.expr(left, MathMl.PRODUCT);
    }
    boolean closed = m.precedence(right) < MathMl.UNARY || right instanceof Expr.Neg;
    switch (kind) {
      case MATRIX -> m.invisibleTimes(true);
      case HADAMARD -> m.mo("⊙");
      default -> scalar(m, left, closed ? Lead.OPEN : lead(m, right));
    }
    if (closed) {
      m.parenthesized(right);
    } else {
      m.expr(right, MathMl.UNARY);
    }
  }

  /** A coefficient stands before a factor that begins with a letter, bracket or word; else {@code ·}. */
  private static void scalar(MathMl m, Expr left, Lead right) {
    if (isCoefficient(m, left) && (right == Lead.LETTER || right == Lead.OPEN || right == Lead.WORD)) {
      m.invisibleTimes(right == Lead.WORD);
    } else {
      m.mo("·");
    }
  }

  /** A number (not in scientific notation, which would run into its factor), negated or not, or a scalar fraction. */
  private static boolean isCoefficient(MathMl m, Expr e) {
    if (e instanceof Expr.Neg n) {
      e = n.operand();
    }
    if (e instanceof Expr.Num n) {
      return n.text().chars().noneMatch(c -> c == 'e' || c == 'E');
    }
    return e instanceof Expr.Binary b && b.op() == BinaryOp.DIV && m.types().isScalar(b);
  }

  static Kind kind(MathMl m, Expr e) {
    if (e instanceof Expr.Binary b && b.op() == BinaryOp.MUL) {
      return m.types().isScalar(b.left()) || m.types().isScalar(b.right()) ? Kind.SCALAR : Kind.HADAMARD;
    } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.MATMUL) {
      return Kind.MATRIX;
    }
    return FunctionNotations.isInfix(e) ? Kind.NOTATION : Kind.NONE;
  }

  /** Whether a product of kind {@code left} needs parentheses as the left factor of one of kind {@code outer}. */
  static boolean mixes(Kind left, Kind outer) {
    if (left == Kind.NONE || left == outer && left != Kind.NOTATION) {
      return false;
    }
    if (left == Kind.NOTATION || outer == Kind.NOTATION) {
      return true; // a · b · c would read as a · (b · c)
    }
    return left != Kind.SCALAR && outer != Kind.SCALAR;
  }

  /** Whether {@code e} ends with a big operator that would take in a factor written after it. */
  private static boolean endsWithOperator(MathMl m, Expr e) {
    if (e instanceof Expr.Neg n) {
      return m.precedence(n.operand()) >= MathMl.UNARY && endsWithOperator(m, n.operand());
    } else if (e instanceof Expr.Binary b && (b.op() == BinaryOp.MUL || b.op() == BinaryOp.MATMUL)) {
      return m.precedence(b.right()) >= MathMl.UNARY && !(b.right() instanceof Expr.Neg) && endsWithOperator(m, b.right());
    }
    return FunctionNotations.extendsRight(m, e);
  }

  /** How {@code e} begins when written where it binds tightly enough to need no parentheses. */
  static Lead lead(MathMl m, Expr e) {
    if (m.isIverson(e)) {
      return Lead.OPEN;
    }
    if (e instanceof Expr.Num) {
      return Lead.DIGIT;
    } else if (e instanceof Expr.Name n) {
      return n.name().length() == 1 ? Lead.LETTER : Lead.WORD;
    } else if (e instanceof Expr.Neg || e instanceof Expr.Not) {
      return Lead.SIGN;
    } else if (e instanceof Expr.Binary b) {
      return binaryLead(m, b);
    } else if (e instanceof Expr.Transpose t) {
      return baseLead(m, t.target());
    } else if (e instanceof Expr.Index i) {
      return i.target() instanceof Expr.Name || FunctionNotations.call(i.target()).isPresent() ? lead(m, i.target()) : Lead.OPEN;
    } else if (e instanceof Expr.Call || e instanceof Expr.MethodCall) {
      return FunctionNotations.lead(m, e);
    } else if (e instanceof Expr.ShapeOf || e instanceof Expr.Ndim || e instanceof Expr.Bool || e instanceof Expr.NoneLiteral) {
      return Lead.WORD;
    }
    return Lead.OPEN;
  }

  private static Lead binaryLead(MathMl m, Expr.Binary b) {
    return switch (b.op()) {
      case DIV -> Lead.FRACTION;
      case POW -> isSquareRoot(b) ? Lead.OPEN : baseLead(m, b.left());
      case FLOORDIV, MOD, AND, OR -> Lead.OPEN;
      default -> m.precedence(b.left()) < m.precedence(b) ? Lead.OPEN : lead(m, b.left());
    };
  }

  /** The lead of the base of a superscript: itself when it is a token, else a parenthesis. */
  static Lead baseLead(MathMl m, Expr base) {
    return m.isAtom(base) ? lead(m, base) : Lead.OPEN;
  }
}
