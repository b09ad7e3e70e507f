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
 * The sweep's finding 06 (phases 28 and 30): a forward program that is undefined at a perturbed value
 * (a probability of 1 moved past 1) leaves that point out of the engine check instead of crashing
 * without a location; and a failure nobody foresaw still names its question.
 */
class EngineRegimesTest {

  private static QuestionResult verify(Question q) {
    return new QuestionVerifier().verify(q);
  }

  private static void holdsWithoutProblems(QuestionResult r) {
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict(), r.toString());
    assertEquals(List.of(), r.problems());
  }

  /** Finding 06b: the finite-difference step moved the forward name {@code p = sigmoid(40 x)} past 1. */
  @Test
  void aStepOfAProbabilityPastOneIsNoCrash() {
    holdsWithoutProblems(verify(TestQuestions.free("q-30-01", TestQuestions.setup("N=6", "x[N] t[N]:uniform",
        "p = sigmoid(40 * x); L = binary_cross_entropy(p, (t + 1) / 2)"),
        "dp = (p - (t + 1) / 2) / maximum(p * (1 - p), 1e-12) / N")));
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
