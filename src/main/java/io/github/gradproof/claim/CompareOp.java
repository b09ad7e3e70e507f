package io.github.gradproof.claim;

/** Comparison operators of comparison claims. */
public enum CompareOp {
  EQ("==", "≠"), NE("!=", "="), LT("<", "≮"), GT(">", "≯"), LE("<=", "≰"), GE(">=", "≱"),
  /** Approximately: {@code |a - b| <= 0.05 * max(1, |b|)} elementwise. */
  APPROX("~", "≉");

  private final String symbol;
  private final String negation;

  CompareOp(String symbol, String negation) {
    this.symbol = symbol;
    this.negation = negation;
  }

  /** The operator as written in a claim. */
  public String symbol() {
    return symbol;
  }

  /** The mathematical symbol for "does not hold", e.g. {@code ≮} for {@code <}. */
  public String negation() {
    return negation;
  }

  static CompareOp of(TokenType type) {
    return switch (type) {
      case EQ -> EQ;
      case NE -> NE;
      case LT -> LT;
      case GT -> GT;
      case LE -> LE;
      case GE -> GE;
      case APPROX -> APPROX;
      default -> throw new IllegalArgumentException("not a comparison: " + type);
    };
  }
}
