package io.github.gradproof.verify;

import java.util.List;

/**
 * The finite-difference experiment behind claims such as {@code fd_order(central) ~ 2}: error of
 * forward and central difference estimates against autograd over a range of step sizes, computed
 * on the question's own setup.
 *
 * @param steps the step sizes, descending
 * @param forwardErrors error of the forward-difference estimate at each step
 * @param centralErrors error of the central-difference estimate at each step
 * @param forwardOrder fitted slope of log error against log step for forward differences
 * @param centralOrder the same for central differences
 * @param forwardEvaluations function evaluations for one full gradient by forward differences
 * @param centralEvaluations the same for central differences
 */
public record ConvergenceExperiment(
    List<Double> steps,
    List<Double> forwardErrors,
    List<Double> centralErrors,
    double forwardOrder,
    double centralOrder,
    int forwardEvaluations,
    int centralEvaluations) {
  public ConvergenceExperiment {
    steps = List.copyOf(steps);
    forwardErrors = List.copyOf(forwardErrors);
    centralErrors = List.copyOf(centralErrors);
  }
}
