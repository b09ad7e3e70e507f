package io.github.gradproof.verify;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.util.List;

/**
 * Compares verdicts with the answer key: the choices that hold must be exactly the keyed ones
 * (choices without claims aside), and the correct answer must carry at least one holding claim.
 * Problems are located at the question's {@code answer:}, or at a free answer's false claim.
 */
final class KeyCheck {

  private KeyCheck() {}

  static void check(Question q, List<ChoiceResult> choices, List<ClaimResult> answer, int trials,
      List<Diagnostic> problems) {
    boolean proven = false;
    boolean keyedFalse = false;
    for (ChoiceResult c : choices) {
      if (c.keyed() && c.verdict() == Verdict.FALSE) {
        keyedFalse = true;
        ClaimResult bad = firstFalse(c.claims());
        problems.add(Diagnostic.at(q.answer().location(), q.id() + ": the key marks choice " + c.number()
            + " correct, but \"" + bad.claim().source() + "\" is false: " + Reasons.english(bad.reason())));
      } else if (!c.keyed() && c.verdict() == Verdict.HOLDS) {
        problems.add(Diagnostic.at(q.answer().location(), q.id() + ": choice " + c.number() + " holds (\""
            + c.claims().get(0).claim().source() + "\" in all " + trials + " trials), but the key does not mark "
            + "it correct; add it to the answer or correct the claim"));
      } else if (c.keyed() && c.verdict() == Verdict.HOLDS) {
        proven = true;
      }
    }
    if (q.kind() == QuestionKind.FREE) {
      boolean allHold = !answer.isEmpty();
      for (ClaimResult r : answer) {
        if (r.verdict() == Verdict.FALSE) {
          allHold = false;
          keyedFalse = true;
          problems.add(new Diagnostic(r.claim().location(), q.id() + ": the answer claims \""
              + r.claim().source() + "\", but it is false: " + Reasons.english(r.reason()), r.claim().sourceLine()));
        }
      }
      proven = allHold;
    }
    if (!proven && !keyedFalse) {
      problems.add(Diagnostic.at(q.answer().location(), q.id() + ": no claim proves the answer: "
          + (q.kind() == QuestionKind.FREE ? "give the answer a claim" : "give a keyed choice a claim")
          + ", or set verify: false with a verify_reason"));
    }
  }

  private static ClaimResult firstFalse(List<ClaimResult> claims) {
    for (ClaimResult r : claims) {
      if (r.verdict() == Verdict.FALSE) {
        return r;
      }
    }
    throw new IllegalStateException("no false claim");
  }
}
