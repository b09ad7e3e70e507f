package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which trials cross-check the engine against central differences: the first
 * {@link QuestionVerifier#ENGINE_SEEDS} seeds of every dims assignment, while every claim is still
 * judged in every trial.
 */
class EngineTrialsTest {

  private static final Setup MATMUL = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B");

  @Test
  void theEngineIsCrossCheckedInTheFirstSeedsOfEachSize() {
    List<Integer> checkedSizes = new ArrayList<>();
    EngineCheck counting = (f, x, g) -> {
      checkedSizes.add(x.size());
      return GradCheck.check(f, x, g);
    };
    QuestionResult r = new QuestionVerifier(10, counting).verify(TestQuestions.free("q-engine", MATMUL, "dA = dC @ B.T"));
    assertEquals(20, r.trials()); // 10 at the author's dims, 5 at each of two fresh assignments
    assertEquals(9, r.engineTrials());
    assertEquals(3, r.sizes().size());
    // dA is checked 3 times at the author's 3 x 4 and 3 times at each fresh size
    int author = 3 * 4;
    assertEquals(List.of(author, author, author), checkedSizes.subList(0, 3));
    for (int fresh = 1; fresh <= 2; fresh++) {
      Map<String, Integer> dims = r.sizes().get(fresh);
      int size = dims.get("M") * dims.get("K");
      assertEquals(List.of(size, size, size), checkedSizes.subList(3 * fresh, 3 * fresh + 3));
    }
    assertEquals(9, checkedSizes.size());
    assertEquals(Verdict.HOLDS, r.answerClaims().get(0).verdict());
  }

  @Test
  void fewerSeedsThanTheEngineSeedsCheckEveryTrial() {
    int[] calls = {0};
    EngineCheck counting = (f, x, g) -> {
      calls[0]++;
      return GradCheck.check(f, x, g);
    };
    QuestionResult r = new QuestionVerifier(2, counting).verify(TestQuestions.free("q-engine", MATMUL, "dA = dC @ B.T"));
    assertEquals(4, r.trials());
    assertEquals(4, r.engineTrials());
    assertEquals(4, calls[0]);
  }

  /** Every trial judges the claims, also those that do not cross-check the engine. */
  @Test
  void aClaimIsJudgedInTrialsThatDoNotCrossCheckTheEngine() {
    Setup relu = TestQuestions.exactDims(TestQuestions.setup("N=1", "x[N]", "h = relu(x); L = sum(h)"));
    // dx = ones_like(x) is right only where x > 0; with one element, some of 10 seeds have x < 0
    QuestionResult r = new QuestionVerifier(10).verify(TestQuestions.free("q-relu", relu, "dx = ones_like(x)"));
    assertEquals(3, r.engineTrials());
    assertEquals(10, r.answerClaims().get(0).trials());
    assertEquals(Verdict.FALSE, r.answerClaims().get(0).verdict());
  }
}
