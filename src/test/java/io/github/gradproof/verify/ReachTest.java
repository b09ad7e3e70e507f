package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.KinkRecorder;
import io.github.gradproof.quiz.Question;
import org.junit.jupiter.api.Test;

/**
 * Branches the usual draws never reach: a claim false only beyond a clip's bound or a Huber loss's
 * delta, which normal inputs almost never cross, is tried on widened draws and refused there; a
 * true claim holds there too; a question whose draws reach every branch gets no widened trial.
 */
class ReachTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();

  private static QuestionResult verify(String dims, String inputs, String forward, String claim) {
    Question q = TestQuestions.free("q-reach", TestQuestions.setup(dims, inputs, forward), claim);
    return VERIFIER.verify(q);
  }

  /** Trials of a question without branches at these dims: the usual count, the baseline. */
  private static int usualTrials() {
    return verify("N=6", "x[N]", "y = 2 * x", "dx = 2 * dy").trials();
  }

  /**
   * The sweep's claim with a clip of its own: {@code a - t} of two normal inputs passes ±5 in about 4 %
   * of the questions' usual draws, so only the claim's own branch says a side was never tried.
   */
  @Test
  void aClaimsOwnClipThatTheDrawsNeverReachIsTriedOnWidenedDraws() {
    QuestionResult r = verify("N=5", "a[N] t[N]", "L = mse_loss(a, t)", "da = 2 * clip(a - t, -5, 5) / N");
    ClaimResult c = r.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    assertInstanceOf(Reason.Widened.class, c.reason());
    assertEquals(Verdict.HOLDS, verify("N=5", "a[N] t[N]", "L = mse_loss(a, t)", "da = 2 * (a - t) / N")
        .answerClaims().get(0).verdict());
  }

  @Test
  void aClaimsOwnMaskThatIsAlwaysTrueIsTriedOnWidenedDraws() {
    ClaimResult c = verify("N=6", "x[N]", "y = 3 * x", "dx = 3 * dy * (abs(x) < 6)").answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    assertInstanceOf(Reason.Widened.class, c.reason());
  }

  /**
   * The sweep's uniform input: {@code clip(10 * u, -9.99, 9.99)} clips only where |u| ≥ 0.999, once
   * in a thousand elements; the widened trials draw the bounded inputs near the ends of their range.
   */
  @Test
  void aBranchNearTheEndOfAUniformRangeIsTriedOnDrawsNearTheEnds() {
    ClaimResult wrong = verify("N=6", "u[N]:uniform", "y = clip(10 * u, -9.99, 9.99)", "du = 10 * dy")
        .answerClaims().get(0);
    assertEquals(Verdict.FALSE, wrong.verdict());
    Reason.Widened why = assertInstanceOf(Reason.Widened.class, wrong.reason());
    assertEquals(Reason.Widened.Moved.BOUNDED, why.moved());
    assertEquals(Verdict.HOLDS, verify("N=6", "u[N]:uniform", "y = clip(10 * u, -9.99, 9.99)",
        "du = 10 * dy * (abs(10 * u) < 9.99)").answerClaims().get(0).verdict());
  }

  @Test
  void aWidenedDrawOfAPositiveInputStaysInItsRange() {
    ClaimResult wrong = verify("N=6", "p[N]:positive", "y = clip(p, 0.5005, 1.999)", "dp = dy")
        .answerClaims().get(0);
    assertEquals(Verdict.FALSE, wrong.verdict());
    assertEquals(Verdict.HOLDS, verify("N=6", "p[N]:positive", "y = sqrt(p - 0.5)",
        "dp = dy / (2 * sqrt(p - 0.5))").answerClaims().get(0).verdict());
  }

  @Test
  void aClaimWhoseOwnBranchesAreAllReachedGetsNoWidenedTrial() {
    QuestionResult r = verify("N=6", "x[N]", "y = 2 * x", "dx = 2 * dy * ((x > 0) + (x <= 0))");
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
    assertEquals(usualTrials(), r.trials());
  }

  @Test
  void aClaimFalseOnlyBeyondAClipsBoundIsRefusedOnWidenedDraws() {
    QuestionResult r = verify("N=6", "x[N]", "y = clip(x, -5, 5)", "dx = dy");
    ClaimResult c = r.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    Reason.Widened why = assertInstanceOf(Reason.Widened.class, c.reason());
    assertTrue(why.widen() > 1);
    assertEquals(usualTrials() + QuestionVerifier.WIDENINGS.length, r.trials());
  }

  @Test
  void theTrueGradientOfAClipHoldsOnWidenedDrawsToo() {
    QuestionResult r = verify("N=6", "x[N]", "y = clip(x, -5, 5)", "dx = dy * (abs(x) < 5)");
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict(), String.valueOf(r.answerClaims().get(0).reason()));
  }

  @Test
  void aHuberGradientThatForgetsItsDeltaIsRefused() {
    assertEquals(Verdict.FALSE, verify("N=6", "a[N] t[N]", "L = huber_loss(a, t, delta=4.0)", "da = (a - t) / N")
        .answerClaims().get(0).verdict());
    assertEquals(Verdict.HOLDS, verify("N=6", "a[N] t[N]", "L = huber_loss(a, t, delta=4.0)",
        "da = clip(a - t, -4, 4) / N").answerClaims().get(0).verdict());
  }

  @Test
  void drawsThatReachEveryBranchGetNoWidenedTrial() {
    QuestionResult r = verify("N=6", "x[N]", "y = relu(x)", "dx = dy * (x > 0)");
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
    assertEquals(usualTrials(), r.trials());
  }

  @Test
  void aBranchBeyondABoundedRangeStaysUntried() {
    // positive inputs lie in [0.5, 2): drawn near its ends they still never reach -5 or 50.
    QuestionResult r = verify("N=6", "x[N]:positive", "y = clip(x, -5, 50)", "dx = dy");
    assertEquals(usualTrials() + QuestionVerifier.WIDENINGS.length, r.trials());
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
  }


  @Test
  void aWidenedDrawThatOverflowsIsNoEvidenceAndNoError() {
    // exp(12 * x) overflows on the widest draw: that trial is skipped, the others judge the claim.
    QuestionResult r = verify("N=6", "x[N]", "y = clip(x, -5, 5) + exp(12 * x)",
        "dx = dy * (abs(x) < 5) + 12 * exp(12 * x) * dy");
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict(), String.valueOf(r.answerClaims().get(0).reason()));
    assertTrue(r.trials() > usualTrials() && r.trials() < usualTrials() + QuestionVerifier.WIDENINGS.length + 1);
  }

  @Test
  void aRecorderNotesTheSidesEachBranchTook() {
    KinkRecorder k = KinkRecorder.reaching();
    io.github.gradproof.autograd.Var x = io.github.gradproof.autograd.Var.probed(
        io.github.gradproof.autograd.Tensor.of(new double[] {1, -1, 0}, new int[] {3}), true, null, k);
    x.relu();
    io.github.gradproof.autograd.Var y = io.github.gradproof.autograd.Var.probed(
        io.github.gradproof.autograd.Tensor.of(new double[] {2, 3}, new int[] {2}), true, null, k);
    y.relu();
    assertEquals(java.util.List.of(KinkRecorder.ONE_SIDE | KinkRecorder.OTHER_SIDE, KinkRecorder.ONE_SIDE),
        java.util.Arrays.stream(k.reached()).boxed().toList());
    Reach reach = new Reach();
    reach.add(k.reached());
    assertFalse(reach.complete());
    reach.add(new int[] {0, KinkRecorder.OTHER_SIDE});
    assertTrue(reach.complete());
    assertEquals(0, new KinkRecorder().reached().length, "a plain recorder notes no sides");
  }
}
