package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.gradproof.claim.Line;
import io.github.gradproof.quiz.Question;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cones of {@link ClaimJudge#trialScale}, found once per question: what each claim's line gets
 * is its own cone, found again only when the names that have gradients change.
 */
class ScaleConeTest {

  private static final Question QUESTION = TestQuestions.free("q-cone", TestQuestions.exactDims(
      TestQuestions.setup("N=3", "x[N] w[N]", "h = x * w; L = sum(h)")), "dx == w", "sum(h) < 1000");

  @Test
  void eachLineFindsItsConeOnceAndKeepsIt() {
    CompiledQuestion cq = new CompiledQuestion(QUESTION);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(QUESTION.id(), 0));
    Line gradientClaim = cq.allClaims().get(0).line();
    Line valueClaim = cq.allClaims().get(1).line();
    ClaimJudge.ScaleCone gradients = trial.scaleCone(gradientClaim);
    ClaimJudge.ScaleCone values = trial.scaleCone(valueClaim);
    assertEquals(new ClaimJudge.ScaleCone(List.of("x", "h"), true), gradients);
    assertEquals(new ClaimJudge.ScaleCone(List.of("h", "x", "w"), false), values);
    Trial another = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(QUESTION.id(), 1));
    assertSame(gradients, another.scaleCone(gradientClaim));
    assertSame(values, another.scaleCone(valueClaim));
  }

  @Test
  void otherNamesWithGradientsFindTheConeAgain() {
    CompiledQuestion cq = new CompiledQuestion(QUESTION);
    Line line = cq.allClaims().get(0).line();
    ClaimJudge.ScaleCone first = new ClaimJudge.ScaleCone(List.of("x"), true);
    ClaimJudge.ScaleCone second = new ClaimJudge.ScaleCone(List.of("w"), true);
    assertSame(first, cq.scaleCone(line, Set.of("x", "w"), () -> first));
    assertSame(first, cq.scaleCone(line, Set.of("w", "x"), () -> second));
    assertSame(second, cq.scaleCone(line, Set.of("x"), () -> second));
  }
}
