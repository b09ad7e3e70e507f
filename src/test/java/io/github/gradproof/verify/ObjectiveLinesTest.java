package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.quiz.Question;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A perturbed trial re-runs only the forward lines its output reads: a line beside the output
 * changes nothing of the objective, and its kinks are not the objective's.
 */
class ObjectiveLinesTest {

  private static CompiledQuestion compiled(String forward) {
    Question q = TestQuestions.free("q-live", TestQuestions.exactDims(TestQuestions.setup("N=4", "x[N]", forward)),
        "dx.shape == (N,)");
    CompiledQuestion cq = new CompiledQuestion(q);
    assertEquals(List.of(), cq.errors);
    return cq;
  }

  /** A trial whose input has an element exactly at relu's kink. */
  private static Trial atKink(CompiledQuestion cq) {
    Tensor x = Tensor.vector(0.0, 0.5, -0.75, 1.25);
    return new Trial(cq, cq.dimAssignments().get(0), Seeds.of("q-live", 0), Map.of("x", x));
  }

  @Test
  void theLinesTheOutputReadsAreMarkedDirectlyOrNot() {
    CompiledQuestion cq = compiled("r = relu(x); h = x * x; g = h + 1; s = sum(g)");
    assertArrayEquals(new boolean[] {false, true, true, true}, cq.feedsOutput);
  }

  @Test
  void aKinkInALineTheOutputDoesNotReadSkipsNoPoint() {
    GradCheckResult r = atKink(compiled("r = relu(x); s = sum(x * x)")).check("x", EngineCheck.CENTRAL_DIFFERENCES);
    assertTrue(r.passed());
    assertEquals(0, r.skipped());
  }

  @Test
  void aKinkInALineTheOutputReadsIsStillSkipped() {
    GradCheckResult r = atKink(compiled("r = relu(x); s = sum(r * x)")).check("x", EngineCheck.CENTRAL_DIFFERENCES);
    assertTrue(r.passed());
    assertEquals(1, r.skipped());
  }
}
