package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sweep's findings 06 and 07 (/tmp/sweep, phases 27, 28, 30 and 36): a forward program that is
 * undefined at a perturbed value (a probability of 1 moved past 1) leaves that point out of the engine
 * check instead of crashing without a location; where torch's gradient is a rule rather than the slope
 * (a norm floored at eps, a probability whose {@code p (1 - p)} is floored at 1e-12) the engine is not
 * blamed for it; and a failure nobody foresaw still names its question.
 */
class EngineRegimesTest {

  private static QuestionResult verify(Question q) {
    return new QuestionVerifier().verify(q);
  }

  private static void holdsWithoutProblems(QuestionResult r) {
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict(), r.toString());
    assertEquals(List.of(), r.problems());
  }

  /** Finding 06: a rounding probe moved {@code sigmoid(30 x) = 1.0} by 2^-44, past 1. */
  @Test
  void aRoundingProbePastOneIsNoCrashAndTheClaimThatLeavesOutTheTargetsPathIsFalse() {
    QuestionResult r = verify(TestQuestions.free("s-bce", TestQuestions.setup("N=6", "x[N]",
        "L = binary_cross_entropy(sigmoid(30 * x), sigmoid(x))"), "dx = 30 * (sigmoid(30 * x) - sigmoid(x)) / N"));
    // the target sigmoid(x) depends on x too: torch adds sigmoid'(x) (log(1 - q) - log q) / N
    assertEquals(Verdict.FALSE, r.answerClaims().get(0).verdict());
    assertEquals(1, r.problems().size(), r.problems().toString());
    assertTrue(r.problems().get(0).message().contains("but it is false"), r.problems().toString());
  }

  /** Finding 06b: the finite-difference step moved the forward name {@code p = sigmoid(40 x)} past 1. */
  @Test
  void aStepOfAProbabilityPastOneIsNoCrash() {
    holdsWithoutProblems(verify(TestQuestions.free("q-30-01", TestQuestions.setup("N=6", "x[N] t[N]:uniform",
        "p = sigmoid(40 * x); L = binary_cross_entropy(p, (t + 1) / 2)"),
        "dp = (p - (t + 1) / 2) / maximum(p * (1 - p), 1e-12) / N")));
  }

  /** Finding 07: cosine similarity with a norm below eps; PyTorch's rule, not the floored function's slope. */
  @Test
  void aCosineNormBelowEpsIsNotBlamedOnTheEngine() {
    String floored = "maximum(norm(1e-9 * b, axis=1, keepdims=True), 1e-8)";
    holdsWithoutProblems(verify(TestQuestions.free("q-36-01", TestQuestions.setup("B=2 D=4", "a[B,D] b[B,D]",
        "c = cosine_similarity(a, 1e-9 * b)"),
        "db = 1e-9 * dc[:, None] * (a - 1e-9 * b * sum(a * 1e-9 * b, axis=1, keepdims=True) / " + floored
            + " ** 2) / (norm(a, axis=1, keepdims=True) * " + floored + ")")));
  }

  /** Finding 07b: binary cross-entropy of a saturated sigmoid, whose loss is a staircase of rounding. */
  @Test
  void aProbabilityWithinTheFloorOfOneIsNotBlamedOnTheEngine() {
    holdsWithoutProblems(verify(TestQuestions.free("q-27-01", TestQuestions.setup("N=6", "x[N] t[N]:uniform",
        "s = sigmoid(30 * x); L = binary_cross_entropy(s, (t + 1) / 2)"),
        "dx = 30 * s * (1 - s) * (s - (t + 1) / 2) / maximum(s * (1 - s), 1e-12) / N")));
  }

  /**
   * The objective re-run at a value where a forward line is undefined is NaN (no evidence), and the
   * engine check leaves that element out and compares the other.
   */
  @Test
  void anUndefinedReRunIsNaNAndItsPointIsSkipped() {
    Question q = TestQuestions.free("q-step", TestQuestions.setup("N=2", "p[N] t[N]:uniform",
        "L = binary_cross_entropy(p, (t + 1) / 2)"), "dp = (p - (t + 1) / 2) / maximum(p * (1 - p), 1e-12) / N");
    CompiledQuestion cq = new CompiledQuestion(q);
    Tensor p = Tensor.of(new double[] {1 - 1e-7, 0.4}, 2);
    Trial trial = new Trial(cq, Map.of("N", 2), Seeds.of(q.id(), 0), Map.of("p", p));
    assertTrue(Double.isNaN(trial.objective(0, "p", Tensor.of(new double[] {1 + 1e-7, 0.4}, 2))));
    assertTrue(Double.isFinite(trial.objective(0, "p", p)));
    GradCheckResult r = trial.check("p", GradCheck::check);
    assertEquals(1, r.skipped(), r.toString());
    assertTrue(r.passed(), r.toString());
  }

  /**
   * {@code fd_order}'s experiment steps up to 0.1 along a direction: a probability of 0.95 then leaves
   * [0, 1] at the largest steps, which are left out of the fit (NaN), and the smaller ones still fit
   * central differences' order 2.
   */
  @Test
  void anExperimentsStepOutsideTheDomainIsLeftOutOfTheFit() {
    Question q = TestQuestions.free("q-fd", TestQuestions.setup("N=3", "p[N] t[N]:uniform",
        "L = binary_cross_entropy(p, (t + 1) / 2)"), "fd_order(central) ~ 2");
    CompiledQuestion cq = new CompiledQuestion(q);
    Tensor p = Tensor.of(new double[] {0.95, 0.5, 0.3}, 3);
    Trial trial = new Trial(cq, Map.of("N", 3), Seeds.of(q.id(), 0), Map.of("p", p));
    ConvergenceExperiment e = FiniteDifferenceExperiment.run(trial, "p", 7, 6);
    assertTrue(e.centralErrors().stream().anyMatch(v -> Double.isNaN(v)), e.toString());
    assertEquals(2, e.centralOrder(), 0.1, e.toString());
  }

  /** An exception nobody foresaw becomes an authoring error at the question, naming it, not a bare crash. */
  @Test
  void anUnexpectedFailureIsLocatedAtItsQuestion() {
    EngineCheck broken = (f, x, g) -> {
      throw new IllegalStateException("an engine check that breaks");
    };
    Question q = TestQuestions.free("q-broken", TestQuestions.setup("N=3", "x[N]", "L = sum(x * x)"), "dx = 2 * x");
    Phase phase = new Phase("test.yaml", 1, "broken", TestQuestions.text(), TestQuestions.text(), List.of(q));
    PhaseVerifier verifier = new PhaseVerifier(new QuestionVerifier(2, broken), new NumericVerifier(),
        WorkLimits.DEFAULT);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> verifier.verify(phase));
    assertEquals(1, e.diagnostics().size());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(q.location(), d.location());
    assertTrue(d.message().startsWith("q-broken: verifying this question failed unexpectedly "
        + "(java.lang.IllegalStateException: an engine check that breaks at "), d.message());
  }
}
