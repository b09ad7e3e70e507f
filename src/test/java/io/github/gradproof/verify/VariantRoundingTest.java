package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rounding bound of a numeric variant's answer ({@link VariantRounding}): an answer that is
 * exactly zero (by algebra, on the inputs' decimals) but computed with roundoff lies within it in
 * every variant; a tiny answer computed accurately, or one far above its roundoff, never does.
 */
class VariantRoundingTest {

  @TempDir Path tmp;

  private static final NumericVerifier VERIFIER = new NumericVerifier();

  private List<Variant> variants(String inputs, String forward, String ask, String... extra) throws IOException {
    return VERIFIER.verify(NumericQuestions.numeric(tmp, inputs, forward, ask, extra)).numeric().variants();
  }

  /** Prints how far into its bound each answer lies, so the margin's use is on record in the test's output. */
  private static void report(String what, List<Variant> variants) {
    double worst = 0;
    int noisy = 0;
    for (Variant v : variants) {
      if (v.answer() != 0) {
        noisy++;
        worst = Math.max(worst, Math.abs(v.answer()) / (v.rounding() / VariantRounding.MARGIN));
      }
    }
    System.out.println("[rounding] " + what + ": " + noisy + " of " + variants.size()
        + " answers not exactly 0; the largest is " + worst + " times its measured noise");
  }

  /**
   * Answers that are exactly zero on the inputs' decimals, each computed with roundoff: a softmax's
   * outputs sum to 1, its gradient and cross-entropy's and layer norm's sum to 0 along the normalised
   * axis, a centred vector sums to 0, and a sum does not depend on its order.
   */
  static Stream<Arguments> cancellingAnswers() {
    String[][] cases = {
        {"z: {shape: [N], dist: small_decimal, range: [-3, 3]}", "p = softmax(z, dim=0)", "sum(p) - 1"},
        {"z: {shape: [N], dist: small_decimal}, w: {shape: [N], dist: small_int}",
            "p = softmax(z, dim=0);L = sum(p * w)", "sum(dz)"},
        {"z: {shape: [N], dist: small_decimal}, y: {shape: [1], dist: labels, classes: N}",
            "L = cross_entropy(z[None, :], y)", "sum(dz)"},
        {"x: {shape: [N], dist: small_decimal}, g: {shape: [N], dist: small_int}",
            "h = layer_norm(x, (N,));L = sum(h * g)", "sum(dx)"},
        {"x: {shape: [N], dist: small_decimal}", "m = x - mean(x)", "sum(m)"},
        {"x: {shape: [N], dist: small_decimal, range: [-9.9, 9.9]}", "s = sum(x)", "sum(x) - sum(x[::-1])"}};
    List<Arguments> out = new ArrayList<>();
    for (String[] c : cases) {
      for (int n : new int[] {3, 8, 20}) {
        String size = Integer.toString(n);
        out.add(Arguments.of(c[0].replace("N", size), c[1].replace("(N,)", "(" + size + ",)"), c[2], n));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{2} of {1} at N = {3}")
  @MethodSource("cancellingAnswers")
  void anAnswerThatIsExactlyZeroIsZeroWithinItsRounding(String inputs, String forward, String ask, int n)
      throws IOException {
    List<Variant> variants = variants(inputs, forward, ask, "    tolerance: {abs: 0}", "    variants: 32");
    report(ask + " of " + forward + " at N = " + n, variants);
    assertTrue(variants.stream().anyMatch(v -> v.answer() != 0), "some answers carry roundoff: " + variants);
    for (Variant v : variants) {
      assertTrue(v.rounding() > 0 && v.rounding() < 1e-11, "a bound of roundoff's size: " + v);
      assertTrue(v.answerWithinRounding(), "exactly 0, computed as " + v.answer() + ": " + v);
    }
  }

  @Test
  void aLargeCancellationIsZeroWithinItsRoundingBeyondTheSelfChecksSlack() throws IOException {
    // A term of 10^12 added and taken away again leaves its rounding, about 10^-4, far more than the page's
    // 1e-9 slack; the page shows 0 and compares with 0, and the verifier judges the shortcut "0" against it.
    Question q = NumericQuestions.numeric(tmp, "x: {shape: [2], dist: small_decimal, range: [-999.9, 999.9]}",
        "s = sum(x)", "(x[0] * 1e9 + x[1]) - x[0] * 1e9 - x[1]", "    tolerance: {abs: 0}", "    variants: 16");
    List<Variant> variants = VERIFIER.verify(q).numeric().variants();
    report("(x[0] * 1e9 + x[1]) - x[0] * 1e9 - x[1]", variants);
    assertTrue(variants.stream().anyMatch(v -> Math.abs(v.answer()) > 1e-9), "roundoff beyond the slack: " + variants);
    for (Variant v : variants) {
      assertTrue(v.answerWithinRounding(), v.toString());
      assertEquals(0.0, NumericShortcut.shownAnswer(v));
    }
    assertEquals(null, NumericShortcut.refusesShownAnswer(q, q.numeric().ask(), variants));
  }

  @Test
  void aTinyAnswerComputedAccuratelyIsNeverRoundoff() throws IOException {
    List<Variant> variants = variants("x: {shape: [2], dist: small_int, range: [1, 5]}", "s = sum(x)",
        "1e-12 * x[0]", "    tolerance: {rel: 0.001}", "    variants: 4");
    for (Variant v : variants) {
      assertEquals(1e-12 * v.inputs().get("x").toArray()[0], v.answer(), 0.0);
      assertTrue(v.rounding() < 1e-23, "its bound is its own roundoff, about 1e-28, times the margin: " + v);
      assertFalse(v.answerWithinRounding(), v.toString());
    }
  }

  @Test
  void aTinyAnswerLeftByCancellationButFarAboveItsRoundoffIsKept() throws IOException {
    // (x + 1e-10) - x is 1e-10 within about 1e-15: computed with roundoff, but not zero.
    List<Variant> variants = variants("x: {shape: [2], dist: small_int, range: [1, 5]}", "s = sum(x)",
        "(x[0] + 1e-10) - x[0]", "    tolerance: {rel: 0.01}", "    variants: 4");
    for (Variant v : variants) {
      assertEquals(1e-10, v.answer(), 1e-14);
      assertTrue(v.rounding() > 1e-15 && v.rounding() < 1e-11, "the sum's roundoff, times the margin: " + v);
      assertFalse(v.answerWithinRounding(), v.toString());
    }
  }

  @Test
  void placeholderValuesCarryTheirOwnBounds() throws IOException {
    List<Variant> variants = variants("z: {shape: [4], dist: small_decimal}", "p = softmax(z, dim=0)", "p[0]",
        "    explanation: {en: \"{{sum(p) - 1}} and {{answer}}\", es: \"{{sum(p) - 1}} y {{answer}}\"}",
        "    variants: 8");
    for (Variant v : variants) {
      assertTrue(v.valueWithinRounding("sum(p) - 1"), v.toString());
      assertFalse(v.valueWithinRounding("answer"), "p[0] is a probability, far above its roundoff: " + v);
      assertEquals(v.rounding(), v.roundings().get("answer"), "{{answer}} is the answer, with its bound");
      assertFalse(v.answerWithinRounding());
    }
  }

  @Test
  void aValueExactlyOnItsBoundIsWithinItAndTheNextDoubleIsNot() {
    double bound = 3.3e-16;
    assertTrue(variant(bound, bound).answerWithinRounding(), "just inside: on the bound");
    assertTrue(variant(-bound, bound).answerWithinRounding(), "a negative value by its magnitude");
    assertFalse(variant(Math.nextUp(bound), bound).answerWithinRounding(), "just outside");
    assertFalse(variant(1e-30, Double.NaN).answerWithinRounding(), "an unknown bound takes nothing for roundoff");
    assertTrue(variant(0, 0).answerWithinRounding());
  }

  @Test
  void theBoundIsTheMarginTimesTheProbesChangeScaledToRounding() {
    // A change of 2^-44 (a value of 1 moved by the probe's whole step) is 2^-53 of rounding.
    assertEquals(VariantRounding.MARGIN * 0x1.0p-53, VariantRounding.bound(0x1.0p-44), 0.0);
  }

  private static Variant variant(double answer, double rounding) {
    return new Variant(1, Map.of(), answer, Map.of(), 1, Double.NaN, rounding, Map.of());
  }
}
