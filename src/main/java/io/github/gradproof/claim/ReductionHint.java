package io.github.gradproof.claim;

import java.util.List;

/**
 * The hint for {@code max(x, 0)} written to mean the elementwise maximum: NumPy's {@code max} is a
 * reduction and reads a second positional argument as the axis ({@code np.max(x, 0)} is the maximum
 * over axis 0), so an author who meant a ReLU gets a different value or an error. The language keeps
 * NumPy's reading (the value is legal NumPy, and a quiz may offer it as a wrong choice on purpose);
 * where such a call is an authoring error anyway, the error names the elementwise functions.
 */
final class ReductionHint {

  private ReductionHint() {}

  /**
   * The sentence to append to an error about a call of {@code function} with these positional
   * arguments (the operand first), or the empty string when the call is not {@code max}/{@code min}
   * with a number literal second.
   */
  static String of(String function, List<Expr> args) {
    boolean max = function.equals("max");
    if (!(max || function.equals("min")) || args.size() < 2 || literal(args.get(1)) == null) {
      return "";
    }
    String n = literal(args.get(1));
    return max
        ? "; max(x, " + n + ") reduces over an axis, as NumPy's: for the elementwise maximum write maximum(x, " + n
            + ")" + (isZero(n) ? ", or relu(x)" : "")
        : "; min(x, " + n + ") reduces over an axis, as NumPy's: for the elementwise minimum write minimum(x, " + n
            + ")" + (isZero(n) ? ", or -relu(-x)" : "");
  }

  /** The literal as written ({@code 0}, {@code 0.0}, {@code -1}), or null if the expression is none. */
  private static String literal(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.text();
    }
    return e instanceof Expr.Neg g && g.operand() instanceof Expr.Num n ? "-" + n.text() : null;
  }

  private static boolean isZero(String n) {
    return Double.parseDouble(n) == 0;
  }
}
