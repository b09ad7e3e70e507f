package io.github.gradproof.render;

import io.github.gradproof.verify.Reasons;

/**
 * Every number, shape and index the generator writes, in one place. Always {@link
 * java.util.Locale#ROOT}: numbers keep the decimal point in every page language, as they appear in
 * code. One figure can have several formats on purpose, each named for where it is written: a
 * table cell shows an error that does not apply as an em dash, a reason states a measured
 * difference even when it is NaN, and {@code verification.json} keeps seven digits for machines.
 */
public final class Numbers {

  /** What a table cell shows for a figure that does not apply. */
  public static final String NOT_APPLICABLE = "—";

  private Numbers() {}

  /** An error figure in a table cell: {@code 0}, {@code 1.2e-16}, or {@link #NOT_APPLICABLE} for NaN. */
  public static String errorCell(double value) {
    if (Double.isNaN(value)) {
      return NOT_APPLICABLE;
    }
    if (value == 0.0) {
      return "0";
    }
    return Formats.root("%.1e", value);
  }

  /** A measured difference in a reason, two significant digits: {@code 1.5e+00}, {@code NaN}. */
  static String errorInReason(double value) {
    return Formats.root("%.1e", value);
  }

  /** A value in a reason: up to 4 significant digits without trailing zeros: {@code 1.003}, {@code 12}, {@code 2.5e-07}. */
  static String valueInReason(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    double a = Math.abs(value);
    if (a >= 1e-3 && a < 1e6) {
      return trimZeros(Formats.root("%.4g", value));
    }
    return Formats.root("%.1e", value);
  }

  /**
   * A number in {@code verification.json}: seven significant digits in scientific notation
   * ({@code 1.234568e-10}), identical on every JVM, {@code 0} for zero; {@code null} for NaN and
   * infinities, which JSON cannot write.
   */
  static String json(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return value == 0.0 ? "0" : Formats.root("%.6e", value);
  }

  /**
   * Two values a reason sets against each other, each as {@link #valueInReason} with as many more
   * digits as it takes for the texts to differ (up to 17 significant): {@code -0.26240} against
   * {@code -0.26237}, never {@code -0.2624} against {@code -0.2624}. The build's messages word the
   * same facts with the same digits ({@link Reasons#numbers}).
   */
  static String[] valuesInReason(double left, double right) {
    return Reasons.numbers(left, right);
  }

  /**
   * A computed value shown to a reader (a numeric question's answer, a placeholder of its
   * explanation): a whole number as such ({@code -9}, {@code 0}), otherwise six significant
   * digits without trailing zeros ({@code 2.96333}, {@code 0.125}), in scientific notation below
   * 10⁻⁴ and from 10⁶ ({@code 2.5e-07}).
   */
  public static String shown(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value); // -0.0 included: "0"
    }
    double a = Math.abs(value);
    if (a >= 1e-4 && a < 1e6) {
      return trimZeros(Formats.root("%.6g", value));
    }
    String s = Formats.root("%.5e", value);
    int e = s.indexOf('e');
    return trimZeros(s.substring(0, e)) + s.substring(e);
  }

  /**
   * A numeric question's answer in its proof table: as the page shows answers ({@link #shown},
   * {@code -0.281} for {@code -0.28099999999999997}), or, when the question's tolerance
   * ({@code |x − answer| ≤ max(absolute, relative·|answer|)}) is too tight for that text to count
   * as the answer, {@link #exact}, so the table never shows a number the self-check would refuse.
   */
  static String answerInTable(double value, double absolute, double relative) {
    String shown = shown(value);
    if (!Double.isFinite(value)
        || Math.abs(Double.parseDouble(shown) - value) <= Math.max(absolute, relative * Math.abs(value))) {
      return shown;
    }
    return exact(value);
  }

  private static String trimZeros(String decimal) {
    return decimal.indexOf('.') < 0 ? decimal : decimal.replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  /**
   * An input value a reader works with: one decimal place for a {@code small_decimal} input
   * ({@code 1.3}, {@code -2.0}), a whole number otherwise ({@code -3}); each is exactly the text
   * whose nearest double the value is.
   */
  public static String input(double value, boolean oneDecimal) {
    return oneDecimal ? Formats.root("%.1f", value) : Long.toString((long) value);
  }

  /**
   * A value machines recompute and compare ({@code verification.json}, the page's data): the
   * fewest significant digits that read back as exactly this double ({@code 0.1}, {@code -9},
   * {@code 2.9633333333333334}), found by exact decimal arithmetic, so the text is the same on
   * every JVM; {@code null} for NaN and infinities, which JSON cannot write.
   */
  public static String exact(double value) {
    if (!Double.isFinite(value)) {
      return null;
    }
    if (value == 0) {
      return "0";
    }
    java.math.BigDecimal exact = new java.math.BigDecimal(value);
    for (int digits = 1; digits <= 17; digits++) {
      java.math.BigDecimal d = exact.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
      if (d.doubleValue() == value) {
        d = d.stripTrailingZeros();
        double a = Math.abs(value);
        return a >= 1e-6 && a < 1e15 ? d.toPlainString() : d.toString().replace("E", "e");
      }
    }
    throw new AssertionError("17 significant digits always identify a double");
  }

  /** A fitted order or other moderate number with two decimals: {@code 1.98}. */
  public static String fixed2(double value) {
    return Formats.root("%.2f", value);
  }

  /** A coordinate in an SVG drawing, one decimal. */
  public static String coordinate(double value) {
    return Formats.root("%.1f", value);
  }

  /** A shape in NumPy's tuple notation: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
  public static String shape(int[] shape) {
    if (shape.length == 1) {
      return "(" + shape[0] + ",)";
    }
    StringBuilder s = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      s.append(i == 0 ? "" : ", ").append(shape[i]);
    }
    return s.append(')').toString();
  }

  /** An element's index in NumPy notation, {@code [1, 2]}; empty for the element of a scalar. */
  static String index(int[] index) {
    if (index.length == 0) {
      return "";
    }
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < index.length; i++) {
      s.append(i == 0 ? "" : ", ").append(index[i]);
    }
    return s.append(']').toString();
  }
}
