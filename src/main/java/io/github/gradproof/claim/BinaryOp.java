package io.github.gradproof.claim;

/** Arithmetic operators, with the symbol as written. */
public enum BinaryOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MATMUL("@"), POW("**");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a claim. */
  public String symbol() {
    return symbol;
  }
}
