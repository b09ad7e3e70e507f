package io.github.gradproof.render;

import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import java.util.List;
import java.util.Map;

/**
 * Writes the Markdown mirror of a phase ({@code site/md/<lang>/phase-NN-slug.md}): readable on a
 * Git host without a build, with the answers in {@code <details>} and the verification table as
 * a Markdown table. Raw HTML from quiz text is escaped outside code spans.
 */
public final class MarkdownMirror {

  private final UiStrings ui;
  private final List<String> languages;

  /** Creates a mirror writer for the configured languages. */
  public MarkdownMirror(UiStrings ui, List<String> languages) {
    this.ui = ui;
    this.languages = List.copyOf(languages);
  }

  /** The mirror of one phase in one language. */
  public String render(String language, PhaseResult result) {
    Map<String, String> t = ui.of(language);
    StringBuilder out = new StringBuilder(8 * 1024);
    languageLinks(out, result.phase().pageName());
    out.append("# ").append(MarkdownText.oneLine(result.phase().title().in(language))).append("\n\n");
    out.append(MarkdownText.escapeHtml(result.phase().summary().in(language).strip())).append("\n\n");
    AnswerLabels labels = new AnswerLabels(t);
    for (QuestionResult question : result.questions()) {
      question(out, language, t, labels, question);
    }
    out.append("\n---\n\n").append(t.get("source.prefix")).append(" `").append(result.phase().sourcePath()).append("`\n");
    return out.toString();
  }

  private void languageLinks(StringBuilder out, String pageName) {
    for (int i = 0; i < languages.size(); i++) {
      String language = languages.get(i);
      if (i > 0) {
        out.append(" · ");
      }
      out.append('[').append(ui.get(language, "language.name")).append("](../").append(language).append('/')
          .append(pageName).append(".md)");
    }
    out.append("\n\n");
  }

  private void question(StringBuilder out, String language, Map<String, String> t, AnswerLabels labels, QuestionResult result) {
    Question q = result.question();
    out.append("\n## ").append(q.id()).append(" — ").append(MarkdownText.oneLine(q.title().in(language)))
        .append(" (").append(t.get("question.kind." + q.kind().yamlName())).append(")\n\n");
    out.append(MarkdownText.escapeHtml(q.prompt().in(language).strip())).append("\n\n");
    for (Choice choice : q.choices()) {
      out.append(choice.number()).append(". ").append(choiceText(language, choice)).append('\n');
    }
    if (!q.choices().isEmpty()) {
      out.append('\n');
    }
    out.append("<details><summary>").append(t.get("answer.show")).append("</summary>\n\n");
    out.append("**").append(labels.keyLabel(q)).append("**");
    if (q.kind() == QuestionKind.FREE && q.answer().text() != null) {
      out.append("\n\n").append(MarkdownText.escapeHtml(q.answer().text().in(language).strip()));
    }
    if (q.explanation() != null) {
      out.append("\n\n").append(MarkdownText.escapeHtml(q.explanation().in(language).strip()));
    }
    out.append("\n\n");
    table(out, language, t, labels, result);
    out.append("</details>\n");
  }

  private static String choiceText(String language, Choice choice) {
    if (choice.text() != null) {
      return MarkdownText.escapeHtml(MarkdownText.oneLine(choice.text().in(language)));
    }
    return String.join(", ", choice.claims().stream().map(c -> MarkdownText.code(c.source())).toList());
  }

  private static void table(
      StringBuilder out, String language, Map<String, String> t, AnswerLabels labels, QuestionResult result) {
    VerificationTable table = VerificationTable.of(result);
    ShapeSymbols symbols = ShapeSymbols.of(result.question().setup());
    out.append("**").append(t.get("verify.title")).append("**\n\n");
    if (table.disabled() && table.disabledReason() != null) {
      out.append("*").append(t.get("verify.disabled")).append("* ")
          .append(MarkdownText.escapeHtml(MarkdownText.oneLine(table.disabledReason().in(language)))).append("\n\n");
    }
    Phrase summary = ProofView.summary(result, table, t);
    if (summary != null) {
      out.append(summary.markdown());
      if (!table.explainedChoices().isEmpty()) {
        out.append(' ').append(Plurals.count(t, "verify.explained", table.explainedChoices().size()).markdown());
      }
      out.append("\n\n");
    }
    out.append("| ").append(t.get("verify.col.choice")).append(" | ").append(t.get("verify.col.claim"))
        .append(" | ").append(t.get("verify.col.verdict")).append(" |\n|---|---|---|\n");
    for (VerificationTable.Row row : table.rows()) {
      compactRow(out, labels, row, symbols);
    }
    out.append("\n<details><summary>").append(t.get("verify.details")).append("</summary>\n\n");
    List<String> sizes = result.sizes().stream().filter(d -> !d.isEmpty()).map(AnswerLabels::sizes).toList();
    if (!sizes.isEmpty()) {
      out.append(t.get("verify.sizes.tried")).append(' ').append(String.join("; ", sizes)).append("\n\n");
    }
    out.append("| ").append(t.get("verify.col.choice")).append(" | ").append(t.get("verify.col.claim"))
        .append(" | ").append(t.get("verify.col.shape")).append(" | ").append(t.get("verify.col.error"))
        .append(" | ").append(t.get("verify.col.engine")).append(" | ").append(t.get("verify.col.trials"))
        .append(" | ").append(t.get("verify.col.key")).append(" |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (VerificationTable.Row row : table.rows()) {
      technicalRow(out, labels, row);
    }
    out.append("\n</details>\n\n");
  }

  private static String claimCell(VerificationTable.Row row) {
    return row.claim() == null ? Numbers.NOT_APPLICABLE : MarkdownText.cell(MarkdownText.code(row.claim().claim().source()));
  }

  private static void compactRow(StringBuilder out, AnswerLabels labels, VerificationTable.Row row, ShapeSymbols symbols) {
    String verdict = MarkdownText.escapeHtml(labels.verdictLabel(row.verdict()));
    Phrase reason = labels.reason(row.reason(), symbols);
    if (reason != null) {
      verdict += ": " + reason.markdown();
    }
    out.append("| ").append(labels.rowLabel(row)).append(" | ").append(claimCell(row))
        .append(" | ").append(MarkdownText.cell(verdict)).append(" |\n");
  }

  private static void technicalRow(StringBuilder out, AnswerLabels labels, VerificationTable.Row row) {
    out.append("| ").append(labels.rowLabel(row)).append(" | ").append(claimCell(row))
        .append(" | ").append(MarkdownText.cell(labels.shape(row)))
        .append(" | ").append(row.error())
        .append(" | ").append(row.engineError())
        .append(" | ").append(row.trials())
        .append(" | ").append(labels.agreement(row.agreement())).append(" |\n");
  }
}
