package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code x.detach()} in a forward line: no gradient flows through it, as in PyTorch, and the engine's
 * check against central differences holds the detached value at its trial's value, so it measures
 * the slope the gradient describes (moving the detached path too would measure {@code 2 x}).
 */
class DetachTest {

  @Test
  void aDetachedFactorIsAConstantForTheGradientAndForTheEngineCheck() {
    Question q = TestQuestions.free("q-detach", TestQuestions.setup("N=5", "x[N]", "y = x.detach() * x; L = sum(y)"),
        "dx = x");
    QuestionResult r = new QuestionVerifier().verify(q);
    assertEquals(List.of(), r.problems());
    assertTrue(r.engineTrials() > 0, "the engine was checked");
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
  }

  @Test
  void theSlopeThroughTheDetachedPathIsNotTheGradient() {
    Question q = TestQuestions.free("q-detach-wrong",
        TestQuestions.setup("N=5", "x[N]", "y = x.detach() * x; L = sum(y)"), "dx = 2 * x");
    QuestionResult r = new QuestionVerifier().verify(q);
    assertTrue(r.problems().stream().noneMatch(p -> p.message().contains("engine")), r.problems().toString());
    assertEquals(Verdict.FALSE, r.answerClaims().get(0).verdict());
  }

  /** In a claim, detach is the value: {@code dx.detach()} is {@code dx}. */
  @Test
  void inAClaimDetachIsTheValue() {
    Question q = TestQuestions.free("q-detach-claim", TestQuestions.setup("N=5", "x[N]", "L = sum(x * x)"),
        "dx.detach() == 2 * x.detach()");
    assertEquals(Verdict.HOLDS, new QuestionVerifier().verify(q).answerClaims().get(0).verdict());
  }
}
