package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.quiz.Setup;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.TestQuestions;
import io.github.gradproof.verify.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the registry's functions do with an argument left out, at run time: PyTorch's implicit
 * softmax dim (0 for rank 0, 1 and 3, else 1; {@code torch.nn.functional._get_softmax_dim}),
 * one_hot's class count (the largest label plus one), and NumPy's empty arrays (a size of 0 is
 * no negative size). Each claim holds only under the documented rule.
 */
class ImplicitArgumentsTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(1);
  private static final Setup SETUP = TestQuestions.setup("N=2 K=3 J=4",
      "x[N,K,J] w[K,J] v[J] y[N]:labels(5)", "L = sum(x) + sum(w) + sum(v)");

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "softmax(x) == softmax(x, dim=0)           | HOLDS",
      "softmax(x) == softmax(x, dim=1)           | FALSE",
      "softmax(w) == softmax(w, dim=1)           | HOLDS",
      "softmax(w) == softmax(w, dim=0)           | FALSE",
      "log_softmax(v) == log_softmax(v, dim=0)   | HOLDS",
      "one_hot(y).shape[1] == max(y) + 1         | HOLDS",
      "sum(one_hot(y)) == N                      | HOLDS",
      "sum(zeros((0, K))) == 0                   | HOLDS",
      "zeros((0, K)).shape == (0, K)             | HOLDS"})
  void anOmittedArgumentFollowsTheLibrary(String claim, Verdict expected) {
    assertEquals(expected, VERIFIER.verify(TestQuestions.free("q-implicit", SETUP, claim.strip())).answerClaims().get(0)
        .verdict(), claim);
  }
}
