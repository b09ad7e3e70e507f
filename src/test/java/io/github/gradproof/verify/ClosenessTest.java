package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim-vs-engine tolerance: just inside and just outside each term, infinities, and scale invariance. */
class ClosenessTest {

  @Test
  void relativeTermJustInsideAndOutside() {
    Closeness c = Closeness.of(new double[] {1000}, new double[] {1000}, 0);
    double allowance = Closeness.RTOL * 1000 + Closeness.FLOOR * 1000;
    assertTrue(c.close(1000 + allowance * 0.99, 1000));
    assertFalse(c.close(1000 + allowance * 1.01, 1000));
  }

  @Test
  void ownScaleFloorCoversAnElementThatCancels() {
    Closeness c = Closeness.of(new double[] {1, 0}, new double[] {1, 0}, 0);
    assertTrue(c.close(0.99e-10, 0), "within 1e-10 of the scale 1");
    assertFalse(c.close(1.01e-10, 0));
  }

  @Test
  void trialFloorCoversAMathematicalZeroComputedWithRoundoff() {
    Closeness c = Closeness.of(new double[] {3e-17}, new double[] {0}, 0.5);
    assertTrue(c.close(3e-17, 0));
    assertTrue(c.close(0.99e-12 * 0.5, 0));
    assertFalse(c.close(1.01e-12 * 0.5, 0));
  }

