package io.github.gradproof.quiz;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An integer expression over dims, as a derived dim ({@code E: NH * DH}) or an axis of an input's
 * shape ({@code [B, 2 * C]}) is written: integer literals, dim names, {@code + - * //} (Python's
 * floor division) and parentheses. A plain name or literal is the simplest expression. Its text,
 * {@link #toString()}, is canonical (single spaces around operators, parentheses only where needed)
 * and parses back to an equal expression.
 */
public sealed interface DimExpr {

  /** A whole number. */
  record Literal(long value) implements DimExpr {
    @Override
    public String toString() {
      return Long.toString(value);
    }
  }

  /** A dim's name. */
  record Name(String name) implements DimExpr {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A binary operation.
   *
   * @param op one of {@code + - * //}
   */
  record Binary(String op, DimExpr left, DimExpr right) implements DimExpr {
    @Override
    public String toString() {
      int p = precedence(op);
      // left-associative: a right operand of the same precedence needs parentheses (a - (b - c))
      return wrap(left, p, false) + " " + op + " " + wrap(right, p, true);
    }

    private static String wrap(DimExpr e, int outer, boolean right) {
      boolean paren = e instanceof Binary b && (precedence(b.op) < outer || right && precedence(b.op) == outer);
      return paren ? "(" + e + ")" : e.toString();
    }
  }

  /** An expression cannot be evaluated: a division by zero or a value past a long. */
  final class Undefined extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undefined(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The expression of {@code text}.
   *
   * @throws DimExprParser.SyntaxError with the offset in {@code text} of what is wrong
   */
  static DimExpr parse(String text) {
    return DimExprParser.parse(text);
  }

  /**
   * The value under {@code sizes} (every name it reads must be there); {@code //} floors, as
   * Python's.
   *
   * @throws Undefined on a division by zero or past a long's range
   */
  default long evaluate(Map<String, ? extends Number> sizes) {
    if (this instanceof Literal l) {
      return l.value();
    }
    if (this instanceof Name n) {
      return sizes.get(n.name()).longValue();
    }
    Binary b = (Binary) this;
    long l = b.left().evaluate(sizes);
    long r = b.right().evaluate(sizes);
    try {
      return switch (b.op()) {
        case "+" -> Math.addExact(l, r);
        case "-" -> Math.subtractExact(l, r);
        case "*" -> Math.multiplyExact(l, r);
        default -> {
          if (r == 0) {
            throw new Undefined(b + " divides by zero");
          }
          yield Math.floorDiv(l, r);
        }
      };
    } catch (ArithmeticException e) {
      throw new Undefined(b + " is past the range of a whole number");
    }
  }

  /** The dim names read, in order of first appearance. */
  default Set<String> names() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  /** Whether this is a plain whole number. */
  default boolean isLiteral() {
    return this instanceof Literal;
  }

  private static void collect(DimExpr e, Set<String> out) {
    if (e instanceof Name n) {
      out.add(n.name());
    } else if (e instanceof Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    }
  }

  private static int precedence(String op) {
    return op.equals("+") || op.equals("-") ? 1 : 2;
  }
}
