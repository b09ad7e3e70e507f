package io.github.gradproof.claim;

/** The kinds of token in a claim line. */
enum TokenType {
  NUMBER, NAME, STRING,
  PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), FLOOR_DIV("//"), PERCENT("%"), AT("@"), POWER("**"), AMP("&"), PIPE("|"),
  LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"), COMMA(","), COLON(":"), DOT("."),
  ELLIPSIS("..."), ASSIGN("="),
  EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="), APPROX("~"),
  EOF;

  private final String symbol;

  TokenType() {
    this(null);
  }

  TokenType(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written, or {@code null} for numbers, names, strings and the end. */
  public String symbol() {
    return symbol;
  }

  /** Whether this token compares two values. */
  public boolean isComparison() {
    return this == EQ || this == NE || this == LT || this == GT || this == LE || this == GE || this == APPROX;
  }
}
