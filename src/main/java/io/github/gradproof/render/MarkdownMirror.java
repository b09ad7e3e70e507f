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
 * a Markdown table. Every field goes through {@link MirrorMarkdown}, so the mirror is as safe as
 * the pages under any CommonMark renderer: no raw HTML, the pages' link policy, no images.
 */
public final class MarkdownMirror {

  private final UiStrings ui;
  private final List<String> languages;

  /** Creates a mirror writer for the configured languages. */
  public MarkdownMirror(UiStrings ui, List<String> languages) {
    this.ui = ui;
    this.languages = List.copyOf(languages);
  }

  /**
   * Writes, and discards, a typical field, so that the mirror's fast path is loaded while the build
   * still verifies (see {@link PageRenderer#warmUp()}); its Markdown parser loads only for a field
   * that needs it.
   */
  public void warmUp() {
    MirrorMarkdown.block(MarkdownRenderer.WARM_UP_FIELD);
    MirrorMarkdown.inline(MarkdownRenderer.WARM_UP_FIELD);
  }

  /** The mirror of one phase in one language. */
  public String render(String language, PhaseResult result) {
    Map<String, String> t = ui.of(language);
    StringBuilder out = new StringBuilder(8 * 1024);
    languageLinks(out, result.phase().pageName());
    out.append("# ").append(MirrorMarkdown.inline(result.phase().title().in(language))).append("\n\n");
    out.append(MirrorMarkdown.block(result.phase().summary().in(language))).append("\n\n");
    AnswerLabels labels = new AnswerLabels(t);
    for (QuestionResult question : result.questions()) {
      question(out, language, t, labels, question);
    }
    out.append("\n---\n\n").append(MirrorMarkdown.lineText(t.get("source.prefix"))).append(' ')
        .append(MirrorMarkdown.code(result.phase().sourcePath())).append('\n');
    return out.toString();
  }

  private void languageLinks(StringBuilder out, String pageName) {
    for (int i = 0; i < languages.size(); i++) {
      String language = languages.get(i);
      if (i > 0) {
        out.append(" · ");
      }
      out.append('[').append(MirrorMarkdown.text(ui.get(language, "language.name"))).append("](../").append(language).append('/')
          .append(pageName).append(".md)");
    }
    out.append("\n\n");
  }

  private void question(StringBuilder out, String language, Map<String, String> t, AnswerLabels labels, QuestionResult result) {
    Question q = result.question();
    out.append("\n## ").append(MirrorMarkdown.text(q.id())).append(" — ").append(MirrorMarkdown.inline(q.title().in(language)))
        .append(" (").append(MirrorMarkdown.text(t.get("question.kind." + q.kind().yamlName()))).append(")\n\n");
    out.append(MirrorMarkdown.block(q.prompt().in(language))).append("\n\n");
    if (result.numeric() != null) {
      NumericMirror.write(out, language, t, labels, result);
      return;
    }
    for (Choice choice : q.choices()) {
      out.append(choice.number()).append(". ").append(choiceText(language, choice)).append('\n');
    }
    if (!q.choices().isEmpty()) {
      out.append('\n');
    }
    out.append("<details><summary>").append(Html.escape(t.get("answer.show"))).append("</summary>\n\n");
    out.append("**").append(MirrorMarkdown.text(labels.keyLabel(q))).append("**");
    if (q.kind() == QuestionKind.FREE && q.answer().text() != null) {
      out.append("\n\n").append(MirrorMarkdown.block(q.answer().text().in(language)));
    }
    if (q.explanation() != null) {
      out.append("\n\n").append(MirrorMarkdown.block(q.explanation().in(language)));
    }
    out.append("\n\n");
    table(out, language, t, labels, result);
    out.append("</details>\n");
  }

  private static String choiceText(String language, Choice choice) {
    if (choice.text() != null) {
      return MirrorMarkdown.inline(choice.text().in(language));
    }
    return String.join(", ", choice.claims().stream().map(c -> MirrorMarkdown.code(c.source())).toList());
  }

