package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A NaN gradient that a forward line's discarded values cause (the where/NaN trap, PyTorch's too) is an
 * authoring error at that line, never a failure of the engine; a NaN-free question is unaffected.
 */
class NanGradientTest {

  /** Verifies {@code forward} with the claim; expects one problem, located at forward line {@code line}. */
  private static String errorAt(int line, String id, String forward, String claim) {
    Question q = TestQuestions.free(id, TestQuestions.setup("N=6", "x[N]", forward), claim);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new QuestionVerifier().verify(q));
    assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(10 + line, d.location().line(), d.format());
    assertTrue(!d.message().contains("engine is wrong"), d.message());
    return d.message();
  }

  /** where(x > 0, sqrt(x), 0): sqrt(x) is NaN where x < 0, and where's 0 times its NaN slope is NaN. */
  @Test
  void aDiscardedNanBranchOfWhereIsAnErrorAtItsLine() {
    String m = errorAt(0, "q-nan", "y = where(x > 0, sqrt(x), 0); L = sum(y)", "dx = (x > 0) / (2 * sqrt(abs(x)))");
    assertTrue(m.startsWith("q-nan: the gradient dx is NaN at index ["), m);
    assertTrue(m.contains("this line is where it arises"), m);
  }

  /** sqrt(h * (h > 0)): the mask multiplies sqrt's infinite slope at 0 by 0 (NaN in PyTorch too). */
  @Test
  void aMaskTimesAnInfiniteSlopeIsAnErrorAtItsLine() {
    String m = errorAt(1, "q-mask", "h = 2 * x; L = sum(sqrt(h * (h > 0)))", "dx = (x > 0) / sqrt(2 * abs(x))");
    assertTrue(m.startsWith("q-mask: the gradient dx is NaN"), m);
  }

  @Test
  void aSelectingOpLeavesNoNanAndTheClaimHolds() {
    Question q = TestQuestions.free("q-relu", TestQuestions.setup("N=6", "x[N]", "L = sum(sqrt(relu(x)))"),
        "dx = (x > 0) / (2 * sqrt(abs(x)))");
    QuestionResult r = new QuestionVerifier().verify(q);
    assertEquals(List.of(), r.problems());
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
  }
}
