package io.github.gradproof.verify;

import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.util.List;
import java.util.Set;

/**
 * Compares verdicts with the answer key: the choices that hold must be exactly the keyed ones, and
 * every keyed choice (or the free answer) must be proven by claims that hold and constrain values
 * ({@link CompiledClaim#constrains()}): a keyed choice explained in text only, or proven only by
 * shape or constant comparisons, is an authoring error. Choices without claims that are not keyed
 * are allowed; they make the question partially verified. A comparison that holds whatever the values
 * it reads are ({@link Vacuity}) proves nothing either. Problems are located at the question's
 * {@code answer:} (naming the line and column of the choice or claim concerned), or at the claim
 * concerned.
 */
final class KeyCheck {

  private static final String VALUE_CLAIM = "add a claim that states values: a gradient claim dX = ..., or a "
      + "comparison involving a gradient, a forward value or fd_order/fd_evals";

  private KeyCheck() {}

  static void check(CompiledQuestion cq, List<ChoiceResult> choices, List<ClaimResult> answer, int trials,
      Set<CompiledClaim> vacuous, List<Diagnostic> problems) {
    Question q = cq.question;
    boolean proven = false;
    boolean reported = false;
    for (int i = 0; i < choices.size(); i++) {
      ChoiceResult c = choices.get(i);
      if (c.keyed() && c.verdict() == Verdict.FALSE) {
        reported = true;
        ClaimResult bad = firstFalse(c.claims());
        problems.add(atKey(q, q.id() + ": the key marks choice " + c.number() + " correct, but \""
            + bad.claim().source() + "\" (" + where(bad.claim().location()) + ") is false: "
            + Reasons.english(bad.reason())));
      } else if (c.keyed() && c.verdict() == Verdict.NOT_CHECKABLE) {
        reported = true;
        problems.add(atKey(q, q.id() + ": the key marks choice " + c.number() + " correct, but it has no claim,"
            + " so nothing proves it (the choice is " + where(q.choices().get(i).location()) + "): give it a claim,"
            + " or set verify: false with a verify_reason"));
      } else if (!c.keyed() && c.verdict() == Verdict.HOLDS) {
        ClaimResult held = c.claims().get(0);
        problems.add(atKey(q, q.id() + ": choice " + c.number() + " holds: \"" + held.claim().source() + "\" ("
            + where(held.claim().location()) + ") is true in all " + trials + " trials, but the key does not mark "
            + "it correct; add it to the answer or correct the claim"));
      } else if (c.keyed() && c.verdict() == Verdict.HOLDS) {
        if (constrains(cq.choiceClaims.get(i), vacuous)) {
          proven = true;
        } else {
          reported = true;
          problems.add(onlyShapes(cq, cq.choiceClaims.get(i), vacuous, "choice " + c.number() + " is keyed"));
        }
      }
    }
    if (q.kind() == QuestionKind.FREE) {
      boolean allHold = !answer.isEmpty();
      for (ClaimResult r : answer) {
        if (r.verdict() == Verdict.FALSE) {
          allHold = false;
          reported = true;
          problems.add(new Diagnostic(r.claim().location(), q.id() + ": the answer claims \""
              + r.claim().source() + "\", but it is false: " + Reasons.english(r.reason()), r.claim().sourceLine()));
        }
      }
      proven = allHold && constrains(cq.answerClaims, vacuous);
      if (allHold && !proven) {
        reported = true;
        problems.add(onlyShapes(cq, cq.answerClaims, vacuous, "the answer"));
      }
    }
    if (!proven && !reported) {
      problems.add(atKey(q, q.id() + ": no claim proves the answer: "
          + (q.kind() == QuestionKind.FREE ? "give the answer a claim" : "give a keyed choice a claim")
          + ", or set verify: false with a verify_reason"));
    }
  }

  /** A problem with the key, located at {@code answer:} and shown with its line. */
  private static Diagnostic atKey(Question q, String message) {
    return new Diagnostic(q.answer().location(), message, q.answer().sourceLine());
  }

