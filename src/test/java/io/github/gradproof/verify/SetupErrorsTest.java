package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Setup;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Authoring errors {@link CompiledQuestion} finds before any trial runs, at the edges found by
 * mutation testing (docs/MUTANTS.md): unknown dims in an input's shape or classes, gradients or
 * experiments without an objective, and a forward line that fails to parse without a cascade of
 * errors in the lines after it.
 */
class SetupErrorsTest {

  private static List<String> errors(Setup setup, String... claims) {
    return new CompiledQuestion(TestQuestions.free("q-setup", setup, claims)).errors.stream()
        .map(Diagnostic::message).toList();
  }

  @Test
  void anUnknownDimInAnInputsShapeIsAnError() {
    assertEquals(List.of("unknown dim 'Q' in the shape of 'x'; declare it under dims or write an integer"),
        errors(TestQuestions.setup("N=3", "x[N,Q]", "L = sum(x)"), "dx = ones_like(x)"));
    assertEquals(List.of(), errors(TestQuestions.setup("N=3", "x[N,4]", "L = sum(x)"), "dx = ones_like(x)"),
        "an integer axis needs no dim");
  }

  @Test
  void anUnknownDimAsTheClassesOfLabelsIsAnError() {
    assertEquals(List.of("unknown dim 'Q' in 'classes' of 'y'; declare it under dims or write an integer"),
        errors(TestQuestions.setup("N=3", "x[N] y[N]:labels(Q)", "L = sum(x)"), "dx = ones_like(x)"));
  }

  @Test
  void gradientsAndExperimentsNeedForwardLines() {
    Setup inputsOnly = TestQuestions.setup("N=3", "x[N]", "");
    assertEquals(List.of("gradients need an objective: add forward lines to the setup (the last one is the objective)"),
        errors(inputsOnly, "dx = ones_like(x)"));
    assertEquals(List.of(), errors(inputsOnly, "x * 0 == zeros_like(x)"), "a claim without gradients needs none");
    assertEquals(List.of("fd_order/fd_evals need forward lines and a float input in the setup"),
        errors(inputsOnly, "fd_order(central) ~ 2"));
    // forward lines but no float input: the experiment has nothing to move
    Setup labelsOnly = TestQuestions.setup("N=3 K=4", "y[N]:labels(K)", "L = sum(y * 1.5)");
    assertEquals(List.of("fd_order/fd_evals need forward lines and a float input in the setup"),
        errors(labelsOnly, "fd_order(central) ~ 2"));
    assertEquals(List.of(), errors(TestQuestions.setup("N=3", "x[N]", "L = sum(x ** 3)"), "fd_order(central) ~ 2"));
  }

  /** A forward line that fails to parse still defines its name: the lines after it report nothing more. */
  @Test
  void aBrokenForwardLineDoesNotCascade() {
    List<String> errors = errors(TestQuestions.setup("N=3", "x[N]", "h = x +* 2; L = sum(h)"), "dx = 2 * x");
    assertEquals(1, errors.size(), errors.toString());
  }
}
