package io.github.gradproof.render;

import io.github.gradproof.quiz.Localized;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template model of one question's proof, in two depths: what a student reads in five
 * seconds (one summary line computed from the facts, and a table of choice, claim as math and
 * verdict with its reason) and, one click deeper, the technical figures (shapes, errors, trials,
 * agreement with the key, the sizes tried). Disclosures about what was not machine-checked are
 * {@code notes} under the summary line.
 */
final class ProofView {

  private final MarkdownRenderer markdown;
  private final String language;
  private final Map<String, String> t;
  private final AnswerLabels labels;

  ProofView(MarkdownRenderer markdown, String language, Map<String, String> t) {
    this.markdown = markdown;
    this.language = language;
    this.t = t;
    this.labels = new AnswerLabels(t);
  }

  Map<String, Object> build(QuestionResult result, VerificationTable table, ShapeSymbols symbols) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("disabled", table.disabled());
    view.put("caption", table.disabled() ? null : t.get("verify.caption"));
    view.put("partial", result.partiallyVerified() ? t.get("verify.partial") : null);
    Localized exact = result.question().setup() == null ? null : result.question().setup().exactDimsReason();
    view.put("exactDims", exact == null ? null : markdown.inline(exact.in(language)));
    view.put("disabledReason", table.disabledReason() == null ? null : markdown.inline(table.disabledReason().in(language)));
    Phrase summary = summary(result, table, t);
    view.put("summary", summary == null ? null : summary.html());
    view.put("notes", notes(table).stream().map(Phrase::html).toList());
    view.put("groups", groups(table, symbols));
    view.put("rows", table.rows().stream().map(this::technicalRow).toList());
    view.put("checked", !table.disabled());
    view.put("sizes", result.sizes().stream().filter(s -> !s.isEmpty()).map(AnswerLabels::sizes).toList());
    String id = result.question().id();
    view.put("plot", result.experiment() == null ? null : ConvergencePlot.svg(result.experiment(), id, t));
    view.put("plotCaption", result.experiment() == null ? null : t.get("plot.title"));
    view.put("variants", List.of()); // a numeric question's rows (NumericView)
    return view;
  }

  /**
   * What was checked, in one sentence: "5 claims checked on 3 random inputs of 1 size; autograd
   * agrees with finite differences to within 3.1e-10.", or "…on 20 random inputs of 2 sizes; on 6 of
   * them, autograd agrees…" when only some trials cross-checked the engine. {@code null} when
   * nothing was checked.
   */
  static Phrase summary(QuestionResult result, VerificationTable table, Map<String, String> t) {
    int claims = table.checkedClaims();
    if (table.disabled() || claims == 0) {
      return null;
    }
    double engine = result.engineError();
    Map<String, Phrase> values = Map.of(
        "claims", Plurals.count(t, "verify.claims", claims),
        "inputs", Plurals.count(t, "verify.inputs", result.trials()),
        "sizes", Plurals.count(t, "verify.sizes", Math.max(1, result.sizes().size())),
        "checked", Phrase.number(Integer.toString(result.engineTrials())),
        "engine", Phrase.number(Numbers.errorCell(engine)));
    String key = Double.isNaN(engine) ? "verify.summary.short"
        : result.engineTrials() < result.trials() ? "verify.summary.some" : "verify.summary";
    return Phrase.fill(t.get(key), values);
  }

  /** What the summary line does not cover: choices explained in text only. */
  private List<Phrase> notes(VerificationTable table) {
    int explained = table.explainedChoices().size();
    return explained == 0 || table.disabled() ? List.of() : List.of(Plurals.count(t, "verify.explained", explained));
  }

  /** The compact table: one group per choice (and the answer's claims), one row per claim. */
  private List<Map<String, Object>> groups(VerificationTable table, ShapeSymbols symbols) {
    List<VerificationTable.Group> groups = new ArrayList<>(table.choices());
    if (!table.answer().claims().isEmpty()) {
      groups.add(table.answer());
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (VerificationTable.Group group : groups) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("label", group.choice() == null ? t.get("verify.answer") : Integer.toString(group.choice()));
      view.put("keyed", group.keyed());
      view.put("rows", group.rows().stream().map(row -> compactRow(table, row, symbols)).toList());
      out.add(view);
    }
    return out;
  }

  private Map<String, Object> compactRow(VerificationTable table, VerificationTable.Row row, ShapeSymbols symbols) {
    Map<String, Object> view = new LinkedHashMap<>();
    ClaimResult claim = row.claim();
    view.put("mathMl", claim == null ? "" : claim.facts() != null ? MathMl.render(claim.facts()) : MathMl.render(claim.line()));
    view.put("code", claim == null ? null : claim.claim().source());
    view.put("verdict", labels.verdictLabel(table, row));
    view.put("verdictClass", VerificationTable.verdictName(row.verdict()));
    view.put("mark", row.verdict() == Verdict.HOLDS ? "✓" : row.verdict() == Verdict.FALSE ? "✗" : "·");
    Phrase reason = labels.reason(row.reason(), symbols);
    view.put("reason", reason == null ? null : reason.html());
    return view;
  }

  private Map<String, Object> technicalRow(VerificationTable.Row row) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("label", labels.rowLabel(row));
    view.put("code", row.claim() == null ? null : row.claim().claim().source());
    view.put("shape", labels.shape(row));
    view.put("error", row.error());
    view.put("engineError", labels.engineError(row));
    view.put("trials", row.trials());
    view.put("agrees", labels.agreement(row.agreement()));
    view.put("agreesClass", row.agreement().key());
    return view;
  }
}
