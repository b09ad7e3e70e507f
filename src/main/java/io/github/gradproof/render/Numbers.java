package io.github.gradproof.render;

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
      String s = Formats.root("%.4g", value);
      return s.indexOf('.') < 0 ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
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
