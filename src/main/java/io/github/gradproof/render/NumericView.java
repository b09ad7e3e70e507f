package io.github.gradproof.render;

import io.github.gradproof.quiz.NumericSpec;
import io.github.gradproof.quiz.NumericTolerance;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.NumericResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template model of a numeric question in one language: every variant with its inputs as
 * MathML, its answer (exact, for the self-check, and as shown; 0 for an answer that is zero within
 * its own rounding) and its explanation filled with its values; the words of the number field; and
 * the proof of the answers in the shape
 * {@code partials/verification.peb} reads.
 */
final class NumericView {

  private final MarkdownRenderer markdown;
  private final String language;
  private final Map<String, String> t;

  NumericView(MarkdownRenderer markdown, String language, Map<String, String> t) {
    this.markdown = markdown;
    this.language = language;
    this.t = t;
  }

  /** The {@code numeric} field of a question's model. */
  Map<String, Object> build(QuestionResult result) {
    Question q = result.question();
    NumericSpec spec = q.numeric();
    List<Map<String, Object>> variants = new ArrayList<>();
    for (Variant v : result.numeric().variants()) {
      variants.add(variant(q, v, result.numeric().variants().size()));
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("ask", spec.ask().source());
    view.put("count", variants.size());
    view.put("abs", Numbers.exact(spec.tolerance().absolute()));
    view.put("rel", Numbers.exact(spec.tolerance().relative()));
    view.put("field", Phrase.fill(t.get("numeric.field"), Map.of("ask", Phrase.code(spec.ask().source()))).html());
    view.put("tolerance", tolerance(spec.tolerance()).html());
    view.put("first", variants.get(0));
    view.put("variants", variants);
    return view;
  }

  private Map<String, Object> variant(Question q, Variant v, int count) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("number", v.number());
    view.put("label", label(t, v.number(), count));
    view.put("inputs", VariantMathMl.inputs(q.setup().inputs(), v.inputs()));
    view.put("answer", Numbers.exact(answer(v)));
    view.put("answerText", Numbers.shown(answer(v)));
    view.put("explanation", q.explanation() == null ? null
        : new PlaceholderFill(q.explanation().in(language), values(v)).html(markdown));
    return view;
  }

  /**
   * The answer the page shows and the self-check compares with: 0 when the computed answer is zero
   * within its own rounding ({@link Variant#answerWithinRounding}: {@code sum(p) - 1} of a softmax,
   * computed as 5.55e-17), else the computed answer. {@code verification.json} keeps the computed one.
   */
  static double answer(Variant v) {
    return v.answerWithinRounding() ? 0 : v.answer();
  }

  /** The placeholder values the page shows: each as {@link #answer}, 0 when zero within its own rounding. */
  static Map<String, Double> values(Variant v) {
    Map<String, Double> shown = new LinkedHashMap<>();
    v.values().forEach((expression, value) -> shown.put(expression, v.valueWithinRounding(expression) ? 0 : value));
    return shown;
  }

  /** "Variant 2 of 8". */
  static String label(Map<String, String> t, int number, int count) {
    return Phrase.fill(t.get("numeric.variant"), Map.of("n", Phrase.number(Integer.toString(number)),
        "count", Phrase.number(Integer.toString(count)))).plain();
  }

  /** What counts as right, in words: "A number within 0.005 or 0.1 % of the answer ... counts as right." */
  Phrase tolerance(NumericTolerance tolerance) {
    Phrase abs = Phrase.number(Numbers.shown(tolerance.absolute()));
    Phrase rel = Phrase.number(Numbers.shown(tolerance.relative() * 100));
    String key = tolerance.absolute() > 0 && tolerance.relative() > 0 ? "numeric.tolerance.both"
        : tolerance.absolute() > 0 ? "numeric.tolerance.abs"
        : tolerance.relative() > 0 ? "numeric.tolerance.rel" : "numeric.tolerance.exact";
    return Phrase.fill(t.get(key), Map.of("abs", abs, "rel", rel));
  }

  /** The {@code verification} field of a numeric question's model: the summary and one row per variant. */
  Map<String, Object> verification(QuestionResult result) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("disabled", false);
    view.put("disabledReason", null);
    view.put("caption", null);
    view.put("partial", null);
    view.put("exactDims", null);
    view.put("summary", summary(result, t).html());
    Phrase redrawn = redrawn(result.numeric(), t);
    view.put("notes", redrawn == null ? List.of() : List.of(redrawn.html()));
    view.put("groups", List.of());
    view.put("rows", List.of());
    view.put("sizes", result.sizes().stream().filter(s -> !s.isEmpty()).map(AnswerLabels::sizes).toList());
    view.put("plot", null);
    view.put("plotCaption", null);
    List<Map<String, Object>> rows = new ArrayList<>();
    NumericTolerance tolerance = result.question().numeric().tolerance();
    for (Variant v : result.numeric().variants()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", Integer.toString(v.number()));
      row.put("answer", Numbers.answerInTable(answer(v), tolerance.absolute(), tolerance.relative()));
      row.put("engineError", Numbers.errorCell(v.engineError()));
      row.put("draws", v.draws());
      rows.add(row);
    }
    view.put("variants", rows);
    return view;
  }

  /**
   * "8 variants computed by the engine; autograd agrees with finite differences to within
   * 3.1e-10." (the second half only when the answers read gradients).
   */
  static Phrase summary(QuestionResult result, Map<String, String> t) {
    double engine = result.engineError();
    Map<String, Phrase> values = Map.of(
        "variants", Plurals.count(t, "verify.variants", result.numeric().variants().size()),
        "engine", Phrase.number(Numbers.errorCell(engine)));
    return Phrase.fill(t.get(Double.isNaN(engine) ? "verify.numeric.summary.short" : "verify.numeric.summary"),
        values);
  }

  /** "2 draws were replaced: ...", or {@code null} when every variant took its first draw. */
  static Phrase redrawn(NumericResult numeric, Map<String, String> t) {
    int n = numeric.redraws();
    return n == 0 ? null : Plurals.count(t, "verify.numeric.redrawn", n);
  }
}
