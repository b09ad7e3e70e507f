package io.github.gradproof.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WCAG 2 contrast ratio of computed CSS colours, for checking text against its background in
 * both colour schemes.
 */
public final class Contrast {

  private static final Pattern RGB =
      Pattern.compile("rgba?\\(\\s*([\\d.]+)[,\\s]+([\\d.]+)[,\\s]+([\\d.]+)(?:\\s*[,/]\\s*([\\d.]+%?))?\\s*\\)");

  private Contrast() {}

  /** An sRGB colour with alpha, channels 0–255, alpha 0–1. */
  public record Rgba(double r, double g, double b, double a) {

    /** Parses a computed colour such as {@code rgb(27, 31, 36)} or {@code rgba(0, 0, 0, 0)}. */
    public static Rgba parse(String css) {
      Matcher m = RGB.matcher(css.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a computed rgb()/rgba() colour: " + css);
      }
      double alpha = 1;
      if (m.group(4) != null) {
        String a = m.group(4);
        alpha = a.endsWith("%") ? Double.parseDouble(a.substring(0, a.length() - 1)) / 100 : Double.parseDouble(a);
      }
      return new Rgba(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
          alpha);
    }

    /** This colour painted over an opaque one. */
    public Rgba over(Rgba below) {
      return new Rgba(r * a + below.r * (1 - a), g * a + below.g * (1 - a), b * a + below.b * (1 - a), 1);
    }

    /** WCAG relative luminance (alpha ignored). */
    public double luminance() {
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    private static double linear(double channel) {
      double c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : StrictMath.pow((c + 0.055) / 1.055, 2.4);
    }
  }

  /** The contrast ratio between two opaque colours, 1 to 21. */
  public static double ratio(Rgba a, Rgba b) {
    double la = a.luminance();
    double lb = b.luminance();
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /**
   * The opaque colour seen behind an element: its own background and its ancestors' painted
   * bottom-up over the canvas.
   *
   * @param backgrounds computed background colours from the element up to the root
   * @param canvas the colour behind everything
   */
  public static Rgba effectiveBackground(List<String> backgrounds, Rgba canvas) {
    Rgba result = canvas;
    for (int i = backgrounds.size() - 1; i >= 0; i--) {
      result = Rgba.parse(backgrounds.get(i)).over(result);
    }
    return result;
  }
}
