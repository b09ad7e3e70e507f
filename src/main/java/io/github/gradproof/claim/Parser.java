package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of one line, one method per grammar rule:
 *
 * <pre>
 * forward_line := NAME '=' expr
 * claim        := NAME '=' expr | expr COMPOP expr
 * additive     := mul (('+' | '-') mul)*
 * mul          := unary (('*' | '/' | '@') unary)*
 * unary        := '-' unary | power
 * power        := postfix ('**' unary)?
 * postfix      := primary ('.T' | '.shape')*
 * primary      := NUMBER | NAME | NAME '(' args ')' | '(' expr ')' | tuple
 * args         := (expr (',' expr)*)? (',' NAME '=' expr)*
 * </pre>
 */
final class Parser {

  /** The longest line accepted: a claim is one readable line, not a program. */
  static final int MAX_LENGTH = 1000;
  /** The deepest nesting of parentheses, unary minus and exponents accepted. */
  static final int MAX_DEPTH = 100;

  private final List<Token> tokens;
  private int current;
  private int depth;

  private Parser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** Tokenizes a line after checking its length, so no input can exhaust the parser's stack. */
  private static Parser of(String src) {
    if (src.length() > MAX_LENGTH) {
      throw new ClaimSyntaxException(MAX_LENGTH, "this line is longer than " + MAX_LENGTH
          + " characters; split the computation into forward lines");
    }
    return new Parser(Lexer.tokenize(src));
  }

  /** Parses {@code name = expr}; throws {@link ClaimSyntaxException} on the first error. */
  static Line.Definition forwardLine(String src) {
    Parser p = of(src);
    Token name = p.peek();
    if (name.type() != TokenType.NAME || p.peekAhead(1).type() != TokenType.ASSIGN) {
      throw new ClaimSyntaxException(name.offset(),
          "a forward line must define a name: write 'name = expression'");
    }
    p.advance();
    p.advance();
    Expr value = p.expression();
    p.expectEnd();
    return new Line.Definition(name.text(), name.offset(), value);
  }

  /** Parses a gradient or comparison claim; throws {@link ClaimSyntaxException} on the first error. */
  static Line claim(String src) {
    Parser p = of(src);
    Token first = p.peek();
    if (first.type() == TokenType.NAME && p.peekAhead(1).type() == TokenType.ASSIGN) {
      p.advance();
      p.advance();
      Expr value = p.expression();
      p.expectEnd();
      return new Line.GradientClaim(first.text(), first.offset(), value);
    }
    Expr left = p.expression();
    Token op = p.peek();
    if (op.type() == TokenType.ASSIGN) {
      throw new ClaimSyntaxException(op.offset(),
          "only a gradient name can stand left of '='; to compare, write '=='");
    }
    if (!op.type().isComparison()) {
      if (op.type() == TokenType.EOF) {
        throw new ClaimSyntaxException(0,
            "not a claim: write 'dX = expression' or compare with == != < > <= >= ~");
      }
      throw p.unexpected("an operator");
    }
    p.advance();
    Expr right = p.expression();
    if (p.peek().type().isComparison()) {
      throw new ClaimSyntaxException(p.peek().offset(),
          "comparisons cannot be chained: write one comparison per claim");
    }
    p.expectEnd();
    return new Line.Comparison(CompareOp.of(op.type()), left, right, op.offset());
  }

  private Expr expression() {
    return additive();
  }

  private Expr additive() {
    Expr left = mul();
    while (check(TokenType.PLUS) || check(TokenType.MINUS)) {
      Token op = advance();
      left = new Expr.Binary(op.type() == TokenType.PLUS ? BinaryOp.ADD : BinaryOp.SUB, left, mul(), op.offset());
    }
    return left;
  }

  private Expr mul() {
    Expr left = unary();
    while (check(TokenType.STAR) || check(TokenType.SLASH) || check(TokenType.AT)) {
      Token op = advance();
      BinaryOp kind = switch (op.type()) {
        case STAR -> BinaryOp.MUL;
        case SLASH -> BinaryOp.DIV;
        default -> BinaryOp.MATMUL;
      };
      left = new Expr.Binary(kind, left, unary(), op.offset());
    }
    return left;
  }

  private Expr unary() {
    if (++depth > MAX_DEPTH) {
      throw new ClaimSyntaxException(peek().offset(), "this expression is nested more than " + MAX_DEPTH
          + " levels deep; simplify it or split it into forward lines");
    }
    try {
      if (check(TokenType.MINUS)) {
        Token minus = advance();
        return new Expr.Neg(unary(), minus.offset());
      }
      return power();
    } finally {
      depth--;
    }
  }

