package io.github.gradproof.verify;

/**
 * {@code fd_order} asked of an objective on which the finite-difference error is rounding at
 * (nearly) every step, so that no order of convergence can be measured: an authoring error.
 */
final class MeaninglessExperiment extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MeaninglessExperiment(boolean central) {
    super(message(central), null, false, false);
  }

  private static String message(boolean central) {
    String method = central ? "central" : "forward";
    return "fd_order(" + method + ") measures nothing on this objective: at the steps from 1e-1 to 1e-4, its "
        + method + "-difference error is no larger than the rounding of the objective itself (its "
        + (central ? "third" : "second") + " derivative along the direction is zero or too small, as "
        + (central ? "for a quadratic such as sum(x * x)" : "for a linear objective such as sum(x)")
        + ", or the objective is so large that its rounding hides the error, as with a large constant added: "
        + "sum(x ** 4) + 1e8), so the slope of error against step is rounding's, not the method's; measure the "
        + "order on an objective with curvature and without a large constant, such as sum(tanh(x) * exp(x / 2))";
  }
}