  /**
   * Where a choice or claim the key refers to stands, in the words of other messages that point at a
   * second place in the file ("first given at line 12"): the diagnostic itself is at the key.
   */
  private static String where(SourceLocation at) {
    return "at line " + at.line() + ", column " + at.column();
  }

  private static boolean constrains(List<CompiledClaim> claims, Set<CompiledClaim> vacuous) {
    return claims.stream().anyMatch(c -> c.constrains() && !vacuous.contains(c) && !approximate(c));
  }

  /**
   * Whether a claim is an approximate comparison ({@code ~}) of values that are not a measured
   * experiment: {@code ~} allows 5 % of the right side, and 0.05 where it is below 1, which a gradient
   * that is off (a batch mean divided by B + 1) passes, so it proves no answer. It proves one only
   * about {@code fd_order} and {@code fd_evals}, the quantities it is made for.
   */
  private static boolean approximate(CompiledClaim c) {
    return c.line() instanceof Line.Comparison cmp
        && cmp.op() == CompareOp.APPROX
        && !Claims.usesExperiments(c.line());
  }

  /**
   * Claims that hold but constrain no value: located at the first comparison that holds whatever
   * the values it reads are, if there is one, else at the first claim.
   */
  private static Diagnostic onlyShapes(CompiledQuestion cq, List<CompiledClaim> claims,
      Set<CompiledClaim> vacuous, String what) {
    Question q = cq.question;
    for (CompiledClaim c : claims) {
      if (vacuous.contains(c)) {
        String names = String.join(", ", Claims.valueNames(c.line(), cq.scope()));
        return new Diagnostic(c.text().location(), q.id() + ": " + what + " and its claims hold, but they hold "
            + "whatever the values of " + names + " are (\"" + c.text().source() + "\" holds as well with "
            + (names.contains(",") ? "them" : "it") + " replaced by zeros or by random values), so they prove "
            + "nothing; " + VALUE_CLAIM, c.text().sourceLine());
      }
    }
    for (CompiledClaim c : claims) {
      if (c.constrains() && approximate(c)) {
        return new Diagnostic(c.text().location(), q.id() + ": " + what + " and its claims hold, but they compare "
            + "values only approximately (\"" + c.text().source() + "\": ~ allows 5 % of the right side, and 0.05 "
            + "where it is below 1, which a value that is off can pass; ~ proves only fd_order and fd_evals), so "
            + "they prove nothing; state the value with ==, or a gradient claim dX = ...", c.text().sourceLine());
      }
    }
    for (CompiledClaim c : claims) {
      String read = c.constrains() ? null : Claims.readSeed(c.line(), cq.scope(), cq.startingGradients);
      if (read != null) {
        return startingGradientOnly(cq, c, read, what);
      }
    }
    CompiledClaim first = claims.get(0);
    return new Diagnostic(first.text().location(), q.id() + ": " + what + " and its claims hold, but they only "
        + "compare shapes or constants (\"" + first.text().source() + "\"), which hold whatever the values are, "
        + "so they prove nothing; " + VALUE_CLAIM, first.text().sourceLine());
  }

  /**
   * A claim that reads only {@code read}, the objective's gradient with respect to itself or one
   * equal to it through identities ({@link io.github.gradproof.claim.StartingGradient}).
   */
  private static Diagnostic startingGradientOnly(CompiledQuestion cq, CompiledClaim c, String read, String what) {
    String seed = Claims.seedName(cq.scope());
    String objective = seed.substring(1);
    boolean alias = !read.equals(seed);
    return new Diagnostic(c.text().location(), cq.question.id() + ": " + what + " and its claims hold, but \""
        + c.text().source() + "\" reads only " + read + (alias ? ", which equals " + seed + "," : ",")
        + " the gradient of the objective " + objective + " with respect to itself"
        + (alias ? ", since the forward lines pass " + read.substring(1) + " on to " + objective
            + " unchanged (as " + objective + " = " + read.substring(1) + ", + 0 or * 1 do)" : "")
        + ": the backward pass starts from it (1, or the random upstream drawn for a non-scalar output) whatever"
        + " the forward lines compute, so it proves nothing; " + VALUE_CLAIM
        + " (a question about that starting gradient itself can be verify: false)", c.text().sourceLine());
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
