package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How far the convergence experiment's fitted points bend from a straight line, on synthetic
 * errors whose answer is worked by hand, and which steps the fit takes at its two boundaries
 * (found unpinned by mutation testing, docs/MUTANTS.md).
 */
class FiniteDifferenceBendTest {

  private static final double MAX_STEP = FiniteDifferenceExperiment.FIT_MAX_STEP;

  /** The experiment's 13 steps, 10^-1 down to 10^-4, four per decade. */
  private static List<Double> steps() {
    List<Double> steps = new ArrayList<>();
    for (int k = 0; k < 13; k++) {
      steps.add(Math.pow(10, -1 - 3.0 * k / 12));
    }
    return steps;
  }

  private static List<Double> quadratic(List<Double> steps) {
    return steps.stream().map(h -> 3 * h * h).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
  }

  private static List<Double> zeros(int n) {
    return new ArrayList<>(Collections.nCopies(n, 0.0));
  }

  @Test
  void anExactPowerLawDoesNotBend() {
    List<Double> steps = steps();
    assertEquals(0, FiniteDifferenceExperiment.bend(steps, quadratic(steps), zeros(13)), 1e-9);
  }

  /**
   * The fit takes steps 4..12 (10^-2 down to 10^-4); the middle one, step 8, is ten times too
   * large. It sits at the mean of the log steps, so the least-squares slope stays 2; the slopes
   * to its neighbours are {@code 2 ± ln 10 / (0.25 ln 10) = 2 ± 4}: the bend is 4.
   */
  @Test
  void oneStrayPointBendsByItsLocalSlopes() {
    List<Double> steps = steps();
    List<Double> errors = quadratic(steps);
    errors.set(8, errors.get(8) * 10);
    assertEquals(2.0, FiniteDifferenceExperiment.slope(steps, errors, zeros(13)), 1e-9);
    assertEquals(4.0, FiniteDifferenceExperiment.bend(steps, errors, zeros(13)), 1e-9);
  }

  /** Steps above 10^-2 are not fitted: any error there leaves the line straight. */
  @Test
  void largeStepsAreNotFitted() {
    List<Double> steps = steps();
    List<Double> errors = quadratic(steps);
    for (int k = 0; k < 4; k++) {
      errors.set(k, 1e3 * (k + 1));
    }
    assertEquals(2.0, FiniteDifferenceExperiment.slope(steps, errors, zeros(13)), 1e-9);
    assertEquals(0, FiniteDifferenceExperiment.bend(steps, errors, zeros(13)), 1e-9);
  }

  /** A step of exactly {@code FIT_MAX_STEP} is fitted ("up to"): a stray error there bends the line. */
  @Test
  void theLargestFittedStepIsInclusive() {
    List<Double> steps = List.of(MAX_STEP, 1e-3, 1e-4, 1e-5, 1e-6);
    List<Double> errors = List.of(100 * MAX_STEP * MAX_STEP, 1e-6, 1e-8, 1e-10, 1e-12);
    double fit = FiniteDifferenceExperiment.slope(steps, errors, zeros(5));
    assertTrue(Math.abs(fit - 2) > 0.1, "the stray first step is fitted: " + fit);
    assertTrue(FiniteDifferenceExperiment.bend(steps, errors, zeros(5)) > 1);
    // one step above it, the same error is ignored
    List<Double> above = List.of(Math.nextUp(MAX_STEP), 1e-3, 1e-4, 1e-5, 1e-6);
    assertEquals(2.0, FiniteDifferenceExperiment.slope(above, errors, zeros(5)), 1e-9);
    assertEquals(0, FiniteDifferenceExperiment.bend(above, errors, zeros(5)), 1e-9);
  }

  /**
   * An error of exactly {@code TRUNCATION_MARGIN} times its floor is rounding ("within" the
   * margin) and not fitted: a stray error of 5 with floor 0.5 leaves the line straight.
   */
  @Test
  void anErrorAtExactlyTheMarginIsRounding() {
    List<Double> steps = List.of(1e-2, 1e-3, 1e-4, 1e-5, 1e-6);
    List<Double> floors = List.of(0.5, 0.0, 0.0, 0.0, 0.0);
    assertEquals(5.0, FiniteDifferenceExperiment.TRUNCATION_MARGIN * 0.5, 0.0);
    List<Double> errors = List.of(5.0, 1e-6, 1e-8, 1e-10, 1e-12);
    assertEquals(2.0, FiniteDifferenceExperiment.slope(steps, errors, floors), 1e-9);
    assertEquals(0, FiniteDifferenceExperiment.bend(steps, errors, floors), 1e-9);
    List<Double> over = List.of(Math.nextUp(5.0), 1e-6, 1e-8, 1e-10, 1e-12);
    assertTrue(FiniteDifferenceExperiment.bend(steps, over, floors) > 1, "just over the margin it is fitted");
  }

  /** With fewer than {@code MIN_FIT} fitted steps nothing is measured, and nothing bends. */
  @Test
  void tooFewFittedStepsDoNotBend() {
    List<Double> steps = List.of(1e-2, 1e-3, 1e-4);
    assertEquals(0, FiniteDifferenceExperiment.bend(steps, List.of(1.0, 1e-6, 1.0), zeros(3)), 0.0);
  }
}
