package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser of one line, one method per grammar rule (precedence as Python's):
 *
 * <pre>
 * forward_line := NAME '=' expression
 * claim        := NAME '=' expression | disjunction COMPOP disjunction
 * expression   := disjunction (MASKOP disjunction)?    a comparison inside an expression: a mask
 * disjunction  := conjunction ('|' conjunction)*
 * conjunction  := additive ('&' additive)*
 * additive     := mul (('+' | '-') mul)*
 * mul          := unary (('*' | '/' | '//' | '@') unary)*
 * unary        := ('-' | '~') unary | power
 * power        := postfix ('**' unary)?
 * postfix      := primary ('[' subscripts ']' | '.' NAME arguments?)*
 * primary      := NUMBER | STRING | NAME arguments? | '(' tuple_or_group ')' | '[' items ']'
 * subscripts   := subscript (',' subscript)* ','?
 * subscript    := '...' | expression? ':' expression? (':' expression?)? | expression
 * arguments    := '(' (expression (',' expression)*)? (',' NAME '=' expression)* ','? ')'
 * </pre>
 *
 * COMPOP is one of {@code == != < > <= >= ~}; MASKOP the same without {@code ~}.
 */
final class Parser {

  /** The longest line accepted: a claim is one readable line, not a program. */
  static final int MAX_LENGTH = 1000;
  /** The deepest nesting of parentheses, brackets, unary minus and exponents accepted. */
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
    Expr left = p.disjunction();
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
    Expr right = p.disjunction();
    p.noChain("write one comparison per claim");
    p.expectEnd();
    return new Line.Comparison(CompareOp.of(op.type()), left, right, op.offset());
  }

  /**
   * Parses a standalone expression, such as the number a numeric question asks for; throws
   * {@link ClaimSyntaxException} on the first error.
   */
  static Expr standalone(String src) {
    Parser p = of(src);
    if (p.peek().type() == TokenType.NAME && p.peekAhead(1).type() == TokenType.ASSIGN) {
      throw new ClaimSyntaxException(p.peekAhead(1).offset(),
          "write only the expression whose value is asked for, without 'name ='");
    }
    Expr value = p.expression();
    p.expectEnd();
    return value;
  }

  /** A full expression: arithmetic, optionally compared once into a 0/1 mask. */
  private Expr expression() {
    Expr left = disjunction();
    Token op = peek();
    if (!op.type().isComparison()) {
      return left;
    }
    if (op.type() == TokenType.APPROX) {
      throw new ClaimSyntaxException(op.offset(),
          "'~' compares only at the top level of a claim; inside an expression use == != < > <= >=");
    }
    advance();
    Expr right = disjunction();
    noChain("combine masks with &, as in (a > 0) & (a < 1)");
    return new Expr.Compare(CompareOp.of(op.type()), left, right, op.offset());
  }

  private void noChain(String instead) {
    if (peek().type().isComparison()) {
      throw new ClaimSyntaxException(peek().offset(), "comparisons cannot be chained: " + instead);
    }
  }

  private Expr disjunction() {
    Expr left = conjunction();
    while (check(TokenType.PIPE)) {
      Token op = advance();
      left = new Expr.Binary(BinaryOp.OR, left, conjunction(), op.offset());
    }
    return left;
  }

  private Expr conjunction() {
    Expr left = additive();
    while (check(TokenType.AMP)) {
      Token op = advance();
      left = new Expr.Binary(BinaryOp.AND, left, additive(), op.offset());
    }
    return left;
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
    while (check(TokenType.STAR) || check(TokenType.SLASH) || check(TokenType.FLOOR_DIV) || check(TokenType.PERCENT)
        || check(TokenType.AT)) {
      Token op = advance();
      BinaryOp kind = switch (op.type()) {
        case STAR -> BinaryOp.MUL;
        case SLASH -> BinaryOp.DIV;
        case FLOOR_DIV -> BinaryOp.FLOORDIV;
        case PERCENT -> BinaryOp.MOD;
        default -> BinaryOp.MATMUL;
      };
      left = new Expr.Binary(kind, left, unary(), op.offset());
    }
    return left;
  }

  private Expr unary() {
    enter();
    try {
      if (check(TokenType.MINUS)) {
        Token minus = advance();
        return new Expr.Neg(unary(), minus.offset());
      }
      if (check(TokenType.APPROX)) {
        Token not = advance();
        return new Expr.Not(unary(), not.offset());
      }
      return power();
    } finally {
      depth--;
    }
  }

  /** Counts one level of nesting: every recursion of the grammar passes through {@link #unary}. */
  private void enter() {
    if (++depth > MAX_DEPTH) {
      throw new ClaimSyntaxException(peek().offset(), "this expression is nested more than " + MAX_DEPTH
          + " levels deep; simplify it or split it into forward lines");
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
    while (check(TokenType.DOT) || check(TokenType.LBRACKET)) {
      expr = check(TokenType.DOT) ? attribute(expr) : index(expr);
    }
    return expr;
  }

  /** The modules whose constants an author may write out of habit: {@code np.pi}, {@code math.inf}. */
  private static final Set<String> CONSTANT_MODULES = Set.of("np", "numpy", "torch", "math");

  /** {@code .T}, {@code .mT}, {@code .shape}, {@code .ndim} or a method call {@code .name(...)}. */
  private Expr attribute(Expr target) {
    advance();
    Token attr = peek();
    if (attr.type() != TokenType.NAME) {
      throw unexpected("an attribute or method name after '.'");
    }
    advance();
    Function f = Functions.method(attr.text());
    boolean attribute = f != null && f.isAttribute();
    if (check(TokenType.LPAREN)) {
      if (attribute) {
        throw new ClaimSyntaxException(attr.offset(), "'." + attr.text() + "' is an attribute, not a method: write x."
            + attr.text());
      }
      Arguments a = arguments();
      return new Expr.MethodCall(target, attr.text(), a.positional, a.keywords, attr.offset());
    }
    constantPrefix(target, attr);
    linalgPrefix(target, attr);
    if (attribute) {
      return new Expr.MethodCall(target, attr.text(), List.of(), List.of(), attr.offset()); // x.mT
    }
    return switch (attr.text()) {
      case "T" -> new Expr.Transpose(target, attr.offset());
      case "shape" -> new Expr.ShapeOf(target, attr.offset());
      case "ndim" -> new Expr.Ndim(target, attr.offset());
      default -> throw new ClaimSyntaxException(attr.offset(), "unknown attribute '." + attr.text()
          + "': the attributes are .T, .mT, .shape and .ndim" + (f != null
          ? "; call the method as ." + attr.text() + "(...)" : ""));
    };
  }

  /** {@code np.inf}, {@code math.pi}: one error at the prefix, saying to drop it. */
  private static void constantPrefix(Expr target, Token attr) {
    if (target instanceof Expr.Name module && Expr.Num.isConstant(attr.text())
        && CONSTANT_MODULES.contains(module.name())) {
      throw new ClaimSyntaxException(module.pos(), "write " + attr.text() + " without the '" + module.name()
          + ".' prefix: the language spells NumPy's and PyTorch's constants by their bare names");
    }
  }

  /**
   * {@code np.linalg.norm(x)}: one error at the prefix, saying to drop it, as the checker says of
   * {@code np.} and {@code torch.} (which, unlike {@code np.linalg.}, parse as method calls).
   */
  private void linalgPrefix(Expr target, Token attr) {
    if (!attr.text().equals("linalg") || !(target instanceof Expr.Name module)
        || !Set.of("np", "numpy", "torch").contains(module.name()) || !check(TokenType.DOT)) {
      return;
    }
    Token function = tokens.get(Math.min(current + 1, tokens.size() - 1));
    if (function.type() == TokenType.NAME && Functions.named(function.text()) != null) {
      throw new ClaimSyntaxException(module.pos(), "write " + function.text() + "(...) without the '" + module.name()
          + ".linalg.' prefix: the language spells NumPy's and PyTorch's functions by their bare names");
    }
  }

  private Expr index(Expr target) {
    Token open = advance();
    if (check(TokenType.RBRACKET)) {
      throw unexpected("an index");
    }
    List<Expr> items = new ArrayList<>();
    boolean comma = false;
    do {
      items.add(subscript());
      if (!advanceIf(TokenType.COMMA)) {
        break;
      }
      comma = true;
    } while (!check(TokenType.RBRACKET));
    closeBracket(open);
    if (items.size() == 1 && !comma && items.get(0) instanceof Expr.Tuple t && !t.items().isEmpty()) {
      // NumPy reads a tuple that is the whole index as the index itself: A[(1, 2)] is A[1, 2]
      // (inside a longer index, A[(1, 2), 0], it is an integer array, as is A[(1, 2),]).
      items = new ArrayList<>(t.items());
    }
    return new Expr.Index(target, items, open.offset());
  }

  private Expr subscript() {
    Token first = peek();
    if (check(TokenType.ELLIPSIS)) {
      advance();
      return new Expr.Ellipsis(first.offset());
    }
    Expr start = check(TokenType.COLON) ? null : expression();
    if (!check(TokenType.COLON)) {
      return start;
    }
    advance();
    Expr stop = sliceBound();
    Expr step = null;
    if (advanceIf(TokenType.COLON)) {
      step = sliceBound();
    }
    return new Expr.Slice(start, stop, step, first.offset());
  }

  /** The stop or step of a slice: absent before ':', ',' or ']'. */
  private Expr sliceBound() {
    return check(TokenType.COLON) || check(TokenType.COMMA) || check(TokenType.RBRACKET) ? null : expression();
  }

  private Expr primary() {
    Token t = peek();
    switch (t.type()) {
      case NUMBER:
        advance();
        return number(t);
      case STRING:
        advance();
        return new Expr.Str(t.text().substring(1, t.text().length() - 1), t.offset());
      case NAME:
        advance();
        if (check(TokenType.LPAREN)) {
          Arguments a = arguments();
          return new Expr.Call(t.text(), a.positional, a.keywords, t.offset());
        }
        return switch (t.text()) {
          case "True", "False" -> new Expr.Bool(t.text().equals("True"), t.offset());
          case "None" -> new Expr.NoneLiteral(t.offset());
          case Expr.Num.INF -> new Expr.Num(Expr.Num.INF, Double.POSITIVE_INFINITY, false, t.offset());
          case Expr.Num.PI -> new Expr.Num(Expr.Num.PI, Math.PI, false, t.offset());
          default -> new Expr.Name(t.text(), t.offset());
        };
      case LPAREN:
        return parenthesized();
      case LBRACKET:
        return list();
      case ELLIPSIS:
        throw new ClaimSyntaxException(t.offset(), "'...' stands only inside brackets, as in x[..., 0]");
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
    while (advanceIf(TokenType.COMMA) && !check(TokenType.RPAREN)) {
      items.add(expression());
    }
    close(open);
    return new Expr.Tuple(items, open.offset());
  }

  private Expr list() {
    Token open = advance();
    List<Expr> items = new ArrayList<>();
    while (!check(TokenType.RBRACKET)) {
      items.add(expression());
      if (!advanceIf(TokenType.COMMA)) {
        break;
      }
    }
    closeBracket(open);
    return new Expr.ListLiteral(items, open.offset());
  }

  /** Positional and keyword arguments of a call, from '(' to ')'. */
  private record Arguments(List<Expr> positional, List<Expr.Keyword> keywords) {}

  private Arguments arguments() {
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
      if (!advanceIf(TokenType.COMMA)) {
        break;
      }
    }
    close(open);
    return new Arguments(args, keywords);
  }

  /** A number token; its underscores (digit grouping, {@code 1_000}) are kept in the text as written. */
  private static Expr number(Token t) {
    String text = t.text();
    String digits = text.replace("_", "");
    boolean integer = digits.chars().allMatch(c -> c >= '0' && c <= '9');
    if (integer && digits.length() > 9) {
      throw new ClaimSyntaxException(t.offset(), "integer literal " + text + " is too large");
    }
    return new Expr.Num(text, Double.parseDouble(digits), integer, t.offset());
  }

  private void close(Token open) {
    if (!check(TokenType.RPAREN)) {
      throw unexpected("')' to close the '(' before it");
    }
    advance();
  }

  private void closeBracket(Token open) {
    if (!check(TokenType.RBRACKET)) {
      throw unexpected("']' to close the '[' before it");
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

  private boolean advanceIf(TokenType type) {
    if (check(type)) {
      advance();
      return true;
    }
    return false;
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
