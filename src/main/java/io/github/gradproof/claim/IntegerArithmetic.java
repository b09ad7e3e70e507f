package io.github.gradproof.claim;

/**
 * The integer arithmetic of the language, in one place: on dims, integer literals and the integers
 * functions return, {@code + - * //} give integers, and {@code **} does when its exponent is an
 * integer literal (so {@code M ** 2} is an integer and {@code 2 ** -1} a float, as in Python);
 * {@code /} is true division, a float. The evaluator computes with it and the checker infers the
 * same result symbolically.
 */
final class IntegerArithmetic {

  private IntegerArithmetic() {}

  /**
   * The integer result of {@code x op y}.
   *
   * @param literalExponent whether the right operand is written as an integer literal
   * @return the result, or {@code null} when the operation gives a float ({@code /}, a negative or
   *     non-literal exponent) or is undefined (floor division by zero)
   */
  static Long apply(BinaryOp op, long x, long y, boolean literalExponent) {
    return switch (op) {
      case ADD -> x + y;
      case SUB -> x - y;
      case MUL -> x * y;
      case FLOORDIV -> y == 0 ? null : Math.floorDiv(x, y);
      case POW -> literalExponent && y >= 0 ? power(x, y) : null;
      default -> null;
    };
  }

  /** {@code -x}. */
  static long negate(long x) {
    return -x;
  }

  private static long power(long base, long exponent) {
    long p = 1;
    for (long k = 0; k < exponent; k++) {
      p *= base;
    }
    return p;
  }

  /**
   * The same operation on symbolic integers; {@code null} when its result is not an integer (see
   * {@link #apply}). Floor division by a value that may be zero is still an integer statically.
   */
  static Dim symbolic(BinaryOp op, Dim x, Dim y, boolean literalExponent) {
    return switch (op) {
      case ADD -> x.plus(y);
      case SUB -> x.minus(y);
      case MUL -> x.times(y);
      case FLOORDIV -> x.floorDiv(y);
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
