package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code dist: bernoulli} input: a 0/1 mask drawn from the seed, a constant of the forward
 * lines as a dropout mask is in PyTorch, so its gradient name is an authoring error.
 */
class BernoulliInputTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();

  /** Dropout with p = 0.2: {@code h = x * m / (1 - 0.2)}, the mask keeping each element with 0.8. */
  private static Setup dropout() {
    Setup s = TestQuestions.setup("B=3 H=4", "x[B,H] m[B,H]", "h = x * m / (1 - 0.2)");
    List<InputSpec> inputs = new ArrayList<>(s.inputs());
    InputSpec m = inputs.get(1);
    inputs.set(1, new InputSpec(m.name(), m.shape(), Distribution.BERNOULLI, null, m.location(), null, 0.8));
    return new Setup(s.dims(), s.dimLocations(), inputs, s.forward(), s.location());
  }

  @Test
  void theMaskIsZeroOrOneWithProbabilityPDeterministicFromTheSeed() {
    double[] a = new Rng(7).bernoulli(0.8, 100_000).toArray();
    assertArrayEquals(a, new Rng(7).bernoulli(0.8, 100_000).toArray());
    double ones = 0;
    for (double v : a) {
      assertTrue(v == 0.0 || v == 1.0, "only 0 and 1: " + v);
      ones += v;
    }
    // 5 standard deviations of a binomial(1e5, 0.8) mean: sqrt(1e5 * 0.8 * 0.2) = 126
    assertEquals(80_000, ones, 5 * 126.5);
    assertThrows(IllegalArgumentException.class, () -> new Rng(7).bernoulli(1.0, 3));
    assertThrows(IllegalArgumentException.class, () -> new Rng(7).bernoulli(0.0, 3));
  }

  @Test
  void dropoutsGradientHolds() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-dropout", dropout(), "dx = dh * m / (1 - 0.2)",
        "dx = dh * m / 0.8", "dx = dh", "dx = dh * m", "dx = dh / (1 - 0.2)"));
    List<Verdict> verdicts = r.answerClaims().stream().map(ClaimResult::verdict).toList();
    assertEquals(List.of(Verdict.HOLDS, Verdict.HOLDS, Verdict.FALSE, Verdict.FALSE, Verdict.FALSE), verdicts);
  }

  @Test
  void theMaskHasNoGradient() {
    List<String> errors = new CompiledQuestion(TestQuestions.free("q-dropout", dropout(), "dm = dh * x / 0.8",
        "sum(dm) == 0")).errors.stream().map(Diagnostic::message).toList();
    String why = "'m' is a 0/1 mask (dist: bernoulli), which has no gradient: a dropout mask is a constant of the"
        + " forward lines, as in PyTorch, so 'dm' does not exist; claim the gradients of the inputs the mask"
        + " multiplies";
    assertEquals(List.of(why, why), errors.stream().map(e -> e.substring(e.indexOf('\'')).strip()).toList());
  }

  @Test
  void theMaskIsNoFloatInputOfTheExperiments() {
    Setup s = dropout();
    List<InputSpec> reversed = new ArrayList<>(s.inputs());
    java.util.Collections.reverse(reversed);
    Setup maskFirst = new Setup(s.dims(), s.dimLocations(), reversed, s.forward(), s.location());
    assertEquals("x", new CompiledQuestion(TestQuestions.free("q-dropout", maskFirst, "fd_order(central) ~ 2"))
        .firstFloatInput().name());
  }
}
