package io.github.gradproof.verify;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.NumericTolerance;
import io.github.gradproof.quiz.Question;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A number a reader could type without working a numeric question out, which the page would still
 * call right in every variant: 0, 1 or -1, one element of an input the page shows (the same element in
 * every variant) or its negation, or the largest or smallest number of a shown input, of one of its
 * rows or of one of its columns. Examples: Adam's update {@code w1 = w - 0.001 * ...} asked as {@code w1[0]} under
 * the default tolerance of 0.005 accepts {@code w[0]} itself, so the question does not test the
 * step it asks about; {@code logsumexp(z[0])} of a row whose largest number leads the others by 6
 * or more is within 0.005 of that number, so {@code max(z[0])} passes for the log-sum-exp.
 *
 * <p>Such a number is a problem only where it is not the answer: a gradient that is an input's
 * element ({@code dA[0, 1]} of {@code sum(A * B)} is {@code B[0, 1]}) is right to copy. So the
 * rule is: accepted in every variant, and not the answer in at least one (beyond the rounding
 * of the answer's computation, {@value #SAME}·max(1, |answer|)). A number accepted in only some
 * variants is not reported: with hundreds of shown numbers, one of them lies within a tolerance
 * of some variant's answer by coincidence, and "Another variant" tells such a reader apart. With
 * one variant, every coincidence would be reported, so the rule needs two or more.
 */
final class NumericShortcut {

  /** Closer than this (relative to max(1, |answer|)) a number is the answer itself. */
  static final double SAME = 1e-9;

  private NumericShortcut() {}

  /** The shortcut's authoring error, or {@code null} when no number is one. */
  static Diagnostic find(Question question, SourceSpan ask, List<Variant> variants) {
    if (variants.size() < 2) {
      return null;
    }
    NumericTolerance tolerance = question.numeric().tolerance();
    for (Candidate c : candidates(variants)) {
      if (c.shortcut(variants, tolerance)) {
        return problem(question, ask, c, variants);
      }
    }
    return null;
  }

  /** Whether the page counts {@code typed} as {@code answer}, by the rule the page applies. */
  static boolean accepts(NumericTolerance t, double typed, double answer) {
    double bound = Math.max(t.absolute(), t.relative() * Math.abs(answer)) + SAME * Math.max(1, Math.abs(answer));
    return Math.abs(typed - answer) <= bound;
  }

  /**
   * Whether {@code typed} is the answer as far as a reader can tell: within the rounding of the
   * answer's computation, or equal to it in the six significant digits the page writes answers with
   * (the gradient of {@code sqrt(x ** 2 + 1e-8)} at {@code x = -1} is -0.999999995, which the page
   * writes -1: typing the shown -1 is no shortcut).
   */
  static boolean same(double typed, double answer) {
    return Math.abs(typed - answer) <= Math.max(SAME * Math.max(1, Math.abs(answer)), halfLastDigit(answer));
  }

  /** Half a unit in the sixth significant digit of {@code v}: how far the page's text of it may be off. */
  static double halfLastDigit(double v) {
    return v == 0 || !Double.isFinite(v) ? 0 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(v))) - 5);
  }

  /**
   * The first variant whose answer, as the page writes it (six significant digits), the tolerance
   * refuses: a reader who types the shown answer would be told it is wrong. {@code null} when none.
   */
  static Diagnostic refusesShownAnswer(Question question, SourceSpan ask, List<Variant> variants) {
    NumericTolerance tolerance = question.numeric().tolerance();
    double worst = 0;
    Variant first = null;
    for (Variant v : variants) {
      double shown = shown(shownAnswer(v));
      if (!accepts(tolerance, shown, shownAnswer(v))) {
        first = first == null ? v : first;
        worst = Math.max(worst, Math.abs(shown - shownAnswer(v)));
      }
    }
    if (first == null) {
      return null;
    }
    String message = question.id() + ": the page writes the answer of variant " + first.number() + " as "
        + plain(shown(first.answer())) + " (six significant digits), which " + (tolerance.location() == null
            ? "the default tolerance" : "the tolerance " + written(tolerance)) + " refuses (the answer is "
        + first.answer() + "), so a reader who types the answer shown would be told it is wrong; give a tolerance"
        + " of at least " + plain(round(worst, 2)) + ", e.g. tolerance: {abs: " + above(worst) + "}";
    return tolerance.location() != null ? Diagnostic.at(tolerance.location(), message)
        : new Diagnostic(ask.location(), message, ask.sourceLine());
  }

  /**
   * The answer the page shows and its self-check compares with (render's {@code NumericView.answer}):
   * 0 when the computed answer is zero within its own rounding, else the computed answer.
   */
  static double shownAnswer(Variant v) {
    return v.answerWithinRounding() ? 0 : v.answer();
  }

  /** {@code v} as the page writes it, read back: whole numbers exactly, others to six significant digits. */
  static double shown(double v) {
    return v == Math.rint(v) ? v : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v));
  }

  /** A round number (1, 2 or 5 times a power of ten) at least {@code v}. */
  static String above(double v) {
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    double step = v <= power ? power : v <= 2 * power ? 2 * power : v <= 5 * power ? 5 * power : 10 * power;
    return plain(round(step, 1));
  }

  /**
   * 0, 1 and -1, then for every input each element (named as a claim indexes it), its negation, and
   * the input's extremes, with their values in each variant.
   */
  private static List<Candidate> candidates(List<Variant> variants) {
    List<Candidate> candidates = new ArrayList<>();
    candidates.add(new Candidate("0", false, new double[variants.size()]));
    candidates.add(new Candidate("1", false, constant(variants.size(), 1)));
    candidates.add(new Candidate("-1", false, constant(variants.size(), -1)));
    for (Map.Entry<String, NumberArray> in : variants.get(0).inputs().entrySet()) {
      double[][] byVariant = variants.stream().map(v -> v.inputs().get(in.getKey()).toArray()).toArray(double[][]::new);
      int[] shape = in.getValue().shape();
      for (int flat = 0; flat < byVariant[0].length; flat++) {
        double[] values = new double[variants.size()];
        for (int v = 0; v < values.length; v++) {
          values[v] = byVariant[v][flat];
        }
        candidates.add(new Candidate(in.getKey() + index(shape, flat), true, values));
        candidates.add(new Candidate("-" + in.getKey() + index(shape, flat), true, negated(values)));
      }
      Extremes.of(in.getKey(), shape, byVariant, candidates);
    }
    return candidates;
  }

  /**
   * The largest and smallest number of an input, and, for a matrix, of each of its rows and
   * columns: what a reader types for a log-sum-exp, a max-pool or a softmax's winning logit
   * without computing it.
   */
  private static final class Extremes {

    private Extremes() {}

    /** Adds the extremes of input {@code name} of {@code shape}, its flat values {@code byVariant[v]}. */
    static void of(String name, int[] shape, double[][] byVariant, List<Candidate> out) {
      int size = byVariant[0].length;
      if (size < 2) {
        return;
      }
      add("(" + name + ")", byVariant, flat -> true, out);
      if (shape.length != 2 || shape[0] < 2 || shape[1] < 2) {
        return; // a vector's extremes are the whole input's; a one-row matrix's rows are too
      }
      int rows = shape[0];
      int cols = shape[1];
      for (int r = 0; r < rows; r++) {
        int row = r;
        add("(" + name + "[" + r + "])", byVariant, flat -> flat / cols == row, out);
      }
      for (int c = 0; c < cols; c++) {
        int col = c;
        add("(" + name + "[:, " + c + "])", byVariant, flat -> flat % cols == col, out);
      }
    }

    private static void add(String of, double[][] byVariant, java.util.function.IntPredicate in,
        List<Candidate> out) {
      double[] max = new double[byVariant.length];
      double[] min = new double[byVariant.length];
      for (int v = 0; v < byVariant.length; v++) {
        max[v] = Double.NEGATIVE_INFINITY;
        min[v] = Double.POSITIVE_INFINITY;
        for (int flat = 0; flat < byVariant[v].length; flat++) {
          if (in.test(flat)) {
            max[v] = Math.max(max[v], byVariant[v][flat]);
            min[v] = Math.min(min[v], byVariant[v][flat]);
          }
        }
      }
      out.add(new Candidate("max" + of, true, max));
      out.add(new Candidate("min" + of, true, min));
    }
  }

  private static double[] constant(int n, double value) {
    double[] values = new double[n];
    java.util.Arrays.fill(values, value);
    return values;
  }

  private static double[] negated(double[] values) {
    double[] out = new double[values.length];
    for (int v = 0; v < values.length; v++) {
      out[v] = -values[v];
    }
    return out;
  }

  private static String index(int[] shape, int flat) {
    if (shape.length == 0) {
      return "";
    }
    String[] at = new String[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      at[axis] = Integer.toString(flat % shape[axis]);
      flat /= shape[axis];
    }
    return "[" + String.join(", ", at) + "]";
  }

  private static Diagnostic problem(Question question, SourceSpan ask, Candidate c, List<Variant> variants) {
    NumericTolerance tolerance = question.numeric().tolerance();
    int wrong = -1;
    double gap = Double.POSITIVE_INFINITY;
    for (int v = 0; v < variants.size(); v++) {
      double answer = shownAnswer(variants.get(v));
      if (!same(c.values[v], answer)) {
        wrong = wrong < 0 ? v : wrong;
        gap = Math.min(gap, Math.abs(c.values[v] - answer));
      }
    }
    gap = round(gap, 4); // 2.4 - 2.399 is 0.00099999999999989: the step the author wrote is 0.001
    Variant example = variants.get(wrong);
    // As many digits as it takes for the two to read apart:
    // "the answer is 7.00004 and max(z) is 7", not "is 7 and ... is 7".
    String[] apart = Reasons.numbers(shownAnswer(example), c.values[wrong]);
    String written = tolerance.location() == null ? "the default tolerance {abs: 0.005, rel: 0.001}"
        : "the tolerance " + written(tolerance);
    String message = question.id() + ": the page would call a reader right who types " + c.name
        + (c.shown ? ", a number the page shows," : "") + " in every variant, though it is not the answer (in variant "
        + example.number() + " the answer is " + apart[0] + (c.shown ? " and " + c.name + " is " + apart[1] : "")
        + "): " + written
        + " is wider than what the question asks to work out, which moves the answer by as little as "
        + plain(gap) + "; give a tolerance below that, e.g. tolerance: {abs: " + below(gap)
        + "}, or inputs that move the answer further from " + c.name;
    return tolerance.location() != null ? Diagnostic.at(tolerance.location(), message)
        : new Diagnostic(ask.location(), message, ask.sourceLine());
  }

  static String written(NumericTolerance t) {
    List<String> parts = new ArrayList<>();
    if (t.absolute() > 0 || t.relative() == 0) {
      parts.add("abs: " + Reasons.number(t.absolute()));
    }
    if (t.relative() > 0) {
      parts.add("rel: " + Reasons.number(t.relative()));
    }
    return "{" + String.join(", ", parts) + "}";
  }

  /** A round number (1, 2 or 5 times a power of ten) at most half of {@code gap}. */
  static String below(double gap) {
    double half = gap / 2;
    double power = Math.pow(10, Math.floor(Math.log10(half)));
    double step = half >= 5 * power ? 5 * power : half >= 2 * power ? 2 * power : power;
    return plain(round(step, 1));
  }

  static double round(double v, int digits) {
    return new BigDecimal(v).round(new MathContext(digits)).doubleValue();
  }

  /** A decimal as an author writes it in YAML: {@code 0.0005}, never {@code 5.0e-04}. */
  static String plain(double v) {
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /**
   * A number a reader could type: 0, or an element of a shown input.
   *
   * @param values its value in each variant
   */
  private record Candidate(String name, boolean shown, double[] values) {

    /** Accepted in every variant, and not the answer in one at least. */
    boolean shortcut(List<Variant> variants, NumericTolerance tolerance) {
      boolean wrongSomewhere = false;
      for (int v = 0; v < values.length; v++) {
        double answer = shownAnswer(variants.get(v));
        if (!accepts(tolerance, values[v], answer)) {
          return false;
        }
        wrongSomewhere |= !same(values[v], answer);
      }
      return wrongSomewhere;
    }
  }
}
