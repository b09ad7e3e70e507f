package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a failing comparison writes its numbers, at the edges of each format: whole numbers below
 * 1e15 in full, 1e-3 up to 1e6 with four significant digits, everything else in scientific notation.
 */
class ReasonNumberTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(1);

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource({"2, 2", "-3, -3", "1e15, 1.0e+15", "999999999999999.0, 999999999999999", "0.001, 0.001",
      "0.00099, 9.9e-04", "2.5, 2.5", "123456.5, 1.235e+05", "1000000.5, 1.0e+06", "0.1, 0.1"})
  void aNumberInAReasonReads(String value, String text) {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-number",
        TestQuestions.setup("N=2", "x[N]", "L = sum(x)"), "zeros_like(x) + " + value + " < -1e300"));
    String reason = Reasons.english(r.answerClaims().get(0).reason());
    assertEquals("comparison fails: [0]: " + text + " ≮ -1.0e+300", reason);
  }
}
