package io.github.gradproof.render;

import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.ChoiceResult;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The verification of one question as every output shows it: the table on the HTML pages, the
 * table of the Markdown mirrors and the question's entry in {@code verification.json}. The rules
 * are written here once, and each output only lays them out:
 *
 * <ul>
 *   <li>groups come in order: each choice with its claims, then the free answer's claims;
 *   <li>a table has one row per claim, and a choice without claims has one row of its own, not
 *       checkable, with no claim and every figure {@linkplain Numbers#NOT_APPLICABLE not applicable};
 *   <li>a row of a choice agrees with the key when the choice's verdict does; a row of the answer
 *       agrees unless its claim is false; the row of a choice without claims has no agreement, nor
 *       has any row of a question with {@code verify: false}, whose claims are not checked;
 *   <li>the shape of a claim lists every distinct shape it had over the trials (one per dims
 *       assignment where they differ);
 *   <li>a shape or error that does not apply reads {@link Numbers#NOT_APPLICABLE}.
 * </ul>
 *
 * Words in the page language (labels, verdicts, agreement, reasons) come from {@link AnswerLabels}.
 *
 * @param question the question verified
 * @param choices one group per choice, in order
 * @param answer the free answer's claims (no claims for a question with choices)
 */
record VerificationTable(Question question, List<Group> choices, Group answer) {

  VerificationTable {
    choices = List.copyOf(choices);
  }

  /** Whether a row agrees with the answer key. */
  enum Agreement {
    YES, NO, NOT_APPLICABLE;

    /** The CSS class suffix: {@code yes}, {@code no}, {@code na}. */
    String key() {
      return this == NOT_APPLICABLE ? "na" : name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * The claims of one choice, or of the free answer.
   *
   * @param choice the choice's number, or {@code null} for the answer
   * @param keyed whether the key marks the choice correct ({@code false} for the answer)
   * @param verdict the choice's verdict ({@link Verdict#NOT_CHECKABLE} for the answer)
   * @param agreesWithKey whether the choice's verdict agrees with the key
   * @param claims the claims' results, in order
   * @param checked whether the claims were checked ({@code false} under {@code verify: false})
   */
  record Group(Integer choice, boolean keyed, Verdict verdict, boolean agreesWithKey, List<ClaimResult> claims,
      boolean checked) {
    Group {
      claims = List.copyOf(claims);
    }

    /** This group's rows of the table. */
    List<Row> rows() {
      if (choice != null && claims.isEmpty()) {
        return List.of(new Row(choice, null, Verdict.NOT_CHECKABLE, Agreement.NOT_APPLICABLE));
      }
      List<Row> rows = new ArrayList<>(claims.size());
      for (ClaimResult claim : claims) {
        boolean agrees = choice != null ? agreesWithKey : claim.verdict() != Verdict.FALSE;
        Agreement agreement = !checked ? Agreement.NOT_APPLICABLE : agrees ? Agreement.YES : Agreement.NO;
        rows.add(new Row(choice, claim, claim.verdict(), agreement));
      }
      return rows;
    }
  }

  /**
   * One row of the table.
   *
   * @param choice the choice's number, or {@code null} for a claim of the answer
   * @param claim the claim's result, or {@code null} in the row of a choice without claims
   * @param verdict the claim's verdict
   * @param agreement whether the row agrees with the key
   */
  record Row(Integer choice, ClaimResult claim, Verdict verdict, Agreement agreement) {

    /** The claimed value's shape, {@code (3, 4)}; {@code ()} for a scalar, which pages word. */
    String shape() {
      return claim == null || claim.shape() == null ? Numbers.NOT_APPLICABLE : Numbers.shape(claim.shape());
    }

    /**
     * Every distinct shape of the claimed value over the trials, in trial order ({@code (3, 4)},
     * {@code (5, 7)}); {@code ()} for a scalar; empty when there is none.
     */
    List<String> shapes() {
      return claim == null ? List.of() : claim.shapes().stream().map(Numbers::shape).toList();
    }

    /** Whether the engine check of the claim's gradients compared no point (all at kinks). */
    boolean engineSkipped() {
      return claim != null && claim.engineSkipped();
    }

    /** Whether the claimed value is a scalar (shape {@code ()}). */
    boolean scalar() {
      return claim != null && claim.shape() != null && claim.shape().length == 0;
    }

    /** The largest error against autograd. */
    String error() {
      return claim == null ? Numbers.NOT_APPLICABLE : Numbers.errorCell(claim.error());
    }

    /** The largest error of the engine against central differences. */
    String engineError() {
      return claim == null ? Numbers.NOT_APPLICABLE : Numbers.errorCell(claim.engineError());
    }

    /** How many trials the claim was judged in; not applicable when it was not checked. */
    String trials() {
      return claim == null || claim.trials() == 0 ? Numbers.NOT_APPLICABLE : Integer.toString(claim.trials());
    }

    /** Why the claim is false, or {@code null}. */
    Reason reason() {
      return claim == null ? null : claim.reason();
    }
  }

  /** The table of a verified question. */
  static VerificationTable of(QuestionResult result) {
    List<Group> choices = new ArrayList<>(result.choices().size());
    for (ChoiceResult c : result.choices()) {
      choices.add(new Group(c.number(), c.keyed(), c.verdict(), c.agreesWithKey(), c.claims(),
          result.question().verify()));
    }
    Group answer = new Group(null, false, Verdict.NOT_CHECKABLE, true, result.answerClaims(), result.question().verify());
    return new VerificationTable(result.question(), choices, answer);
  }

  /** Every row, in table order: each choice's, then the answer's. */
  List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    choices.forEach(g -> rows.addAll(g.rows()));
    rows.addAll(answer.rows());
    return rows;
  }

  /** Whether the author turned verification off ({@code verify: false}). */
  boolean disabled() {
    return !question.verify();
  }

  /** Why the author turned verification off, or {@code null}. */
  Localized disabledReason() {
    return question.verifyReason();
  }

  /** How many claims were judged: every claim of a checked question. */
  int checkedClaims() {
    return (int) rows().stream().filter(r -> r.claim() != null && r.verdict() != Verdict.NOT_CHECKABLE).count();
  }

  /** The choices without claims, explained in text only, in order. */
  List<Integer> explainedChoices() {
    return choices.stream().filter(g -> g.claims().isEmpty()).map(Group::choice).toList();
  }

  /** The verifier's reason against a choice: of its first false claim, if any. */
  Optional<Reason> reasonAgainst(int choice) {
    return choices.stream()
        .filter(g -> g.choice() == choice)
        .flatMap(g -> g.claims().stream())
        .filter(c -> c.verdict() == Verdict.FALSE && c.reason() != null)
        .map(ClaimResult::reason)
        .findFirst();
  }

  /** A verdict's name in CSS classes and in {@code verification.json}: {@code holds}, {@code false}, {@code not-checkable}. */
  static String verdictName(Verdict verdict) {
    return verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
