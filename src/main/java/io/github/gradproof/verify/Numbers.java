package io.github.gradproof.verify;

import java.util.Locale;

/** Number formatting for reasons and messages: short, locale-independent, decimal point always. */
final class Numbers {

  private Numbers() {}

  /** Up to 4 significant digits without trailing zeros: {@code 1.003}, {@code 12}, {@code 2.5e-07}. */
  static String format(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(Locale.ROOT, "%.4g", v);
      if (s.indexOf('.') >= 0) {
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return s;
    }
    return String.format(Locale.ROOT, "%.1e", v);
  }

  /** An error figure: {@code 2.3e-09}. */
  static String error(double v) {
    return String.format(Locale.ROOT, "%.1e", v);
  }

  /** A NumPy index: {@code [1, 2]}, or empty for a scalar. */
  static String index(int[] shape, int flat) {
    if (shape.length == 0) {
      return "";
    }
    int[] idx = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      idx[d] = flat % shape[d];
      flat /= shape[d];
    }
    StringBuilder s = new StringBuilder("[");
    for (int d = 0; d < idx.length; d++) {
      if (d > 0) {
        s.append(", ");
      }
      s.append(idx[d]);
    }
    return s.append(']').toString();
  }
}
