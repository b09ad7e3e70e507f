package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.quiz.Setup;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.TestQuestions;
import io.github.gradproof.verify.Verdict;
import org.junit.jupiter.api.Test;

/**
 * {@code a ** b} in claims and forward lines, where the evaluator takes a shortcut for a constant
 * one-element exponent (found unpinned by mutation testing, docs/MUTANTS.md): an exponent of many
 * elements is applied elementwise, one of higher rank than the base broadcasts the result to its
 * shape, and an exponent computed from an input still gets its gradient.
 */
class PowerTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(2);

  private static Verdict verdict(Setup setup, String claim) {
    ClaimResult r = VERIFIER.verify(TestQuestions.free("q-power", setup, claim)).answerClaims().get(0);
    return r.verdict();
  }

  @Test
  void anExponentOfManyElementsAppliesElementwise() {
    Setup setup = TestQuestions.setup("N=5", "x[N]:positive", "L = sum(x)");
    // 2 ** [0, 1, 2, ...] = [1, 2, 4, ...], computed another way
    assertEquals(Verdict.HOLDS, verdict(setup, "(x * 0 + 2) ** arange(N) == exp(arange(N) * log(2))"));
    assertEquals(Verdict.FALSE, verdict(setup, "(x * 0 + 2) ** arange(N) == ones_like(x)"));
  }

  @Test
  void aOneElementExponentOfHigherRankBroadcastsTheResult() {
    Setup setup = TestQuestions.setup("N=5", "x[N]:positive", "L = sum(x)");
    assertEquals(Verdict.HOLDS, verdict(setup, "(sum(x) ** x[0:1]).shape == (1,)"));
    assertEquals(Verdict.HOLDS, verdict(setup, "(sum(x) ** x[0]).shape == ()"));
  }

  /** {@code L = 2 ** s} with {@code s = 0.1·sum(x)}: {@code dL/dx = 2^s · ln 2 · 0.1} in every element. */
  @Test
  void anExponentComputedFromAnInputGetsItsGradient() {
    Setup setup = TestQuestions.setup("N=4", "x[N]", "s = 0.1 * sum(x); L = 2 ** s");
    assertEquals(Verdict.HOLDS, verdict(setup, "dx = exp(s * log(2)) * log(2) * 0.1 * ones_like(x)"));
    assertEquals(Verdict.HOLDS, verdict(setup, "ds = exp(s * log(2)) * log(2)"));
  }
}
