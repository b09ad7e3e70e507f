package io.github.gradproof.render;

import io.github.gradproof.verify.ConvergenceExperiment;
import java.util.List;
import java.util.Map;

/**
 * Draws the finite-difference experiment as an inline SVG log–log plot: error against step size
 * for forward and central differences, with axes, decade ticks and labels in the page language.
 * No script; styled by the site's CSS classes so it follows dark mode.
 */
public final class ConvergencePlot {

  // Drawn 400 units wide with 16-unit labels (the stylesheet's .plot-text) and shown at most 28rem
  // wide: on a phone the plot fills a column of about 330 px, where labels render at 13 px.
  private static final double WIDTH = 400;
  private static final double HEIGHT = 300;
  // Room for the widest tick label ("10⁻¹⁰") beside the rotated axis title, which sits wholly inside.
  private static final double LEFT = 68;
  // Half of the widest decade label ("10⁻¹⁰") past the last tick, so none is clipped at the edge.
  private static final double RIGHT = 26;
  private static final double TOP = 58;
  private static final double BOTTOM = 54;
  /** The labels' font size in drawing units, as in the stylesheet: tick labels are spaced by it. */
  private static final double FONT = 16;
  /** Errors below this are drawn at this value: exact zeros have no logarithm. */
  private static final double FLOOR = 1e-17;

  private ConvergencePlot() {}

  /**
   * Renders the plot.
   *
   * @param experiment the measured errors
   * @param idPrefix unique per page, used for the title and description ids
   * @param t the page language's UI strings
   */
  public static String svg(ConvergenceExperiment experiment, String idPrefix, Map<String, String> t) {
    Range x = Range.ofLog10(experiment.steps());
    Range y = Range.ofLog10(concat(experiment.forwardErrors(), experiment.centralErrors()));
    StringBuilder out = new StringBuilder();
    String titleId = idPrefix + "-plot-title";
    String descId = idPrefix + "-plot-desc";
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append((int) WIDTH).append(' ').append((int) HEIGHT)
        .append("\" role=\"img\" aria-labelledby=\"").append(titleId).append(' ').append(descId).append("\">\n");
    out.append("<title id=\"").append(titleId).append("\">").append(Html.escape(t.get("plot.title"))).append("</title>\n");
    out.append("<desc id=\"").append(descId).append("\">").append(Html.escape(description(experiment, t))).append("</desc>\n");
    drawGrid(out, x, y);
    drawSeries(out, experiment.steps(), experiment.forwardErrors(), x, y, "plot-forward");
    drawSeries(out, experiment.steps(), experiment.centralErrors(), x, y, "plot-central");
    drawAxisLabels(out, t);
    drawLegend(out, experiment, t);
    out.append("</svg>");
    return out.toString();
  }

  private static String description(ConvergenceExperiment e, Map<String, String> t) {
    return t.get("plot.forward") + ": " + t.get("plot.order") + " " + Numbers.fixed2(e.forwardOrder())
        + ", " + e.forwardEvaluations() + " " + t.get("plot.evals") + ". "
        + t.get("plot.central") + ": " + t.get("plot.order") + " " + Numbers.fixed2(e.centralOrder())
        + ", " + e.centralEvaluations() + " " + t.get("plot.evals") + ".";
  }

  private static void drawGrid(StringBuilder out, Range x, Range y) {
    double x0 = LEFT;
    double x1 = WIDTH - RIGHT;
    double y0 = HEIGHT - BOTTOM;
    double y1 = TOP;
    int xEvery = labelEvery(x, (x1 - x0), 3 * FONT);
    for (int decade = x.lowDecade(); decade <= x.highDecade(); decade++) {
      double px = px(x, decade);
      line(out, px, y0, px, y1, "plot-grid");
      line(out, px, y0, px, y0 + 5, "plot-tick");
      if ((decade - x.lowDecade()) % xEvery == 0) {
        decadeLabel(out, px, y0 + 21, "middle", decade);
      }
    }
    int yEvery = labelEvery(y, (y0 - y1), 1.4 * FONT);
    for (int decade = y.lowDecade(); decade <= y.highDecade(); decade++) {
      double py = py(y, decade);
      line(out, x0, py, x1, py, "plot-grid");
      line(out, x0 - 5, py, x0, py, "plot-tick");
      if ((y.highDecade() - decade) % yEvery == 0) {
        decadeLabel(out, x0 - 8, py + 5, "end", decade);
      }
    }
    line(out, x0, y0, x1, y0, "plot-axis");
    line(out, x0, y0, x0, y1, "plot-axis");
  }

