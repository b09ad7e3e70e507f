package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a reason names a part of a claim in code: with the parentheses its precedence needs, and
 * around a signed operand after a minus or plus, so that two signs never meet ({@code -(-x)},
 * {@code x - (-x)}); the text reads back as the same expression.
 */
class ExprTextTest {

  private static Expr expr(String code) {
    return ((Line.Comparison) SampleQuiz.line(SampleQuiz.claim(code + " == 0", 1))).left();
  }

  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(delimiter = '|', value = {
      "-(-x) | -(-x)",
      "--x | -(-x)",
      "x - -x | x - (-x)",
      "x + -x | x + (-x)",
      "x - -2 * x | x - (-2 * x)",
      "x - (-x - x) | x - (-x - x)",
      "-x - x | -x - x",
      "x * -x | x * -x",
      "-(x - y) | -(x - y)",
      "- - - x | -(-(-x))",
      "x - (y - z) | x - (y - z)"})
  void signsNeverMeet(String source, String text) {
    assertEquals(text, ExprText.of(expr(source)));
    assertEquals(text, ExprText.of(expr(text)), "the text reads back as the same expression");
  }

  /** An attribute that stands for a method call, {@code x.mT}, reads without parentheses; a method with them. */
  @ParameterizedTest(name = "{0} reads {1}")
  @CsvSource(delimiter = '|', value = {
      "x.mT | x.mT",
      "(x + y).mT.t() | (x + y).mT.t()",
      "x.view(2, -1).mT | x.view(2, -1).mT"})
  void attributesReadWithoutParentheses(String source, String text) {
    assertEquals(text, ExprText.of(expr(source)));
    assertEquals(text, ExprText.of(expr(text)), "the text reads back as the same expression");
  }
}
