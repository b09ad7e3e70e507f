package io.github.gradproof.claim;

/**
 * The integer arithmetic of the language, in one place: on dims, integer literals and the integers
 * functions return, {@code + - * // %} give integers ({@code //} and {@code %} floor, as Python's), and {@code **} does when its exponent is an
 * integer literal (so {@code M ** 2} is an integer and {@code 2 ** -1} a float, as in Python);
 * {@code /} is true division, a float. The evaluator computes with it and the checker infers the
 * same result symbolically. Results are exact: one that leaves the 64-bit range throws
 * {@link ArithmeticException} (Python's integers never wrap around, and neither do these).
 */
final class IntegerArithmetic {

  private IntegerArithmetic() {}

  /**
   * The integer result of {@code x op y}.
   *
   * @param literalExponent whether the right operand is written as an integer literal
   * @return the result, or {@code null} when the operation gives a float ({@code /}, a negative or
   *     non-literal exponent) or is undefined (floor division or remainder by zero)
   * @throws ArithmeticException when the result does not fit in 64 bits
   */
  static Long apply(BinaryOp op, long x, long y, boolean literalExponent) {
    return switch (op) {
      case ADD -> Math.addExact(x, y);
      case SUB -> Math.subtractExact(x, y);
      case MUL -> Math.multiplyExact(x, y);
      case FLOORDIV -> y == 0 ? null : y == -1 ? Math.negateExact(x) : Math.floorDiv(x, y);
      case MOD -> y == 0 ? null : Math.floorMod(x, y);
      case POW -> literalExponent && y >= 0 ? power(x, y) : null;
      default -> null;
    };
  }

  /** {@code -x}; @throws ArithmeticException for the one value whose negation does not fit */
  static long negate(long x) {
    return Math.negateExact(x);
  }

  /** The author's paragraph for {@code x op y} leaving the 64-bit range. */
  static String overflow(String operation) {
    return "integer overflow: " + operation + " does not fit in a 64-bit integer, and the language's integers "
        + "never wrap around (Python's are exact); use smaller dims, or a float literal (2.0 rather than 2) "
        + "to compute in floating point";
  }

  /** {@code base ** exponent} by repeated squaring, exactly. */
  private static long power(long base, long exponent) {
    long p = 1;
    long b = base;
    for (long e = exponent; e > 0; e >>= 1) {
      if ((e & 1) != 0) {
        p = Math.multiplyExact(p, b);
      }
      if (e > 1) {
        b = Math.multiplyExact(b, b);
      }
    }
    return p;
  }

  /**
   * The same operation on symbolic integers; {@code null} when its result is not an integer (see
   * {@link #apply}). Floor division and remainder by a value that may be zero are still integers statically.
   */
  static Dim symbolic(BinaryOp op, Dim x, Dim y, boolean literalExponent) {
    return switch (op) {
      case ADD -> x.plus(y);
      case SUB -> x.minus(y);
      case MUL -> x.times(y);
      case FLOORDIV -> x.floorDiv(y);
      case MOD -> x.mod(y);
      case POW -> literalExponent ? symbolicPower(x, y) : null;
      default -> null;
    };
  }

  private static Dim symbolicPower(Dim base, Dim exponent) {
    Long e = exponent.constant();
    if (e == null || e < 0) {
      return null;
    }
    if (e > 16) {
      return base.constant() != null ? Dim.of(power(base.constant(), e)) : Dim.unknown();
    }
    Dim p = Dim.of(1);
    for (long k = 0; k < e; k++) {
      p = p.times(base);
    }
    return p;
  }
}
