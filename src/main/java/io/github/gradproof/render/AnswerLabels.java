package io.github.gradproof.render;

import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.Verdict;
import java.util.List;
import java.util.Map;

/**
 * The words around an answer in one page language: the key ("Choices 1 and 2."), verdicts and
 * the reasons a claim is false. Shared by the HTML pages and the Markdown mirrors.
 */
final class AnswerLabels {

  private final Map<String, String> t;

  AnswerLabels(Map<String, String> t) {
    this.t = t;
  }

  /** "Choice 2.", "Choices 1 and 2.", or "Answer" for free questions. */
  String keyLabel(Question q) {
    if (q.kind() == QuestionKind.FREE) {
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

  String reasonText(ClaimResult claim) {
    return ReasonText.of(claim.reason(), t);
  }

  String verdictLabel(Verdict verdict) {
    return t.get("verdict." + verdict.name().toLowerCase(java.util.Locale.ROOT));
  }
}
