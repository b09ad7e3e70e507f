package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The convergence experiment at the edges found by mutation testing (docs/MUTANTS.md): it moves
 * along a unit direction, leaves rounding-dominated steps out of the fit, and leaves its trial as it
 * found it; and which names a trial's values are computed from.
 */
class ExperimentDirectionTest {

  private static Trial trial(String inputs, String forward) {
    Question q = TestQuestions.free("q-dir", TestQuestions.exactDims(TestQuestions.setup("N=6", inputs, forward)),
        "fd_order(forward) ~ 1");
    CompiledQuestion cq = new CompiledQuestion(q);
    assertEquals(List.of(), cq.errors);
    return new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
  }

  /**
   * On f = |x|² / 2 the forward difference along u is off by exactly h |u|² / 2 (f(x + hu) - f(x) =
   * h x·u + h² |u|² / 2), whatever the direction: h / 2 at every step when u is a unit vector.
   */
  @Test
  void theDirectionIsAUnitVector() {
    ConvergenceExperiment e = trial("x[N]", "f = sum(x * x) / 2").experiment();
    assertEquals(FiniteDifferenceExperiment.POINTS, e.steps().size());
    for (int k = 0; k < e.steps().size(); k++) {
      double h = e.steps().get(k);
      assertEquals(h / 2, e.forwardErrors().get(k), 1e-6 * h, "step " + h);
    }
  }

  /**
   * f = |x|² / 2 + 1e10: a difference of two values near 1e10 rounds by about 2e10 × 2^-51 / h,
   * and the fit needs its error h / 2 to exceed 10 times that: h > about 1.3e-2, above the largest
   * fitted step 1e-2. So neither method measures anything here (the central error is rounding
   * alone), although every step has a non-zero error.
   */
  @Test
  void roundingOnALargeObjectiveLeavesNothingToFit() {
    ConvergenceExperiment e = trial("x[N]", "f = sum(x * x) / 2 + 1e10").experiment();
    assertTrue(e.forwardErrors().stream().allMatch(v -> v > 0), e.forwardErrors().toString());
    assertTrue(e.centralErrors().stream().filter(v -> v > 0).count() >= FiniteDifferenceExperiment.MIN_FIT,
        e.centralErrors().toString());
    assertEquals(Double.NaN, e.forwardOrder());
    assertEquals(Double.NaN, e.centralOrder());
  }

  /**
   * The experiment moves the input and puts it back: a re-run of the lines from the second on
   * (which reads x again) gives the trial's objective after the experiment as before it.
   */
  @Test
  void theExperimentPutsTheInputBackForLaterReRuns() {
    Trial t = trial("x[N]", "h = x * x; f = sum(h * x)");
    double f = t.value("f").item();
    assertEquals(f, t.objective(1, "h", t.value("h")), 1e-12 * Math.abs(f));
    t.experiment();
    assertEquals(f, t.objective(1, "h", t.value("h")), 1e-12 * Math.abs(f));
  }

  /** The values a name is computed from: back through every forward line, the first one included. */
  @Test
  void aNameIsComputedFromEveryLineBeforeIt() {
    Trial t = trial("x[N] y[N]", "h = x * x; g = h + y; f = sum(g)");
    assertEquals(Set.of("h", "x"), t.computing(Set.of("h")));
    assertEquals(Set.of("g", "h", "x", "y"), t.computing(Set.of("g")));
    assertEquals(Set.of("y"), t.computing(Set.of("y")));
    assertEquals(List.of("f", "g", "h", "x", "y"), List.copyOf(new java.util.TreeSet<>(t.computing(Set.of("f")))));
  }
}
