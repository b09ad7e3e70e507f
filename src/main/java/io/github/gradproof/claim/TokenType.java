package io.github.gradproof.claim;

/** The kinds of token in a claim line. */
enum TokenType {
  NUMBER, NAME,
  PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), AT("@"), POWER("**"),
  LPAREN("("), RPAREN(")"), COMMA(","), DOT("."), ASSIGN("="),
  EQ("=="), NE("!="), LT("<"), GT(">"), LE("<="), GE(">="), APPROX("~"),
  EOF;

  private final String symbol;

  TokenType() {
    this(null);
  }

  TokenType(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written, or {@code null} for numbers, names and the end. */
  public String symbol() {
    return symbol;
  }

  /** Whether this token compares two values. */
  public boolean isComparison() {
    return this == EQ || this == NE || this == LT || this == GT || this == LE || this == GE || this == APPROX;
  }
}
