package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

  /**
   * Two compared elements that agree to the usual digits get the digits that tell them apart, up
   * to 17 significant; equal values keep the usual digits.
   */
  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource({"-0.2624001, -0.2623902, -0.2624, -0.26239", "-0.001, -0.00099999, -0.001, -9.9999e-04",
      "-0.0009999999, -0.00099999, -1.0000e-03, -9.9999e-04", "1, 1.00001, 1, 1.00001", "2.5, 2.5, 2.5, 2.5",
      "0.1, 0.30000000000000004, 0.1, 0.3", "0.30000000000000004, 0.3, 0.30000000000000004, 0.3",
      "1e-300, 1.0000000000000002e-300, 1.0000000000000000e-300, 1.0000000000000002e-300"})
  void twoComparedValuesReadApart(double left, double right, String leftText, String rightText) {
    assertEquals(List.of(leftText, rightText), List.of(Reasons.numbers(left, right)));
  }

  /** The outside tester's Adam step: a refused claim whose sides agree to four digits. */
  @Test
  void aRefusedEqualityNeverReadsAsTwoEqualNumbers() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-adam",
        TestQuestions.setup("N=6", "w[N] g[N]", "w1 = w - 0.001 * g / (sqrt(g ** 2) + 1e-8)"),
        "w1 - w == -0.001 * g / (abs(g) + 1e-5)"));
    String reason = Reasons.english(r.answerClaims().get(0).reason());
    Matcher sides = Pattern.compile("comparison fails: \\[\\d\\]: (\\S+) ≠ (\\S+)").matcher(reason);
    assertTrue(sides.matches(), reason);
    assertNotEquals(sides.group(1), sides.group(2), reason);
    assertEquals(Double.parseDouble(sides.group(1)), Double.parseDouble(sides.group(2)), 1e-7, reason);
  }
}
