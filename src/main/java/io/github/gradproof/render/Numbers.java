package io.github.gradproof.render;

import java.util.Locale;

/**
 * Number formatting for pages and mirrors. Always {@link Locale#ROOT}: numbers keep the decimal
 * point in every page language, as they appear in code.
 */
public final class Numbers {

  private Numbers() {}

  /** An error figure: {@code 0}, {@code 1.2e-16}, or an em dash when not applicable. */
  public static String error(double value) {
    if (Double.isNaN(value)) {
      return "—";
    }
    if (value == 0.0) {
      return "0";
    }
    return Formats.root("%.1e", value);
  }

  /** A fitted order or other moderate number with two decimals: {@code 1.98}. */
  public static String fixed2(double value) {
    return Formats.root("%.2f", value);
  }

  /** A coordinate in an SVG drawing, one decimal. */
  public static String coordinate(double value) {
    return Formats.root("%.1f", value);
  }
}
