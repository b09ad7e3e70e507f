package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The edges of {@link SpecialMath} that the golden fixtures (finite values only, compared to 1e-13 of
 * their scale) do not pin down: exact values, signed zeros, infinities, NaN and subnormals.
 */
class SpecialMathTest {

  @Test
  void erfIsOddExactAtZeroAndSaturates() {
    assertEquals(0.0, SpecialMath.erf(0.0));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(SpecialMath.erf(-0.0)));
    assertEquals(1.0, SpecialMath.erf(6.0));
    assertEquals(-1.0, SpecialMath.erf(Double.NEGATIVE_INFINITY));
    assertEquals(1.0, SpecialMath.erf(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(SpecialMath.erf(Double.NaN)));
    assertEquals(-SpecialMath.erf(1.3), SpecialMath.erf(-1.3));
  }

  @Test
  void erfIsContinuousWhereTheSeriesHandsOverToTheFraction() {
    double below = SpecialMath.erf(Math.nextDown(2.0));
    double above = SpecialMath.erf(2.0);
    assertTrue(above >= below && above - below < 1e-15, below + " then " + above);
    assertEquals(0.9953222650189527, above, 2e-16); // erf(2) to 16 digits
  }

  @Test
  void log2IsExactAtPowersOfTwoAndFollowsNumpyOutsideItsDomain() {
    assertEquals(3.0, SpecialMath.log2(8.0));
    assertEquals(-3.0, SpecialMath.log2(0.125));
    assertEquals(0.0, SpecialMath.log2(1.0));
    assertEquals(-1074.0, SpecialMath.log2(Double.MIN_VALUE));
    assertEquals(-1022.0, SpecialMath.log2(Double.MIN_NORMAL));
    assertEquals(Double.NEGATIVE_INFINITY, SpecialMath.log2(0.0));
    assertEquals(Double.POSITIVE_INFINITY, SpecialMath.log2(Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(SpecialMath.log2(-1.0)));
    assertEquals(Math.log(10) / Math.log(2), SpecialMath.log2(10.0), 1e-15);
  }
}
