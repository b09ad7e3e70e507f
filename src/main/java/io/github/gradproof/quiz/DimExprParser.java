package io.github.gradproof.quiz;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parses a {@link DimExpr}: {@code expr := term (('+' | '-') term)*},
 * {@code term := factor (('*' | '//') factor)*}, {@code factor := integer | name | '(' expr ')'}.
 * Every error says where (an offset in the text) and what to write instead.
 */
public final class DimExprParser {

  /** Parsed texts: a shape is evaluated at every trial, its text parsed once. */
  private static final Map<String, DimExpr> PARSED = new ConcurrentHashMap<>();
  private static final int MEMO_LIMIT = 10_000;
  private static final String ALLOWED = "a size is written with dim names, whole numbers, + - * // and parentheses";

  /** What is wrong with a size expression, and where. */
  public static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    SyntaxError(int offset, String message) {
      super(message, null, false, false);
      this.offset = offset;
    }

    /** The offset in the text of what is wrong (0-based). */
    public int offset() {
      return offset;
    }
  }

  private final String text;
  private int pos;

  private DimExprParser(String text) {
    this.text = text;
  }

  static DimExpr parse(String text) {
    DimExpr known = PARSED.get(text);
    if (known != null) {
      return known;
    }
    DimExprParser p = new DimExprParser(text);
    p.skipSpace();
    if (p.pos == text.length()) {
      throw new SyntaxError(0, "an empty size; write a dim name, a whole number or an expression such as 2 * C");
    }
    DimExpr e = p.expr();
    if (p.pos < text.length()) {
      throw p.unexpected();
    }
    if (PARSED.size() < MEMO_LIMIT) {
      PARSED.put(text, e);
    }
    return e;
  }

  private DimExpr expr() {
    DimExpr left = term();
    while (peek('+') || peek('-')) {
      String op = String.valueOf(text.charAt(pos++));
      skipSpace();
      left = new DimExpr.Binary(op, left, term());
    }
    return left;
  }

  private DimExpr term() {
    DimExpr left = factor();
    while (peek('*') || peek('/')) {
      int at = pos;
      if (text.startsWith("**", pos)) {
        throw new SyntaxError(at, "'**' (a power) is not allowed in a size; " + ALLOWED + " (write N * N)");
      }
      if (text.startsWith("//", pos)) {
        pos += 2;
      } else if (peek('/')) {
        throw new SyntaxError(at, "'/' is true division, whose result is a float; sizes are whole numbers: write"
            + " '//' (floor division)");
      } else {
        pos++;
      }
      String op = text.substring(at, pos);
      skipSpace();
      left = new DimExpr.Binary(op, left, factor());
    }
    return left;
  }

  private DimExpr factor() {
    if (pos == text.length()) {
      throw new SyntaxError(pos, "the size ends after an operator; write the dim name or number it applies to");
    }
    char c = text.charAt(pos);
    int start = pos;
    DimExpr e;
    if (c == '(') {
      pos++;
      skipSpace();
      e = expr();
      if (!peek(')')) {
        throw pos == text.length() ? new SyntaxError(start, "this '(' is never closed; add ')'") : unexpected();
      }
      pos++;
    } else if (Character.isDigit(c)) {
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
      if (pos < text.length() && (text.charAt(pos) == '.' || Character.isLetter(text.charAt(pos)))) {
        throw new SyntaxError(start, "'" + word(start) + "' is not a whole number or a name; " + ALLOWED);
      }
      e = literal(start);
    } else if (Character.isLetter(c) || c == '_') {
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      e = new DimExpr.Name(text.substring(start, pos));
    } else if (c == '-' || c == '+') {
      throw new SyntaxError(pos, "a size may not start with a sign; write the expression without '" + c + "'"
          + " before a term (e.g. N - 1, not -1 + N)");
    } else {
      throw unexpected();
    }
    skipSpace();
    return e;
  }

  private DimExpr literal(int start) {
    try {
      return new DimExpr.Literal(Long.parseLong(text.substring(start, pos)));
    } catch (NumberFormatException e) {
      throw new SyntaxError(start, "'" + text.substring(start, pos) + "' is too large for a size");
    }
  }

  private SyntaxError unexpected() {
    char c = text.charAt(pos);
    if (c == ')') {
      return new SyntaxError(pos, "this ')' closes no '('; remove it");
    }
    if (Character.isLetterOrDigit(c) || c == '_' || c == '(') {
      return new SyntaxError(pos, "an operator is missing before '" + word(pos) + "'; " + ALLOWED);
    }
    return new SyntaxError(pos, "'" + c + "' is not allowed in a size; " + ALLOWED);
  }

  private String word(int start) {
    int end = start;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || "._".indexOf(text.charAt(end)) >= 0)) {
      end++;
    }
    return end == start ? text.substring(start, start + 1) : text.substring(start, end);
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private void skipSpace() {
    while (pos < text.length() && text.charAt(pos) == ' ') {
      pos++;
    }
  }
}
