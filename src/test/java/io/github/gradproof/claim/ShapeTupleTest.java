package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.quiz.Setup;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.TestQuestions;
import io.github.gradproof.verify.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Slices of a shape tuple at run time, with Python's rules, reversed and strided included (found
 * unpinned by mutation testing, docs/MUTANTS.md). The dims are distinct at the author's sizes and
 * at the fresh ones, so each claim can only hold with the right axes in the right order.
 */
class ShapeTupleTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(1);
  private static final Setup SETUP = TestQuestions.setup("M=3 K=4 N=5", "x[M,K,N]", "L = sum(x)");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "x.shape[::-1] == (N, K, M) | HOLDS",
      "x.shape[::-1] == (M, K, N) | FALSE",
      "x.shape[1:] == (K, N) | HOLDS",
      "x.shape[::2] == (M, N) | HOLDS",
      "x.shape[-2:] == (K, N) | HOLDS",
      "x.shape[2::-2] == (N, M) | HOLDS",
      "x.shape[1] == K | HOLDS",
      "x.shape[-1] == N | HOLDS"})
  void aShapeTupleSlicesLikePython(String claim, Verdict expected) {
    assertEquals(expected, VERIFIER.verify(TestQuestions.free("q-tuple", SETUP, claim)).answerClaims().get(0).verdict(),
        claim);
  }
}
