package io.github.gradproof.render;

import io.github.gradproof.quiz.Choice;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.ChoiceResult;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the template model of one question in one language: plain maps and lists with text
 * already rendered, so templates only place things and never compute.
 */
final class QuestionView {

  private final MarkdownRenderer markdown;
  private final String language;
  private final Map<String, String> t;
  private final AnswerLabels labels;

  QuestionView(MarkdownRenderer markdown, String language, Map<String, String> t) {
    this.markdown = markdown;
    this.language = language;
    this.t = t;
    this.labels = new AnswerLabels(t);
  }

  Map<String, Object> build(QuestionResult result) {
    Question q = result.question();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", q.id());
    view.put("title", markdown.inline(q.title().in(language)));
    view.put("kind", q.kind().yamlName());
    view.put("kindLabel", t.get("question.kind." + q.kind().yamlName()));
    view.put("prompt", markdown.block(q.prompt().in(language)));
    view.put("choices", choices(result));
    view.put("keyLabel", labels.keyLabel(q));
    view.put("answerText", q.answer().text() == null ? null : markdown.block(q.answer().text().in(language)));
    view.put("explanation", q.explanation() == null ? null : markdown.block(q.explanation().in(language)));
    view.put("verification", verification(result));
    return view;
  }

  private List<Map<String, Object>> choices(QuestionResult result) {
    List<Map<String, Object>> choices = new ArrayList<>();
    List<Integer> key = result.question().answer().choices();
    for (Choice choice : result.question().choices()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("number", choice.number());
      view.put("html", choiceHtml(choice));
      boolean correct = key.contains(choice.number());
      view.put("correct", correct);
      view.put("reason", correct ? "" : whyWrong(result, choice.number()));
      choices.add(view);
    }
    return choices;
  }

  /** The self-check's reason for a wrong pick: the verifier's reason, or a pointer to the text. */
  private String whyWrong(QuestionResult result, int number) {
    return result.choices().stream()
        .filter(c -> c.number() == number)
        .flatMap(c -> c.claims().stream())
        .filter(c -> c.verdict() == Verdict.FALSE && c.reason() != null)
        .findFirst()
        .map(labels::reasonText)
        .orElse(t.get("selfcheck.unchecked"));
  }

  /** A choice's text, or its claims shown as code when it has no text. */
  String choiceHtml(Choice choice) {
    if (choice.text() != null) {
      return markdown.inline(choice.text().in(language));
    }
    List<String> codes = new ArrayList<>();
    for (SourceSpan claim : choice.claims()) {
      codes.add("<code>" + Html.escape(claim.source()) + "</code>");
    }
    return String.join(", ", codes);
  }

  private Map<String, Object> verification(QuestionResult result) {
    Question q = result.question();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("disabled", !q.verify());
    view.put("disabledReason", q.verifyReason() == null ? null : markdown.inline(q.verifyReason().in(language)));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ChoiceResult choice : result.choices()) {
      String label = t.get("answer.choice") + " " + choice.number();
      if (choice.claims().isEmpty()) {
        rows.add(notCheckableRow(label));
      }
      for (ClaimResult claim : choice.claims()) {
        rows.add(row(label, claim, choice.agreesWithKey()));
      }
    }
    for (ClaimResult claim : result.answerClaims()) {
      rows.add(row(t.get("verify.answer"), claim, claim.verdict() != Verdict.FALSE));
    }
    view.put("rows", rows);
    view.put("plot", result.experiment() == null ? null : ConvergencePlot.svg(result.experiment(), q.id(), t));
    view.put("plotCaption", result.experiment() == null ? null : t.get("plot.title"));
    return view;
  }

  private Map<String, Object> row(String label, ClaimResult claim, boolean agrees) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", label);
    row.put("code", claim.claim().source());
    row.put("mathMl", claim.mathMl());
    row.put("shape", claim.shape() == null ? "—" : claim.shape());
    row.put("error", Numbers.error(claim.error()));
    row.put("engineError", Numbers.error(claim.engineError()));
    row.put("trials", claim.trials());
    row.put("verdict", labels.verdictLabel(claim.verdict()));
    row.put("verdictClass", verdictClass(claim.verdict()));
    row.put("reason", claim.reason() == null ? null : labels.reasonText(claim));
    row.put("agrees", agrees ? t.get("key.yes") : t.get("key.no"));
    row.put("agreesClass", agrees ? "yes" : "no");
    return row;
  }

  private Map<String, Object> notCheckableRow(String label) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("label", label);
    row.put("code", null);
    row.put("mathMl", "");
    row.put("shape", "—");
    row.put("error", "—");
    row.put("engineError", "—");
    row.put("trials", "—");
    row.put("verdict", labels.verdictLabel(Verdict.NOT_CHECKABLE));
    row.put("verdictClass", verdictClass(Verdict.NOT_CHECKABLE));
    row.put("reason", null);
    row.put("agrees", "—");
    row.put("agreesClass", "na");
    return row;
  }

  static String verdictClass(Verdict verdict) {
    return verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
