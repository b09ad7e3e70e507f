package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Setup;
import org.junit.jupiter.api.Test;

/**
 * Edges of {@link ClaimJudge} found by mutation testing (docs/MUTANTS.md): {@code !=} between
 * tensors of different shapes, and the multi-index a failure names in a tensor of rank 2 and 3.
 */
class JudgeEdgesTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(2);

  private static ClaimResult claim(Setup setup, String claim) {
    return VERIFIER.verify(TestQuestions.free("q-edges", setup, claim)).answerClaims().get(0);
  }

  /**
   * Tensors of different shapes are unequal whatever their values: {@code !=} holds and {@code ==}
   * fails with a shape mismatch (the dims stay different at fresh sizes: N and M are drawn apart).
   */
  @Test
  void tensorsOfDifferentShapesAreUnequal() {
    Setup setup = TestQuestions.exactDims(TestQuestions.setup("N=3 M=4", "x[N] w[M]", "L = sum(x) + sum(w)"));
    ClaimResult ne = claim(setup, "x != w");
    assertEquals(Verdict.HOLDS, ne.verdict());
    assertEquals(null, ne.reason());
    ClaimResult eq = claim(setup, "x == w");
    assertEquals(Verdict.FALSE, eq.verdict());
    assertTrue(eq.reason() instanceof Reason.ShapeMismatch, String.valueOf(eq.reason()));
  }

  /**
   * A gradient claim wrong at one element of a 3×4 gradient names that element: flat index 5 is
   * row 1, column 1 (5 = 1·4 + 1); flat index 7 would not tell a wrong carry apart (7 = 1·4 + 3,
   * but also 28 mod 3 = 1).
   */
  @Test
  void aFalseGradientNamesItsRowAndColumn() {
    Setup matrix = TestQuestions.setup("R=3 C=4", "x[R,C]", "L = sum(x * x)");
    ClaimResult c = claim(TestQuestions.exactDims(matrix), "dx = 2 * x + 0.5 * (arange(R * C).reshape(R, C) == 5)");
    assertEquals(Verdict.FALSE, c.verdict());
    String why = Reasons.english(c.reason());
    assertTrue(why.contains("[1, 1]"), why);
  }

  /** Row-major multi-indices, worked by hand: 23 = 1·12 + 2·4 + 3 in a 2×3×4 tensor. */
  @Test
  void flatIndicesUnravelRowMajor() {
    assertArrayEquals(new int[] {1, 2, 3}, ClaimJudge.index(new int[] {2, 3, 4}, 23));
    assertArrayEquals(new int[] {0, 1, 0}, ClaimJudge.index(new int[] {2, 3, 4}, 4));
    assertArrayEquals(new int[] {1, 0, 1}, ClaimJudge.index(new int[] {2, 3, 4}, 13));
    assertArrayEquals(new int[] {2, 1}, ClaimJudge.index(new int[] {3, 4}, 9));
    assertArrayEquals(new int[] {}, ClaimJudge.index(new int[] {}, 0));
  }

  /**
   * A claim on values only is judged at the scale of the values it is computed from: the largest
   * magnitude of every input and forward value in its cone ({@code x} alone for {@code x * 0 == 0};
   * {@code f} and {@code x} for {@code f == sum(x * x)}).
   */
  @Test
  void aValueClaimTakesTheScaleOfTheValuesItReads() {
    io.github.gradproof.quiz.Question q = TestQuestions.free("q-scale", TestQuestions.exactDims(
        TestQuestions.setup("N=4", "x[N]", "f = sum(x * x)")), "x * 0 == 0", "f == sum(x * x) + 0");
    CompiledQuestion cq = new CompiledQuestion(q);
    assertEquals(java.util.List.of(), cq.errors);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    double x = Closeness.scale(trial.value("x").toArray());
    double f = Math.abs(trial.value("f").item());
    assertTrue(x > 0, "x is drawn from a normal distribution");
    assertEquals(x, ClaimJudge.trialScale(cq.allClaims().get(0).line(), trial));
    assertEquals(Math.max(x, f), ClaimJudge.trialScale(cq.allClaims().get(1).line(), trial));
  }

  /**
   * The scales a trial remembers belong to its tensors, not to names: a value put in the trial's
   * environment for a while (a probe of {@link Vacuity}) is judged at its own scale, and the
   * trial's own value at its own again once it is back.
   */
  @Test
  void aProbeValueHasAScaleOfItsOwn() {
    io.github.gradproof.quiz.Question q = TestQuestions.free("q-probe", TestQuestions.exactDims(
        TestQuestions.setup("N=4", "x[N]", "f = sum(x * x)")), "x * 0 == 0");
    CompiledQuestion cq = new CompiledQuestion(q);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    io.github.gradproof.claim.Line line = cq.allClaims().get(0).line();
    double own = ClaimJudge.trialScale(line, trial);
    io.github.gradproof.claim.Value saved = trial.env.get("x");
    trial.env.put("x", io.github.gradproof.claim.Value.constant(
        io.github.gradproof.autograd.Tensor.vector(0, -1000, 3, 2)));
    assertEquals(1000, ClaimJudge.trialScale(line, trial));
    trial.env.put("x", saved);
    assertEquals(own, ClaimJudge.trialScale(line, trial));
    assertTrue(own < 1000, "a normal draw of 4 values");
  }
}