  private static void table(
      StringBuilder out, String language, Map<String, String> t, AnswerLabels labels, QuestionResult result) {
    VerificationTable table = VerificationTable.of(result);
    ShapeSymbols symbols = ShapeSymbols.of(result.question().setup(), result);
    out.append("**").append(MirrorMarkdown.text(t.get("verify.title"))).append("**\n\n");
    if (table.disabled() && table.disabledReason() != null) {
      out.append("*").append(MirrorMarkdown.text(t.get("verify.disabled"))).append("* ")
          .append(MirrorMarkdown.inline(table.disabledReason().in(language))).append("\n\n");
    }
    if (result.question().setup() != null && result.question().setup().exactDims()) {
      out.append("*").append(MirrorMarkdown.text(t.get("verify.exact_dims"))).append("* ")
          .append(MirrorMarkdown.inline(result.question().setup().exactDimsReason().in(language))).append("\n\n");
    }
    if (result.partiallyVerified()) {
      out.append(MirrorMarkdown.text(t.get("verify.partial"))).append("\n\n");
    }
    Phrase summary = ProofView.summary(result, table, t);
    if (summary != null) {
      out.append(summary.markdown());
      if (!table.explainedChoices().isEmpty()) {
        out.append(' ').append(Plurals.count(t, "verify.explained", table.explainedChoices().size()).markdown());
      }
      out.append("\n\n");
    }
    header(out, t, "choice", "claim", "verdict");
    for (VerificationTable.Row row : table.rows()) {
      compactRow(out, labels, table, row, symbols);
    }
    out.append("\n<details><summary>").append(Html.escape(t.get("verify.details"))).append("</summary>\n\n");
    if (!table.disabled()) {
      out.append(MirrorMarkdown.text(t.get("verify.caption"))).append("\n\n");
    }
    List<String> sizes = result.sizes().stream().filter(d -> !d.isEmpty()).map(AnswerLabels::sizes).toList();
    if (!sizes.isEmpty()) {
      out.append(MirrorMarkdown.lineText(t.get("verify.sizes.tried") + " " + String.join("; ", sizes))).append("\n\n");
    }
    header(out, t, "choice", "claim", "shape", "error", "engine", "trials", "key");
    for (VerificationTable.Row row : table.rows()) {
      technicalRow(out, labels, row);
    }
    out.append("\n</details>\n\n");
  }

  /** A table header row of the named columns' UI strings, and its delimiter row. */
  private static void header(StringBuilder out, Map<String, String> t, String... columns) {
    out.append('|');
    for (String column : columns) {
      out.append(' ').append(MirrorMarkdown.text(t.get("verify.col." + column))).append(" |");
    }
    out.append('\n').append("|---".repeat(columns.length)).append("|\n");
  }

  private static String claimCell(VerificationTable.Row row) {
    return row.claim() == null ? Numbers.NOT_APPLICABLE : MirrorMarkdown.cellCode(row.claim().claim().source());
  }

  private static void compactRow(StringBuilder out, AnswerLabels labels, VerificationTable table, VerificationTable.Row row,
      ShapeSymbols symbols) {
    String verdict = MirrorMarkdown.text(labels.verdictLabel(table, row));
    Phrase reason = labels.reason(row.reason(), symbols);
    if (reason != null) {
      verdict += ": " + reason.cellMarkdown();
    }
    out.append("| ").append(MirrorMarkdown.text(labels.rowLabel(row))).append(" | ").append(claimCell(row))
        .append(" | ").append(verdict).append(" |\n");
  }

  private static void technicalRow(StringBuilder out, AnswerLabels labels, VerificationTable.Row row) {
    out.append("| ").append(MirrorMarkdown.text(labels.rowLabel(row))).append(" | ").append(claimCell(row))
        .append(" | ").append(MirrorMarkdown.text(labels.shape(row)))
        .append(" | ").append(row.error())
        .append(" | ").append(MirrorMarkdown.text(labels.engineError(row)))
        .append(" | ").append(row.trials())
        .append(" | ").append(MirrorMarkdown.text(labels.agreement(row.agreement()))).append(" |\n");
  }
}
