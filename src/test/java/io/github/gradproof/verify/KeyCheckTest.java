package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The key check on small constructed questions: what drifts, what is an authoring error. */
class KeyCheckTest {

  private static final Setup MATMUL = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B");
  private static final QuestionVerifier VERIFIER = new QuestionVerifier();

  @Test
  void aKeyedChoiceWithoutClaimsProvesNothing() {
    Question q = TestQuestions.choices("q-1", MATMUL, List.of(List.of(), List.of("dA = dC")), 1);
    QuestionResult r = VERIFIER.verify(q);
    assertEquals(List.of(Verdict.NOT_CHECKABLE, Verdict.FALSE), r.choices().stream().map(ChoiceResult::verdict).toList());
    assertEquals(List.of("test.yaml:30:13: q-1: the key marks choice 1 correct, but it has no claim, so nothing "
        + "proves it (the choice is at line 20, column 7): give it a claim, or set verify: false with a verify_reason"), messages(r.problems()));
  }

  @Test
  void aChoiceHoldsOnlyWhenAllItsClaimsHold() {
    Question q = TestQuestions.choices("q-2", MATMUL,
        List.of(List.of("dA = dC @ B.T"), List.of("dA = dC @ B.T", "dA.shape == (K, M)")), 1);
    QuestionResult r = VERIFIER.verify(q);
    ChoiceResult second = r.choices().get(1);
    assertEquals(Verdict.FALSE, second.verdict());
    assertEquals(Verdict.HOLDS, second.claims().get(0).verdict());
    assertEquals("comparison fails: (3, 4) ≠ (4, 3)", Reasons.english(second.claims().get(1).reason()));
    assertEquals(List.of(), r.problems());
  }

