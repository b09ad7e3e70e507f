package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import org.junit.jupiter.api.Test;

/**
 * A class loss whose mean has no row left (every label ignored, or every kept label of weight 0) is
 * named as such, not blamed on an input that "takes values of either sign"; other NaNs keep their
 * message, and a sum over no rows is 0, no failure.
 */
class EmptyMeanTest {

  private static String refusal(String forward, String claim) {
    Question q = TestQuestions.free("q-mean", TestQuestions.setup("B=2 K=2", "z[B,K] y[B]:labels(K)", forward), claim);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new QuestionVerifier().verify(q));
    return e.diagnostics().get(0).format().lines().findFirst().orElseThrow();
  }

  @Test
  void aDrawWhoseEveryLabelIsIgnoredIsNamed() {
    String refusal = refusal("L = cross_entropy(z, y, ignore_index=0)",
        "dz = (softmax(z, axis=1) - one_hot(y, K)) * (y != 0)[:, None] / sum(y != 0)");
    assertTrue(refusal.startsWith("test.yaml:10:9: q-mean: this forward line gives NaN when B = 2, K = 2:"
        + " cross_entropy's mean divides by the summed weights of the rows whose label is not ignore_index=0, and"
        + " every label of this draw is 0 (labels [0, 0]), so it is 0/0 (PyTorch gives NaN too)"), refusal);
    assertTrue(refusal.endsWith("or use reduction='sum'"), refusal);
  }

  @Test
  void keptLabelsThatAllWeighZeroAreNamed() {
    String refusal = refusal("L = nll_loss(log_softmax(z, axis=1), y, weight=eye(K)[1], ignore_index=1,"
        + " reduction='mean')", "dz = softmax(z, axis=1)");
    assertTrue(refusal.contains("nll_loss's mean divides by the summed weights of the rows whose label is not"
        + " ignore_index=1, and every kept label of this draw has weight 0 (labels ["), refusal);
  }

  @Test
  void theSumOverNoRowsIsZeroAndNoFailure() {
    Question q = TestQuestions.free("q-mean", TestQuestions.setup("B=2 K=2", "z[B,K] y[B]:labels(K)",
        "L = cross_entropy(z, y, ignore_index=0, reduction='sum')"),
        "dz = (softmax(z, axis=1) - one_hot(y, K)) * (y != 0)[:, None]");
    assertEquals(Verdict.HOLDS, new QuestionVerifier().verify(q).answerClaims().get(0).verdict());
  }

  @Test
  void anotherNaNKeepsItsMessage() {
    assertTrue(refusal("L = sum(log(z)) + cross_entropy(z, y)", "dz = 1 / z").contains(
        "it is undefined on the drawn inputs (the square root or logarithm of a negative number"));
  }
}
