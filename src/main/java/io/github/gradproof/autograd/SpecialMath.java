package io.github.gradproof.autograd;

/**
 * Functions of one double that {@link StrictMath} lacks: the error function and the base-2
 * logarithm. Deterministic like the rest of the engine (StrictMath and fixed loops only).
 */
final class SpecialMath {

  private SpecialMath() {}

  /** {@code 2 / sqrt(pi)}. */
  static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
  /** {@code 1 / sqrt(pi)}. */
  private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
  /** The natural logarithm of 2. */
  static final double LN2 = 0.6931471805599453;
  /** Below it the power series, above it the continued fraction of erfc. */
  private static final double SERIES_LIMIT = 2;
  /** Terms of the continued fraction, enough for full precision from {@link #SERIES_LIMIT} on. */
  private static final int FRACTION_TERMS = 60;
  /** From here on {@code erfc(x) < 2^-54}, so {@code erf(x)} rounds to 1. */
  private static final double SATURATION = 6;

  /**
   * The error function {@code 2/sqrt(pi) ∫_0^x e^{-t²} dt}, within about 12 units in the last place:
   * for {@code |x| < 2} the series {@code 2/sqrt(pi) e^{-x²} Σ 2^n x^{2n+1} / (1·3·…·(2n+1))}, whose
   * terms are all positive, and above it {@code 1 - erfc(x)} with erfc from its continued fraction.
   */
  static double erf(double x) {
    double a = Math.abs(x);
    if (Double.isNaN(x) || a >= SATURATION) {
      return Double.isNaN(x) ? x : Math.copySign(1.0, x);
    }
    double value = a < SERIES_LIMIT ? TWO_OVER_SQRT_PI * gaussian(a) * series(a)
        : 1 - ONE_OVER_SQRT_PI * gaussian(a) / fraction(a);
    return Math.copySign(value, x);
  }

  /** {@code e^{-a²}}, with the rounding error of {@code a²} corrected to first order. */
  static double gaussian(double a) {
    double square = a * a;
    double error = Math.fma(a, a, -square);
    double e = StrictMath.exp(-square);
    return e - e * error;
  }

  /** {@code Σ 2^n a^{2n+1} / (1·3·…·(2n+1))}, until a term no longer changes the sum. */
  private static double series(double a) {
    double twice = 2 * a * a;
    double term = a;
    double sum = a;
    for (int n = 1; term > sum * 0x1p-56; n++) {
      term *= twice / (2 * n + 1);
      sum += term;
    }
    return sum;
  }

  /** {@code a + (1/2)/(a + 1/(a + (3/2)/(a + …)))}, evaluated from its last term back. */
  private static double fraction(double a) {
    double f = a;
    for (int k = FRACTION_TERMS; k >= 1; k--) {
      f = a + 0.5 * k / f;
    }
    return f;
  }

  /**
   * The base-2 logarithm: exact at powers of two (the exponent plus the logarithm of a mantissa in
   * [1, 2)); NaN below 0, -inf at 0 and +inf at +inf, as NumPy's log2.
   */
  static double log2(double x) {
    if (!(x > 0) || Double.isInfinite(x)) {
      return StrictMath.log(x) / LN2;
    }
    double scaled = x < Double.MIN_NORMAL ? x * 0x1p54 : x;
    int exponent = Math.getExponent(scaled);
    double mantissa = Math.scalb(scaled, -exponent);
    return (exponent - (x < Double.MIN_NORMAL ? 54 : 0)) + StrictMath.log(mantissa) / LN2;
  }
}
