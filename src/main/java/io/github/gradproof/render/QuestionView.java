package io.github.gradproof.render;

import io.github.gradproof.quiz.Choice;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.QuestionResult;
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
    VerificationTable table = VerificationTable.of(result);
    ShapeSymbols symbols = ShapeSymbols.of(q.setup(), result);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", q.id());
    view.put("title", markdown.inline(q.title().in(language)));
    view.put("kind", q.kind().yamlName());
    view.put("kindLabel", t.get("question.kind." + q.kind().yamlName()));
    view.put("prompt", markdown.block(q.prompt().in(language)));
    view.put("choices", choices(q, table, symbols));
    view.put("keyLabel", labels.keyLabel(q));
    view.put("answerText", q.answer().text() == null ? null : markdown.block(q.answer().text().in(language)));
    view.put("explanation", q.explanation() == null ? null : markdown.block(q.explanation().in(language)));
    NumericView numeric = result.numeric() == null ? null : new NumericView(markdown, language, t);
    view.put("verification", numeric != null ? numeric.verification(result)
        : new ProofView(markdown, language, t).build(result, table, symbols));
    view.put("numeric", numeric == null ? null : numeric.build(result));
    return view;
  }

  private List<Map<String, Object>> choices(Question q, VerificationTable table, ShapeSymbols symbols) {
    List<Map<String, Object>> choices = new ArrayList<>();
    List<Integer> key = q.answer().choices();
    for (Choice choice : q.choices()) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("number", choice.number());
      view.put("html", choiceHtml(choice));
      boolean correct = key.contains(choice.number());
      view.put("correct", correct);
      view.put("reason", correct ? null : whyWrong(table, choice.number(), symbols));
      choices.add(view);
    }
    return choices;
  }

  /** The self-check's reason for a wrong pick: the verifier's reason, or where the text explains it. */
  private String whyWrong(VerificationTable table, int number, ShapeSymbols symbols) {
    return table.reasonAgainst(number).map(r -> labels.reason(r, symbols).html())
        .orElse(Html.escape(t.get("selfcheck.explained")));
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
}