  private Expr power() {
    Expr base = postfix();
    if (check(TokenType.POWER)) {
      Token op = advance();
      return new Expr.Binary(BinaryOp.POW, base, unary(), op.offset());
    }
    return base;
  }

  private Expr postfix() {
    Expr expr = primary();
    while (check(TokenType.DOT)) {
      Token dot = advance();
      Token attr = peek();
      if (attr.type() != TokenType.NAME) {
        throw unexpected("'T' or 'shape' after '.'");
      }
      advance();
      if (attr.text().equals("T")) {
        expr = new Expr.Transpose(expr, attr.offset());
      } else if (attr.text().equals("shape")) {
        expr = new Expr.ShapeOf(expr, attr.offset());
      } else if (check(TokenType.LPAREN)) {
        throw new ClaimSyntaxException(dot.offset(), "methods are not supported: write "
            + attr.text() + "(x, ...) instead of x." + attr.text() + "(...)");
      } else {
        throw new ClaimSyntaxException(attr.offset(),
            "unknown attribute '." + attr.text() + "': only .T and .shape exist");
      }
    }
    return expr;
  }

  private Expr primary() {
    Token t = peek();
    switch (t.type()) {
      case NUMBER:
        advance();
        return number(t);
      case NAME:
        advance();
        if (check(TokenType.LPAREN)) {
          return call(t);
        }
        if (t.text().equals("True") || t.text().equals("False")) {
          return new Expr.Bool(t.text().equals("True"), t.offset());
        }
        return new Expr.Name(t.text(), t.offset());
      case LPAREN:
        return parenthesized();
      default:
        throw unexpected("an expression");
    }
  }

  private Expr parenthesized() {
    Token open = advance();
    if (check(TokenType.RPAREN)) {
      advance();
      return new Expr.Tuple(List.of(), open.offset());
    }
    Expr first = expression();
    if (!check(TokenType.COMMA)) {
      close(open);
      return first;
    }
    List<Expr> items = new ArrayList<>();
    items.add(first);
    while (check(TokenType.COMMA)) {
      advance();
      if (check(TokenType.RPAREN)) {
        break;
      }
      items.add(expression());
    }
    close(open);
    return new Expr.Tuple(items, open.offset());
  }

  private Expr call(Token name) {
    Token open = advance();
    List<Expr> args = new ArrayList<>();
    List<Expr.Keyword> keywords = new ArrayList<>();
    while (!check(TokenType.RPAREN)) {
      if (check(TokenType.NAME) && peekAhead(1).type() == TokenType.ASSIGN) {
        Token key = advance();
        advance();
        keywords.add(new Expr.Keyword(key.text(), expression(), key.offset()));
      } else {
        Expr arg = expression();
        if (!keywords.isEmpty()) {
          throw new ClaimSyntaxException(arg.pos(), "positional argument after a keyword argument");
        }
        args.add(arg);
      }
      if (!check(TokenType.COMMA)) {
        break;
      }
      advance();
    }
    close(open);
    return new Expr.Call(name.text(), args, keywords, name.offset());
  }

  private static Expr number(Token t) {
    String text = t.text();
    boolean integer = text.chars().allMatch(c -> c >= '0' && c <= '9');
    if (integer && text.length() > 9) {
      throw new ClaimSyntaxException(t.offset(), "integer literal " + text + " is too large");
    }
    return new Expr.Num(text, Double.parseDouble(text), integer, t.offset());
  }

  private void close(Token open) {
    if (!check(TokenType.RPAREN)) {
      throw unexpected("')' to close the '(' before it");
    }
    advance();
  }

  private void expectEnd() {
    if (!check(TokenType.EOF)) {
      throw unexpected("end of line");
    }
  }

  private ClaimSyntaxException unexpected(String expected) {
    Token t = peek();
    return new ClaimSyntaxException(t.offset(), "expected " + expected + ", found " + t.describe());
  }

  private boolean check(TokenType type) {
    return peek().type() == type;
  }

  private Token peek() {
    return tokens.get(current);
  }

  private Token peekAhead(int n) {
    return tokens.get(Math.min(current + n, tokens.size() - 1));
  }

  private Token advance() {
    Token t = tokens.get(current);
    if (t.type() != TokenType.EOF) {
      current++;
    }
    return t;
  }
}