  @Test
  void verifyFalseChecksNothingButStillParses() {
    Question q = TestQuestions.unverified(TestQuestions.choices("q-3", MATMUL,
        List.of(List.of("dA = dC @ B.T"), List.of("dA = B")), 2));
    QuestionResult r = VERIFIER.verify(q);
    assertFalse(r.question().verify(), "the author turned verification off");
    assertEquals(0, r.trials());
    assertEquals(List.of(), r.problems());
    ClaimResult c = r.choices().get(0).claims().get(0);
    assertEquals(Verdict.NOT_CHECKABLE, c.verdict());
    assertNull(c.reason());
    assertEquals("dA", ((Line.GradientClaim) c.line()).name());

    Question broken = TestQuestions.unverified(TestQuestions.choices("q-4", MATMUL, List.of(List.of("dA = (dC")), 1));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(broken));
    assertEquals("test.yaml:20:25: q-4: expected ')' to close the '(' before it, found end of line",
        e.diagnostics().get(0).location() + ": " + e.diagnostics().get(0).message());
  }

  @Test
  void claimsWithoutASetupNeedOne() {
    Question q = TestQuestions.free("q-5", null, "dA = dC");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    assertEquals(List.of("test.yaml:20:17: q-5: claims need a setup: give the question 'setup' with dims, inputs and "
        + "forward lines"), messages(e.diagnostics()));
    QuestionResult off = VERIFIER.verify(TestQuestions.unverified(q));
    assertEquals(Verdict.NOT_CHECKABLE, off.answerClaims().get(0).verdict());
  }

  @Test
  void unverifiedClaimsWithoutASetupRenderEvenWithBadArguments() {
    Question q = TestQuestions.unverified(TestQuestions.free("q-10", null, "dx = sum(x, 0, True, 1, 2)"));
    ClaimResult c = VERIFIER.verify(q).answerClaims().get(0);
    assertEquals(Verdict.NOT_CHECKABLE, c.verdict());
    assertEquals("sum", ((Expr.Call) ((Line.GradientClaim) c.line()).value()).function());
  }

  @Test
  void aFreeAnswerWithoutClaimsProvesNothing() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-6", MATMUL));
    assertEquals(List.of("test.yaml:30:13: q-6: no claim proves the answer: give the answer a claim, or set "
        + "verify: false with a verify_reason"), messages(r.problems()));
  }

  @Test
  void aPhaseReportsAuthoringErrorsThenDriftOfTheOtherQuestions() {
    Question misspelt = TestQuestions.free("q-7", MATMUL, "dA = dC @ Bt");
    Question drifted = TestQuestions.choices("q-8", MATMUL, List.of(List.of("dA = dC @ B.T"), List.of("dA = dC")), 2);
    io.github.gradproof.quiz.Phase phase = new io.github.gradproof.quiz.Phase("test.yaml", 1, "t",
        TestQuestions.text(), TestQuestions.text(), List.of(misspelt, drifted));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().verify(phase));
    assertEquals(List.of(
        "test.yaml:20:27: q-7: unknown name 'Bt' (did you mean 'B'?)",
        "test.yaml:30:13: q-8: choice 1 holds: \"dA = dC @ B.T\" (at line 20, column 17) is true in all "
            + 2 * QuestionVerifier.DEFAULT_SEEDS + " trials, but the key does not mark it "
            + "correct; add it to the answer or correct the claim",
        "test.yaml:30:13: q-8: the key marks choice 2 correct, but \"dA = dC\" (at line 21, column 17) is false: shape (3, 5) ≠ dA (3, 4)"),
        messages(e.diagnostics()));
  }

  @Test
  void anEngineDisagreeingWithFiniteDifferencesIsDrift() {
    EngineCheck broken = (f, x, g) -> new io.github.gradproof.autograd.GradCheckResult(2.5e-3, 1e-2, new int[] {0, 1},
        false, 2 * x.size(), 0, 0.5);
    Question q = TestQuestions.free("q-11", MATMUL, "dA = dC @ B.T");
    QuestionResult r = new QuestionVerifier(3, broken).verify(q);
    assertEquals(List.of("test.yaml:1:5: q-11: the engine's gradient dA disagrees with central differences "
        + "(|Δ| = 2.5e-03 in trial 1 of 7); the autograd engine is wrong here, not the quiz"), messages(r.problems()));
    assertEquals(5e-3, r.answerClaims().get(0).engineError(), "relative to the gradient's scale 0.5");
  }

  @Test
  void seedsAreConfigurable() {
    Question q = TestQuestions.free("q-9", MATMUL, "dA = dC @ B.T");
    // M, K, N: one seed at the author's dims and one at each of the two fresh assignments
    assertEquals(3, new QuestionVerifier(1).verify(q).trials());
    // 3 at the author's, 3 shared out over the two fresh ones, rounded up: 2 each
    assertEquals(7, new QuestionVerifier(3).verify(q).trials());
    // the fresh assignments together get as many as the author's
    assertEquals(2 * QuestionVerifier.DEFAULT_SEEDS, VERIFIER.verify(q).trials());
    assertThrows(IllegalArgumentException.class, () -> new QuestionVerifier(0));
  }

  private static List<String> messages(List<Diagnostic> ds) {
    return ds.stream().map(d -> d.location() + ": " + d.message()).toList();
  }

  @Test
  void theQuestionsEngineErrorIsTheLargestOfItsCrossChecks() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-tally", MATMUL, "dA = dC @ B.T", "dB = A.T @ dC"));
    assertFalse(Double.isNaN(r.engineError()), "the engine was cross-checked in its trials: a number, not NaN");
    for (ClaimResult c : r.answerClaims()) {
      assertTrue(r.engineError() >= c.engineError(), c.engineError() + " > question's " + r.engineError());
    }
  }

  @Test
  void aVacuousProofNamesWhatItIgnoresInTheRightNumber() {
    QuestionResult one = VERIFIER.verify(TestQuestions.choices("q-it", MATMUL,
        List.of(List.of("dA - dA == zeros_like(A)"), List.of("dA = dC")), 1));
    assertTrue(messages(one.problems()).get(0).contains("whatever the values of dA are (\"dA - dA == zeros_like(A)\""
        + " holds as well with it replaced by zeros or by random values)"), messages(one.problems()).get(0));
    QuestionResult two = VERIFIER.verify(TestQuestions.choices("q-them", MATMUL,
        List.of(List.of("sum(dA * 0) == sum(dB * 0)"), List.of("dA = dC")), 1));
    assertTrue(messages(two.problems()).get(0).contains("whatever the values of dA, dB are (\"sum(dA * 0) =="
        + " sum(dB * 0)\" holds as well with them replaced by zeros or by random values)"),
        messages(two.problems()).get(0));
  }

  /**
   * The objective's gradient with respect to itself is where the backward pass starts (1, or the
   * upstream drawn for a non-scalar output), whatever the forward lines compute: a claim that reads
   * only it proves nothing, however it is spelt.
   */
  @Test
  void aClaimAboutTheStartingGradientAloneProvesNothing() {
    Setup scalar = TestQuestions.setup("N=4", "x[N]", "L = sum(x * x)");
    for (String claim : List.of("dL == 1", "dL = 1", "dL > 0", "dL * 2 == 2")) {
      QuestionResult r = VERIFIER.verify(TestQuestions.free("q-seed", scalar, claim));
      assertEquals(1, r.problems().size(), claim + ": " + messages(r.problems()));
      assertTrue(messages(r.problems()).get(0).contains("\"" + claim + "\" reads only dL, the gradient of the "
          + "objective L with respect to itself: the backward pass starts from it"), messages(r.problems()).get(0));
    }
    QuestionResult upstream = VERIFIER.verify(TestQuestions.choices("q-upstream", MATMUL,
        List.of(List.of("sum(dC ** 2) > 0"), List.of("dA = dC")), 1));
    assertTrue(messages(upstream.problems()).get(0).contains("reads only dC, the gradient of the objective C"),
        messages(upstream.problems()).get(0));
  }

  /**
   * The sweep's finding 03: {@code dx != dx + 1} holds whatever dx is, so it proved the wrong key
   * "dx = x"; it is refused at its operator before any trial, as are its spellings.
   */
  @Test
  void anInequalityWhoseSidesDifferByAConstantIsRefused() {
    Setup square = TestQuestions.setup("N=5", "x[N]", "h = x + 1; L = sum(x * x)");
    for (String claim : List.of("dx != dx + 1", "2 * dx - 1 != 2 * dx", "h != x")) {
      Question q = TestQuestions.choices("q-ne", square, List.of(List.of(claim), List.of("dx = 2 * x")), 1);
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q), claim);
      assertTrue(e.getMessage().contains("q-ne: the two sides of '!=' differ only by a constant added to one of"
          + " them (once the forward lines are put in for their names), so that constant, not the values the"
          + " claim reads, decides whether it holds (dx != dx + 1 holds whatever dx is), and it proves nothing"),
          e.getMessage());
    }
  }

  /** Inequalities that rule out a value are the statements "no" choices make, and prove them. */
  @Test
  void anInequalityThatRulesOutAValueStillProves() {
    Setup square = TestQuestions.setup("N=4", "A[N,N] x[N]", "L = sum((A @ x) ** 2)");
    for (String claim : List.of("dA != dA.T", "dA != 0", "dx != 2 * dx", "dx != dx * 2 + 1", "dx != 3 * x")) {
      QuestionResult r = VERIFIER.verify(TestQuestions.choices("q-no", square,
          List.of(List.of(claim), List.of("dx == 3 * x")), 1));
      assertEquals(List.of(), messages(r.problems()), claim);
    }
  }

  /**
   * The sweep's finding 04: a forward line that passes a name on to the objective unchanged makes
   * that name's gradient the starting gradient too, so {@code dL0 == 1} after {@code L = L0} is
   * refused as {@code dL == 1} is; a wrong keyed choice cannot be proven by it.
   */
  @Test
  void anIdentityOnTheObjectivePassesTheStartOn() {
    for (String identity : List.of("L = L0", "L = L0 + 0", "L = 1 * L0", "L = (L0)")) {
      Setup aliased = TestQuestions.setup("N=5", "x[N]", "L0 = sum(x * x); " + identity);
      QuestionResult r = VERIFIER.verify(TestQuestions.choices("q-alias", aliased,
          List.of(List.of("dL0 == 1"), List.of()), 1));
      assertEquals(1, r.problems().size(), identity + ": " + messages(r.problems()));
      assertTrue(messages(r.problems()).get(0).contains("\"dL0 == 1\" reads only dL0, which equals dL, the gradient"
          + " of the objective L with respect to itself, since the forward lines pass L0 on to L unchanged"),
          identity + ": " + messages(r.problems()).get(0));
    }
    Setup upstream = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B; D = C + 0");
    QuestionResult r = VERIFIER.verify(TestQuestions.choices("q-alias-upstream", upstream,
        List.of(List.of("sum(dC ** 2) > 0"), List.of("dA = dC")), 1));
    assertTrue(messages(r.problems()).get(0).contains("reads only dC, which equals dD,"),
        messages(r.problems()).toString());
  }

  /** A scale is no identity: the gradient it passes on is a fact about it, which a question may state. */
  @Test
  void aScaledObjectiveStillLetsAClaimAboutItsPartProve() {
    Setup scaled = TestQuestions.setup("N=5", "x[N]", "L0 = sum(x * x); L = 2 * L0");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-scaled", scaled, "dL0 == 2")).problems());
    Setup summed = TestQuestions.setup("N=5", "x[N]", "L0 = sum(x * x); L = L0 + sum(x)");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-summed", summed, "dL0 == 1")).problems());
    Setup aliased = TestQuestions.setup("N=5", "x[N]", "L0 = sum(x * x); L = L0");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-alias-x", aliased, "dx == 2 * x * dL0")).problems(),
        "a claim that reads dx beside the starting gradient proves");
  }

  @Test
  void aClaimThatReadsTheStartingGradientBesideAnotherValueStillProves() {
    Setup scalar = TestQuestions.setup("N=4", "x[N]", "L = sum(x * x)");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-seed-and-x", scalar, "dx == 2 * x * dL")).problems());
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-dc", MATMUL, "dA = dC @ B.T")).problems());
    Setup twoLines = TestQuestions.setup("N=4", "x[N]", "h = x * x; L = sum(h)");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-dh", twoLines, "dh == ones_like(h)")).problems(),
        "dh is a gradient the backward pass computes, not its start");
  }

  /**
   * With one seed and exact dims a question has a single trial, and its comparisons are still
   * probed for vacuity in it (the probe runs in the first trial, not in "later" ones).
   */
  @Test
  void aQuestionWithOneTrialIsStillProbedForVacuity() {
    Question q = TestQuestions.choices("q-one", TestQuestions.exactDims(MATMUL),
        List.of(List.of("dA - dA == zeros_like(A)"), List.of("dA = dC")), 1);
    QuestionResult r = new QuestionVerifier(1).verify(q);
    assertTrue(messages(r.problems()).stream().anyMatch(m -> m.contains("whatever the values of dA are")),
        messages(r.problems()).toString());
  }
}
