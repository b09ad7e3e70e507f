package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slope fit of the convergence experiment, and the trial seeds. */
class FiniteDifferenceExperimentTest {

  @Test
  void slopeOfAnExactPowerLawIsItsExponent() {
    List<Double> steps = new ArrayList<>();
    List<Double> linear = new ArrayList<>();
    List<Double> quadratic = new ArrayList<>();
    for (int k = 0; k < 13; k++) {
      double h = Math.pow(10, -1 - 3.0 * k / 12);
      steps.add(h);
      linear.add(3 * h);
      quadratic.add(0.5 * h * h);
    }
    assertEquals(1.0, FiniteDifferenceExperiment.slope(steps, linear), 1e-12);
    assertEquals(2.0, FiniteDifferenceExperiment.slope(steps, quadratic), 1e-12);
  }

  @Test
  void zeroErrorsAreLeftOutOfTheFit() {
    assertEquals(2.0, FiniteDifferenceExperiment.slope(List.of(0.1, 0.01, 0.001), List.of(0.01, 0.0, 1e-6)), 1e-12);
    assertTrue(Double.isNaN(FiniteDifferenceExperiment.slope(List.of(0.1, 0.01), List.of(0.0, 0.0))));
  }

  @Test
  void seedsAreFixedAndDistinct() {
    assertEquals(Seeds.of("q-08-01", 0), Seeds.of("q-08-01", 0));
    assertNotEquals(Seeds.of("q-08-01", 0), Seeds.of("q-08-01", 1));
    assertNotEquals(Seeds.of("q-08-01", 0), Seeds.of("q-08-02", 0));
  }
}