  private static void drawSeries(
      StringBuilder out, List<Double> steps, List<Double> errors, Range x, Range y, String cssClass) {
    StringBuilder points = new StringBuilder();
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      double px = px(x, StrictMath.log10(steps.get(i)));
      double py = py(y, StrictMath.log10(Math.max(FLOOR, errors.get(i))));
      if (points.length() > 0) {
        points.append(' ');
      }
      points.append(Numbers.coordinate(px)).append(',').append(Numbers.coordinate(py));
      dots.append("<circle class=\"").append(cssClass).append("-point\" cx=\"").append(Numbers.coordinate(px))
          .append("\" cy=\"").append(Numbers.coordinate(py)).append("\" r=\"3\"/>\n");
    }
    out.append("<polyline class=\"").append(cssClass).append("\" stroke-width=\"2\" points=\"")
        .append(points).append("\"/>\n").append(dots);
  }

  private static void drawAxisLabels(StringBuilder out, Map<String, String> t) {
    double midX = (LEFT + WIDTH - RIGHT) / 2;
    text(out, midX, HEIGHT - 10, "middle", t.get("plot.step"));
    double midY = (TOP + HEIGHT - BOTTOM) / 2;
    out.append("<text class=\"plot-text\" text-anchor=\"middle\" transform=\"translate(18,")
        .append(Numbers.coordinate(midY)).append(") rotate(-90)\">")
        .append(Html.escape(t.get("plot.error"))).append("</text>\n");
  }

  private static void drawLegend(StringBuilder out, ConvergenceExperiment e, Map<String, String> t) {
    legendEntry(out, 8, 16, "plot-forward",
        t.get("plot.forward") + " (" + t.get("plot.order") + " " + Numbers.fixed2(e.forwardOrder()) + ")");
    legendEntry(out, 8, 38, "plot-central",
        t.get("plot.central") + " (" + t.get("plot.order") + " " + Numbers.fixed2(e.centralOrder()) + ")");
  }

  private static void legendEntry(StringBuilder out, double x, double y, String cssClass, String label) {
    line(out, x, y, x + 22, y, cssClass);
    out.append("<circle class=\"").append(cssClass).append("-point\" cx=\"").append(Numbers.coordinate(x + 11))
        .append("\" cy=\"").append(Numbers.coordinate(y)).append("\" r=\"3\"/>\n");
    text(out, x + 28, y + 5, "start", label);
  }

  /** A decade as {@code 10⁻⁴}, in superscript characters: one run of text at the labels' size. */
  private static void decadeLabel(StringBuilder out, double x, double y, String anchor, int decade) {
    text(out, x, y, anchor, "10" + superscript(decade));
  }

  private static String superscript(int n) {
    String digits = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";
    StringBuilder out = new StringBuilder(n < 0 ? "\u207b" : "");
    for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
      out.append(digits.charAt(c - '0'));
    }
    return out.toString();
  }

  /** Label every k-th decade so that labels are at least {@code gap} units apart. */
  private static int labelEvery(Range r, double length, double gap) {
    double perDecade = length / (r.highDecade() - r.lowDecade());
    return Math.max(1, (int) StrictMath.ceil(gap / perDecade));
  }

  private static void line(StringBuilder out, double x1, double y1, double x2, double y2, String cssClass) {
    out.append("<line class=\"").append(cssClass).append("\" x1=\"").append(Numbers.coordinate(x1))
        .append("\" y1=\"").append(Numbers.coordinate(y1)).append("\" x2=\"").append(Numbers.coordinate(x2))
        .append("\" y2=\"").append(Numbers.coordinate(y2)).append("\"/>\n");
  }

  private static void text(StringBuilder out, double x, double y, String anchor, String content) {
    out.append("<text class=\"plot-text\" text-anchor=\"").append(anchor).append("\" x=\"")
        .append(Numbers.coordinate(x)).append("\" y=\"").append(Numbers.coordinate(y)).append("\">")
        .append(Html.escape(content)).append("</text>\n");
  }

  private static double px(Range x, double log10) {
    return LEFT + (log10 - x.low()) / (x.high() - x.low()) * (WIDTH - RIGHT - LEFT);
  }

  private static double py(Range y, double log10) {
    return HEIGHT - BOTTOM - (log10 - y.low()) / (y.high() - y.low()) * (HEIGHT - BOTTOM - TOP);
  }

  private static List<Double> concat(List<Double> a, List<Double> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** A log10 range widened to whole decades. */
  private record Range(double low, double high) {
    static Range ofLog10(List<Double> values) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        double log = StrictMath.log10(Math.max(FLOOR, v));
        min = Math.min(min, log);
        max = Math.max(max, log);
      }
      double low = StrictMath.floor(min);
      double high = StrictMath.ceil(max);
      if (high <= low) {
        high = low + 1;
      }
      return new Range(low, high);
    }

    int lowDecade() {
      return (int) low;
    }

    int highDecade() {
      return (int) high;
    }
  }
}
