package io.github.gradproof.claim;

/** Arithmetic operators, with the symbol as written. */
public enum BinaryOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"),
  /** Python's remainder, with the divisor's sign: on integers as Python's, on tensors as NumPy's remainder. */
  MOD("%"),
  MATMUL("@"), POW("**"),
  /** Elementwise logical and of masks (nonzero is true), as NumPy's {@code &} on boolean arrays. */
  AND("&"),
  /** Elementwise logical or of masks (nonzero is true), as NumPy's {@code |} on boolean arrays. */
  OR("|");

  private final String symbol;

  BinaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in a claim. */
  public String symbol() {
    return symbol;
  }
}
