package io.github.gradproof.render;

import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The words around an answer in one page language: the key ("Choices 1 and 2."), verdicts, the
 * reasons a claim is false and the other words of the verification table. Shared by the HTML
 * pages and the Markdown mirrors.
 */
final class AnswerLabels {

  private final Map<String, String> t;

  AnswerLabels(Map<String, String> t) {
    this.t = t;
  }

  /** "Choice 2.", "Choices 1 and 2.", or "Answer" for free and numeric questions. */
  String keyLabel(Question q) {
    if (q.kind() == QuestionKind.FREE || q.kind() == QuestionKind.NUMERIC) {
      return t.get("answer.key");
    }
    List<Integer> key = q.answer().choices();
    String noun = key.size() == 1 ? t.get("answer.choice") : t.get("answer.choices");
    StringBuilder numbers = new StringBuilder();
    for (int i = 0; i < key.size(); i++) {
      if (i > 0) {
        numbers.append(i == key.size() - 1 ? " " + t.get("answer.and") + " " : ", ");
      }
      numbers.append(key.get(i));
    }
    return noun + " " + numbers + ".";
  }

  /** Why a claim is false, as a sentence in the page language; {@code null} for {@code null}. */
  Phrase reason(Reason reason, ShapeSymbols symbols) {
    return reason == null ? null : ReasonText.phrase(reason, t, symbols);
  }

  /**
   * A row's shapes: every distinct one over the trials, {@code (3, 4), (5, 7)}, "scalar" for
   * {@code ()}, or {@link Numbers#NOT_APPLICABLE}.
   */
  String shape(VerificationTable.Row row) {
    List<String> shapes = row.shapes();
    if (shapes.isEmpty()) {
      return row.shape();
    }
    return String.join(", ", shapes.stream().map(s -> s.equals("()") ? t.get("shape.scalar") : s).toList());
  }

  /** A row's engine error, or the words saying that no point could be compared. */
  String engineError(VerificationTable.Row row) {
    return row.engineSkipped() ? t.get("verify.engine.skipped") : row.engineError();
  }

  /** A dims assignment: {@code M = 3, K = 4}. */
  static String sizes(java.util.Map<String, Integer> dims) {
    return String.join(", ", dims.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).toList());
  }

  String verdictLabel(Verdict verdict) {
    return t.get("verdict." + verdict.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A row's verdict: "not checked" for every row of a {@code verify: false} question. */
  String verdictLabel(VerificationTable table, VerificationTable.Row row) {
    return table.disabled() ? t.get("verdict.not_checked") : verdictLabel(row.verdict());
  }

  /** A row's first cell: "Choice 2", or "answer" for a claim of the free answer. */
  String rowLabel(VerificationTable.Row row) {
    return groupLabel(row.choice());
  }

  /** "Choice 2", or "answer" for the free answer's claims ({@code null}). */
  String groupLabel(Integer choice) {
    return choice == null ? t.get("verify.answer") : t.get("answer.choice") + " " + choice;
  }

  /** "yes", "no", or {@link Numbers#NOT_APPLICABLE}. */
  String agreement(VerificationTable.Agreement agreement) {
    return switch (agreement) {
      case YES -> t.get("key.yes");
      case NO -> t.get("key.no");
      case NOT_APPLICABLE -> Numbers.NOT_APPLICABLE;
    };
  }
}
