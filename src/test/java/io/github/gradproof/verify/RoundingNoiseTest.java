package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The floors of the claim-vs-engine tolerance are capped by each element's measured rounding noise
 * ({@link Trial#probe}): a gradient that is tiny but computed accurately is not "zero within
 * rounding" because another gradient of the trial is large, while a gradient that is zero
 * mathematically but computed with roundoff still equals zero.
 */
class RoundingNoiseTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();

  /** Confident logits: {@code dp = -1/p} reaches 1e49 beside a {@code dz} of size 4. */
  private static final Setup CONFIDENT = TestQuestions.setup("B=8 K=10", "z[B,K] y[B]:labels(K)",
      "p = softmax(30 * z, dim=1); L = -mean(log(p[arange(B), y]))");
  /** A saturated sigmoid on its own line: the true {@code dx} is about 1e-13, {@code dh} about 1. */
  private static final Setup SATURATED = TestQuestions.setup("N=6", "x[N] c[N]", "h = sigmoid(x - 30); L = sum(h * c)");
  /** An intermediate 10^12 times smaller than its gradient's scale. */
  private static final Setup SMALL = TestQuestions.setup("N=6", "x[N] c[N]", "h = x * 1e-12; L = sum(h * c)");
  /** Rows of a softmax's gradient sum to zero, computed with roundoff. */
  private static final Setup SOFTMAX = TestQuestions.setup("B=4 K=5", "z[B,K] c[B,K]",
      "p = softmax(z, dim=1); L = sum(p * c)");

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CONFIDENT | dz = 30 * (p - one_hot(y, K)) / B    | HOLDS",
      "CONFIDENT | dz = zeros_like(z)                   | FALSE",
      "CONFIDENT | dz = -30 * (p - one_hot(y, K)) / B   | FALSE",
      "CONFIDENT | dz = (p - one_hot(y, K)) / B         | FALSE",
      "SATURATED | dx = c * h * (1 - h)                 | HOLDS",
      "SATURATED | dx = zeros_like(x)                   | FALSE",
      "SATURATED | dx != zeros_like(x)                  | HOLDS",
      "SATURATED | dx == zeros_like(x)                  | FALSE",
      "SMALL     | dx = 1e-12 * c                       | HOLDS",
      "SMALL     | dx = 2e-12 * c                       | FALSE",
      "SMALL     | dx = zeros_like(x)                   | FALSE",
      "SMALL     | dc = 1e-12 * x                       | HOLDS",
      "SMALL     | dc = 1.00001e-12 * x                 | FALSE",
      "SOFTMAX   | sum(dz, axis=1) == 0                 | HOLDS",
      "SOFTMAX   | sum(dz, axis=1) == zeros_like(z[:, 0]) | HOLDS",
      "SOFTMAX   | dz = p * (c - sum(p * c, axis=1, keepdims=True)) | HOLDS",
      "SOFTMAX   | sum(dz, axis=1) != 0                 | FALSE",
  })
  void aVerdictFollowsTheRoundingOfItsOwnValues(String setup, String claim, Verdict expected) {
    Setup s = switch (setup) {
      case "CONFIDENT" -> CONFIDENT;
      case "SATURATED" -> SATURATED;
      case "SMALL" -> SMALL;
      default -> SOFTMAX;
    };
    Question q = TestQuestions.free("q-noise", s, claim);
    List<Verdict> verdicts = VERIFIER.verify(q).answerClaims().stream().map(ClaimResult::verdict).toList();
    assertEquals(List.of(expected), verdicts, claim);
  }

  /** A mathematical zero computed with roundoff still equals zero (docs/CLAIMS.md, "Tolerances"). */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p = softmax(z, dim=1); L = sum(p)     | dz = zeros_like(z)",
      "p = softmax(z, dim=1); L = sum(p * 3) | dz = zeros_like(z)",
      "p = softmax(z, dim=1); L = sum(p)     | sum(dz, axis=1) == 0",
  })
  void aZeroComputedWithRoundoffStillHolds(String forward, String claim) {
    Question q = TestQuestions.free("q-zero", TestQuestions.setup("B=4 K=5", "z[B,K]", forward), claim);
    assertEquals(Verdict.HOLDS, VERIFIER.verify(q).answerClaims().get(0).verdict(), claim);
  }

  /**
   * A zero computed with roundoff whose whole cone is that roundoff: in one line, the trial's scale
   * is the roundoff itself, and only the measured noise (up to the ceiling of the objective's own
   * gradient) tells it from a small true gradient. The wrong claims are one decade inside the
   * ceiling (1e-10 of the objective's gradient) and beyond 1e4 roundoffs of the terms; a true
   * gradient of 1e-13, computed accurately, is not zero, although it is inside the ceiling.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1))          | dz = zeros_like(z)            | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1) * 3)      | dz = zeros_like(z)            | HOLDS",
      "B=64 K=100 | z[B,K] | L = sum(softmax(z, dim=1))          | dz = zeros_like(z)            | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(exp(log_softmax(z, dim=1))) | dz = zeros_like(z)            | HOLDS",
      "B=4 D=6    | x[B,D] | L = sum(layer_norm(x, (D,)))        | dx = zeros_like(x)            | HOLDS",
      "B=32 D=64  | x[B,D] | L = sum(layer_norm(x, (D,)) * 2)    | dx = zeros_like(x)            | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1))          | dz = 1e-15 * ones_like(z)     | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1))          | dz = 1e-11 * ones_like(z)     | FALSE",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1))          | sum(dz, axis=1) == 0          | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1))          | sum(dz, axis=1) != 0          | FALSE",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1)) * 1e-9   | dz = zeros_like(z)            | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1)) * 1e-9   | dz = 1e-24 * ones_like(z)     | HOLDS",
      "B=4 K=5    | z[B,K] | L = sum(softmax(z, dim=1)) * 1e-9   | dz = 1e-20 * ones_like(z)     | FALSE",
      "N=6        | x[N]   | L = sum(sigmoid(x - 30))            | dx = zeros_like(x)            | FALSE",
      "N=6        | x[N]   | L = sum(sigmoid(x - 30))            | dx = sigmoid(x - 30) * (1 - sigmoid(x - 30)) | HOLDS",
  })
  void aZeroInOneLineHoldsByItsMeasuredRounding(String dims, String inputs, String forward, String claim,
      Verdict expected) {
    Question q = TestQuestions.free("q-one-line", TestQuestions.setup(dims, inputs, forward), claim);
    assertEquals(expected, VERIFIER.verify(q).answerClaims().get(0).verdict(), forward + " | " + claim);
  }

  /**
   * Where a probe crosses a branch, its change is a jump, not rounding, and widens nothing: at a tie
   * of {@code x == max(x)} every probe flips the mask, and the gradient of the maximum, 1e-12 beside
   * an objective's gradient of 1, changes by its whole size. Counted as rounding, that change would
   * let {@code dx = zeros_like(x)} hold.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dx = zeros_like(x)                                   | FALSE",
      "dx = 1e-12 * (x == max(x, axis=1, keepdims=True))    | HOLDS",
  })
  void aProbeThatCrossesABranchWidensNothing(String claim, Verdict expected) {
    Question q = TestQuestions.free("q-tie", TestQuestions.setup("B=4 K=5", "x[B,K]",
        "L = 1e-12 * sum(x * (x == max(x, axis=1, keepdims=True)))"), claim);
    assertEquals(expected, VERIFIER.verify(q).answerClaims().get(0).verdict(), claim);
  }
}