  @Test
  void measuredNoiseCapsTheFloorsJustInsideAndOutside() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withNoise(new double[] {1e-20});
    double allowance = Closeness.NOISE_FACTOR * 1e-20; // 1e-16, below the trial floor 1e-12
    assertTrue(c.close(0, allowance * 0.99, 0));
    assertFalse(c.close(0, allowance * 1.01, 0));
    assertFalse(c.close(0, 0.5e-12, 0), "the floor alone would allow it");
  }

  @Test
  void noiseAboveTheFloorsLeavesTheFloors() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withNoise(new double[] {1});
    assertTrue(c.close(0, 0.99e-12, 0));
    assertFalse(c.close(0, 1.01e-12, 0), "noise never widens the allowance");
  }

  @Test
  void unknownNoiseLeavesTheFloors() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withNoise(new double[] {Double.NaN});
    assertTrue(c.close(0, 0.99e-12, 0));
    assertFalse(c.close(0, 1.01e-12, 0));
  }

  @Test
  void roundingNoiseAboveTheFloorsWidensUpToItsOwnSize() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withRoundingNoise(new double[] {1e-15}, 1e-10);
    double allowance = Closeness.NOISE_FACTOR * 1e-15; // 1e-11, above the trial floor 1e-12
    assertTrue(c.close(0, allowance * 0.99, 0));
    assertFalse(c.close(0, allowance * 1.01, 0));
  }

  @Test
  void roundingNoiseWidensNoFurtherThanTheCeiling() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withRoundingNoise(new double[] {1e-12}, 1e-10);
    assertTrue(c.close(0, 0.99e-10, 0));
    assertFalse(c.close(0, 1.01e-10, 0), "1e4 times the noise would allow 1e-8");
  }

  @Test
  void roundingNoiseBelowTheFloorsTightensAsNoiseDoes() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withRoundingNoise(new double[] {1e-20}, 1e-10);
    assertTrue(c.close(0, 0.99e-16, 0));
    assertFalse(c.close(0, 1.01e-16, 0));
  }

  @Test
  void unknownRoundingNoiseLeavesTheFloors() {
    for (double unknown : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withRoundingNoise(new double[] {unknown}, 1e-10);
      assertTrue(c.close(0, 0.99e-12, 0), "noise " + unknown);
      assertFalse(c.close(0, 1.01e-12, 0), "noise " + unknown);
    }
  }

  @Test
  void aCeilingBelowTheFloorsLeavesTheFloors() {
    Closeness c = Closeness.of(new double[] {0}, new double[] {0}, 1).withRoundingNoise(new double[] {1}, 1e-20);
    assertTrue(c.close(0, 0.99e-12, 0));
    assertFalse(c.close(0, 1.01e-12, 0));
  }

  @Test
  void theCeilingIsTheFloorOfTheLargestScale() {
    double[] a = {2, 0};
    double[] b = {1, 0};
    Closeness c = Closeness.of(a, b, 3);
    assertEquals(Closeness.FLOOR * 5, c.ceiling(a, b, 3, 5), 0, "the objective's gradient");
    assertEquals(Closeness.FLOOR * 7, c.ceiling(a, b, 7, 5), 0, "the trial's scale");
    double[] large = {9, 0};
    assertEquals(Closeness.FLOOR * 9, Closeness.of(large, b, 0).ceiling(large, b, 0, 5), 0, "a side's own scale");
    assertEquals(Closeness.FLOOR * 9, Closeness.of(b, large, 0).ceiling(b, large, 0, 5), 0, "the reference's own scale");
    Closeness both = Closeness.of(large, b, 3);
    assertEquals(both.ceiling(large, b, 0, 0), both.ceiling(large, b, 3, 5), 0,
        "the floors 1e-10·9 + 1e-12·3 exceed 1e-10·9");
    double[] zero = {0};
    Closeness floorOnly = Closeness.of(zero, zero, 1);
    assertEquals(Closeness.TRIAL_FLOOR, floorOnly.ceiling(zero, zero, 0, 0), 0, "never below the floors");
  }

  @Test
  void onlyAnElementFartherThanTheFloorsButWithinTheCeilingAsksForRoundingNoise() {
    Closeness c = Closeness.of(new double[] {1, 0}, new double[] {1, 0}, 0); // floor 1e-10
    double[] b = {1, 0};
    assertTrue(c.failsWithin(new double[] {1, 2e-10}, b, 1e-9));
    assertTrue(c.failsWithin(new double[] {1, 1e-9}, b, 1e-9), "exactly the ceiling");
    assertFalse(c.failsWithin(new double[] {1, 2e-9}, b, 1e-9), "beyond the ceiling");
    assertFalse(c.failsWithin(new double[] {1, 0.5e-10}, b, 1e-9), "close through the floor");
    assertFalse(c.failsWithin(new double[] {1, 1e-10}, b, 1e-9), "exactly the floor");
    assertFalse(c.failsWithin(new double[] {1, 0}, b, 1e-9), "equal");
    assertFalse(c.failsWithin(new double[] {1, Double.NaN}, b, 1e-9), "NaN");
    assertTrue(c.failsWithin(new double[] {1 + 1e-6 + 2e-10, 0}, b, 1e-9), "beyond the relative term and the floor");
    assertFalse(c.failsWithin(new double[] {1 + 1e-6 + 0.5e-10, 0}, b, 1e-9), "within the relative term and the floor");
  }

  @Test
  void onlyAnElementCloseThroughAFloorAsksForNoise() {
    Closeness c = Closeness.of(new double[] {1, 0}, new double[] {1, 0}, 0);
    assertFalse(c.restsOnTheFloor(new double[] {1 + 0.5e-6, 0}, new double[] {1, 0}), "the relative term suffices");
    assertTrue(c.restsOnTheFloor(new double[] {1, 0.5e-10}, new double[] {1, 0}), "close only through 1e-10·S");
    assertFalse(c.restsOnTheFloor(new double[] {1, 2e-10}, new double[] {1, 0}), "not close at all");
    assertFalse(c.restsOnTheFloor(new double[] {1, 0}, new double[] {1, 0}), "equal");
    assertTrue(c.restsOnTheFloor(new double[] {1, 1e-10}, new double[] {1, 0}), "exactly the floor 1e-10·S");
    Closeness wide = Closeness.of(new double[] {1e6}, new double[] {1e6}, 0);
    assertFalse(wide.restsOnTheFloor(new double[] {1e6 + 1}, new double[] {1e6}), "exactly 1e-6·|b|: relative alone");
  }

  @Test
  void infinitiesFollowAllclose() {
    double inf = Double.POSITIVE_INFINITY;
    Closeness c = Closeness.of(new double[] {inf, 1}, new double[] {inf, 1}, 1);
    assertTrue(c.close(inf, inf));
    assertTrue(c.close(-inf, -inf));
    assertFalse(c.close(inf, -inf));
    assertFalse(c.close(inf, 1e308));
    assertFalse(c.close(Double.NaN, Double.NaN));
    assertEquals(1, Closeness.scale(new double[] {inf, -1, Double.NaN}), "the scale ignores non-finite values");
  }

  /**
   * Multiplying the objective by 10^k, k = -12..12, changes no verdict: the correct gradient holds,
   * the wrong sign, zeros and a wrong factor fail, in gradient claims and in comparisons alike.
   */
  @Test
  void scalingTheObjectiveChangesNoVerdict() {
    QuestionVerifier verifier = new QuestionVerifier();
    for (int k = -12; k <= 12; k++) {
      String s = "1e" + k;
      Question q = TestQuestions.free("q-scale", TestQuestions.setup("R=3 C=4", "x[R,C]", "L = sum(x * x) * " + s),
          "dx = 2 * x * " + s, "dx == 2 * " + s + " * x");
      assertEquals(List.of(Verdict.HOLDS, Verdict.HOLDS), verdicts(verifier, q), "k = " + k);
      for (String wrong : List.of("-2 * x * " + s, "zeros_like(x)", "2.00001 * x * " + s)) {
        Question w = TestQuestions.free("q-scale", TestQuestions.setup("R=3 C=4", "x[R,C]", "L = sum(x * x) * " + s),
            "dx = " + wrong, "dx == " + wrong);
        assertEquals(List.of(Verdict.FALSE, Verdict.FALSE), verdicts(verifier, w), "k = " + k + ": " + wrong);
      }
    }
  }

  private static List<Verdict> verdicts(QuestionVerifier verifier, Question q) {
    return verifier.verify(q).answerClaims().stream().map(ClaimResult::verdict).toList();
  }
}
