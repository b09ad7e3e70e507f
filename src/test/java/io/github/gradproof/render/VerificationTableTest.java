package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of the verification table that the pages, the Markdown mirrors and verification.json share. */
class VerificationTableTest {

  private final PhaseResult result = SampleQuiz.result(SampleQuiz.phase("Phase 3 — Sample"));

  /** A row as "choice|claim|shape|error|engine|trials|verdict|agreement". */
  private static String describe(VerificationTable.Row row) {
    return row.choice() + "|" + (row.claim() == null ? "-" : row.claim().claim().source()) + "|" + row.shape() + "|"
        + row.error() + "|" + row.engineError() + "|" + row.trials() + "|" + VerificationTable.verdictName(row.verdict())
        + "|" + row.agreement().key();
  }

  @Test
  void everyClaimOfEveryChoiceIsARowAndAChoiceWithoutClaimsHasOneOfItsOwn() {
    List<String> rows = VerificationTable.of(result.questions().get(0)).rows().stream()
        .map(VerificationTableTest::describe).toList();
    assertEquals(List.of(
        "1|dA = dC @ B.T|(3, 4)|1.1e-16|2.5e-10|3|holds|yes",
        "2|dA = B @ dC.T|(4, 3)|—|2.5e-10|3|false|yes",
        "3|-|—|—|—|—|not-checkable|na"), rows);
  }

  @Test
  void aClaimOfTheAnswerAgreesUnlessItIsFalse() {
    VerificationTable table = VerificationTable.of(result.questions().get(1));
    assertEquals(List.of("null|dx = ones_like(x) * ds|(3, 5)|0|1.0e-11|3|holds|yes"),
        table.rows().stream().map(VerificationTableTest::describe).toList());
    assertTrue(table.choices().isEmpty());
  }

  @Test
  void theSelfCheckTellsTheReasonOfAFalseChoiceOnly() {
    VerificationTable table = VerificationTable.of(result.questions().get(0));
    assertTrue(table.reasonAgainst(2).orElseThrow() instanceof Reason.ShapeMismatch);
    assertTrue(table.reasonAgainst(1).isEmpty());
    assertTrue(table.reasonAgainst(3).isEmpty());
    assertNull(table.rows().get(2).reason());
  }

  @Test
  void verdictNamesAreLowerCaseWithHyphens() {
    assertEquals("holds", VerificationTable.verdictName(Verdict.HOLDS));
    assertEquals("not-checkable", VerificationTable.verdictName(Verdict.NOT_CHECKABLE));
  }
}
