package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import org.junit.jupiter.api.Test;

/**
 * An experiment that measures nothing says which method, which derivative vanished and an example
 * of such an objective for that method: the central method is exact on a quadratic, the forward
 * method on a linear objective.
 */
class MeaninglessExperimentTest {

  private static String refusal(String forward, boolean central) {
    Question q = TestQuestions.free("q-nothing", TestQuestions.exactDims(TestQuestions.setup("N=6", "x[N]", forward)),
        "fd_order(forward) ~ 1");
    CompiledQuestion cq = new CompiledQuestion(q);
    Trial trial = new Trial(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    return assertThrows(MeaninglessExperiment.class, () -> trial.order(central)).getMessage();
  }

  @Test
  void centralDifferencesOnAQuadraticMeasureNothing() {
    assertEquals("fd_order(central) measures nothing on this objective: at the steps from 1e-1 to 1e-4, its "
        + "central-difference error is no larger than the rounding of the objective itself (its third derivative "
        + "along the direction is zero or too small, as for a quadratic such as sum(x * x), or the objective is so "
        + "large that its rounding hides the error, as with a large constant added: sum(x ** 4) + 1e8), so the slope "
        + "of error against step is rounding's, not the method's; measure the order on an objective with curvature "
        + "and without a large constant, such as sum(tanh(x) * exp(x / 2))", refusal("f = sum(x * x)", true));
  }

  @Test
  void aLargeConstantHidesTheErrorAndTheMessageSaysSo() {
    assertTrue(refusal("f = sum(x ** 4) + 1e8", true).contains("as with a large constant added"));
  }

  @Test
  void forwardDifferencesOnALinearObjectiveMeasureNothing() {
    assertEquals("fd_order(forward) measures nothing on this objective: at the steps from 1e-1 to 1e-4, its "
        + "forward-difference error is no larger than the rounding of the objective itself (its second derivative "
        + "along the direction is zero or too small, as for a linear objective such as sum(x), or the objective is so "
        + "large that its rounding hides the error, as with a large constant added: sum(x ** 4) + 1e8), so the slope "
        + "of error against step is rounding's, not the method's; measure the order on an objective with curvature "
        + "and without a large constant, such as sum(tanh(x) * exp(x / 2))", refusal("f = sum(3 * x)", false));
  }
}
