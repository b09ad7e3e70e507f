package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.verify.Variant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the page writes for a numeric answer and a placeholder value that are zero within their own
 * rounding (verify's bound): 0, in the text and in the number the self-check compares with; a value
 * just outside its bound, a tiny value computed accurately and one whose bound is unknown are
 * written as computed.
 */
class ShownAnswerTest {

  private static final double SOFTMAX_ROUNDOFF = 5.551115123125783e-17;

  private static Variant variant(double answer, double rounding) {
    return new Variant(1, Map.of(), answer, Map.of("answer", answer, "sum(p) - 1", -SOFTMAX_ROUNDOFF), 1, Double.NaN,
        rounding, Map.of("answer", rounding, "sum(p) - 1", 1e-13));
  }

  @Test
  void anAnswerWithinItsRoundingIsWrittenAndComparedAsZero() {
    Variant v = variant(SOFTMAX_ROUNDOFF, 9.3e-14);
    assertEquals(0.0, NumericView.answer(v));
    assertEquals("0", Numbers.shown(NumericView.answer(v)));
    assertEquals("0", Numbers.exact(NumericView.answer(v)), "the self-check's number");
    assertEquals(Map.of("answer", 0.0, "sum(p) - 1", 0.0), NumericView.values(v));
  }

  @Test
  void onTheBoundIsZeroAndTheNextDoubleIsNot() {
    double bound = 2.220446049250313e-16;
    assertEquals("0", Numbers.shown(NumericView.answer(variant(bound, bound))), "just inside: on the bound");
    assertEquals("0", Numbers.shown(NumericView.answer(variant(-bound, bound))));
    assertEquals("2.22045e-16", Numbers.shown(NumericView.answer(variant(Math.nextUp(bound), bound))), "just outside");
    assertEquals(Math.nextUp(bound), NumericView.values(variant(Math.nextUp(bound), bound)).get("answer"));
  }

  @Test
  void aTinyValueComputedAccuratelyOrWithAnUnknownBoundIsWrittenAsComputed() {
    assertEquals("3e-12", Numbers.shown(NumericView.answer(variant(3e-12, 3.3e-25))));
    assertEquals("5.55112e-17", Numbers.shown(NumericView.answer(variant(SOFTMAX_ROUNDOFF, Double.NaN))));
  }

  @Test
  void theProofTableShowsTheAnswerAsThePageDoes() {
    Variant v = variant(-SOFTMAX_ROUNDOFF, 1e-13);
    assertEquals("0", Numbers.answerInTable(NumericView.answer(v), 0, 0), "under {abs: 0} too");
  }
}
