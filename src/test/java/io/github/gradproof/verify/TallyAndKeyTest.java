package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.CourseFixture;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a claim's tally keeps over its trials (first shape, distinct shapes, an engine check that
 * compared nothing) and when a question's key counts as proven, at the edges found by mutation
 * testing (docs/MUTANTS.md).
 */
class TallyAndKeyTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(2);
  private static final Setup MATMUL = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B");

  /** The first trial's shape is {@code shape}; {@code shapes} lists each distinct one once, in trial order. */
  @Test
  void aClaimKeepsItsFirstShapeAndEachDistinctShapeOnce() {
    Setup two = TestQuestions.exactDims(TestQuestions.setup("B=4,6 D=3", "x[B,D]", "L = sum(x * x)"));
    ClaimResult c = VERIFIER.verify(TestQuestions.free("q-shapes", two, "dx = 2 * x")).answerClaims().get(0);
    assertEquals(Verdict.HOLDS, c.verdict());
    assertEquals(4, c.trials(), "2 dims assignments x 2 seeds");
    assertArrayEquals(new int[] {4, 3}, c.shape());
    assertEquals(2, c.shapes().size(), "two shapes over four trials");
    assertArrayEquals(new int[] {4, 3}, c.shapes().get(0));
    assertArrayEquals(new int[] {6, 3}, c.shapes().get(1));
  }

  /**
   * {@code h} is exactly 0 everywhere and {@code L = sum(relu(h))}: every central difference of
   * {@code dh} straddles relu's kink, so its engine check compares nothing and the claim says so.
   * A claim that also reads {@code dx} (compared: {@code h = x * 0} moves no kink) was checked.
   */
  @Test
  void anEngineCheckThatComparedNothingIsFlagged() {
    Setup kink = TestQuestions.setup("N=4", "x[N]", "h = x * 0; L = sum(relu(h))");
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-kink", kink, "sum(dh) <= 1000",
        "sum(dh) + sum(dx) <= 1000", "sum(dx) <= 1000"));
    List<ClaimResult> claims = r.answerClaims();
    claims.forEach(c -> assertEquals(Verdict.HOLDS, c.verdict(), c.claim().source()));
    assertTrue(claims.get(0).engineSkipped(), "dh: every point skipped");
    assertTrue(Double.isNaN(claims.get(0).engineError()));
    assertFalse(claims.get(1).engineSkipped(), "dx was compared");
    assertFalse(claims.get(2).engineSkipped());
    assertEquals(0.0, claims.get(2).engineError(), "x * 0 has gradient exactly 0, and so do its differences");
  }

  /**
   * At exactly {@value io.github.gradproof.autograd.GradCheck#FAST_MODE_THRESHOLD} elements the
   * check still goes element by element: 20 elements of {@code h} sit on relu's kink and are
   * skipped, the other 4076 are compared, so the check compared something. (Counting the skipped
   * against the {@value io.github.gradproof.autograd.GradCheck#PROJECTIONS} projections of fast
   * mode would call it empty.) One element more and fast mode takes over: with {@code h} all on
   * the kink, every projection is skipped and the check compared nothing.
   */
  @Test
  void whetherACheckComparedNothingFollowsItsMode() {
    Setup elementwise = TestQuestions.exactDims(TestQuestions.setup("N=4096", "x[N]",
        "h = x * (arange(N) >= 20); L = sum(relu(h))"));
    ClaimResult some = new QuestionVerifier(1).verify(TestQuestions.free("q-4096", elementwise, "sum(dh) <= 1e9"))
        .answerClaims().get(0);
    assertFalse(some.engineSkipped(), "4076 of 4096 elements compared");
    assertFalse(Double.isNaN(some.engineError()));
    Setup projections = TestQuestions.exactDims(TestQuestions.setup("N=4097", "x[N]", "h = x * 0; L = sum(relu(h))"));
    ClaimResult none = new QuestionVerifier(1).verify(TestQuestions.free("q-4097", projections, "sum(dh) <= 1e9"))
        .answerClaims().get(0);
    assertTrue(none.engineSkipped(), "every projection straddles the kink");
  }

  @Test
  void aKeyIsProvenWhenEveryKeyedChoiceHolds() {
    Question one = TestQuestions.choices("q-key", MATMUL, List.of(List.of("dA = dC @ B.T"), List.of("dA = dC @ B")), 1);
    QuestionResult r = VERIFIER.verify(one);
    assertTrue(r.keyProven());
    assertFalse(r.partiallyVerified(), "every choice has a claim");
    // an unkeyed choice explained in text only: proven, but partially
    Question text = TestQuestions.choices("q-key", MATMUL, List.of(List.of("dA = dC @ B.T"), List.of()), 1);
    QuestionResult t = VERIFIER.verify(text);
    assertTrue(t.keyProven());
    assertTrue(t.partiallyVerified());
    // two keyed choices, one of them false
    Question multi = TestQuestions.choices("q-key", MATMUL,
        List.of(List.of("dA = dC @ B.T"), List.of("dA = dC @ B"), List.of("dB = A.T @ dC")), 1, 2);
    QuestionResult m = VERIFIER.verify(multi);
    assertFalse(m.keyProven());
    assertFalse(m.partiallyVerified());
    // the keyed choice has no claim
    Question bare = TestQuestions.choices("q-key", MATMUL, List.of(List.of(), List.of("dA = dC @ B")), 1);
    assertFalse(VERIFIER.verify(bare).keyProven());
    // the same choices with no choice keyed
    List<ChoiceResult> unkeyed = r.choices().stream()
        .map(c -> new ChoiceResult(c.number(), c.claims(), c.verdict(), false)).toList();
    QuestionResult none = new QuestionResult(r.question(), unkeyed, List.of(), r.trials(), r.engineTrials(), r.sizes(),
        r.engineError(), null, List.of());
    assertFalse(none.keyProven(), "no keyed choice proves nothing");
    assertFalse(none.partiallyVerified());
  }

  @Test
  void aFreeAnswerIsProvenWhenEveryClaimHolds() {
    assertTrue(VERIFIER.verify(TestQuestions.free("q-free", MATMUL, "dA = dC @ B.T", "dB = A.T @ dC")).keyProven());
    assertFalse(VERIFIER.verify(TestQuestions.free("q-free", MATMUL, "dA = dC @ B.T", "dB = A @ dC")).keyProven());
    assertFalse(VERIFIER.verify(TestQuestions.free("q-free", MATMUL, "dB = A @ dC", "dA = dC @ B.T")).keyProven());
    assertFalse(VERIFIER.verify(TestQuestions.free("q-free", MATMUL)).keyProven(), "no claim proves nothing");
    assertFalse(VERIFIER.verify(TestQuestions.unverified(TestQuestions.free("q-free", MATMUL, "dA = dC @ B.T")))
        .keyProven(), "verify: false proves nothing, though the claim would hold");
  }

  @Test
  void aNumericKeyIsProvenWhenEveryVariantWasComputedAndCrossChecked() {
    Question q = QuizLoad.phase(CourseFixture.NUMERIC, "n.yaml").questions().get(0);
    QuestionResult r = new NumericVerifier().verify(q);
    assertEquals(List.of(), r.problems());
    assertTrue(r.keyProven());
    QuestionResult empty = new QuestionResult(q, List.of(), List.of(), 0, 0, List.of(), Double.NaN, null, List.of(),
        new NumericResult(List.of(), Set.of()));
    assertFalse(empty.keyProven(), "no variant computed");
  }
}
