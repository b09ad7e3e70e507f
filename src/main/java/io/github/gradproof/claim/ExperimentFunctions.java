package io.github.gradproof.claim;

import io.github.gradproof.autograd.Tensor;
import java.util.List;

/** gradproof's finite-difference experiments on the question's own setup. */
final class ExperimentFunctions {

  private ExperimentFunctions() {}

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "fd_order", "fd_evals");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(ExperimentFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    return switch (name) {
      case "fd_order" -> Function.own("fd_order").param("method", ParamType.METHOD)
          .result(a -> StaticType.tensor(Shape.scalar()))
          .evalValue(a -> Value.constant(Tensor.scalar(a.experiments().order(central(a)))))
          .math(Notation.subscripted("order", "method")).build();
      case "fd_evals" -> Function.own("fd_evals").param("method", ParamType.METHOD)
          .result(a -> new StaticType.IntType(Dim.unknown()))
          .evalValue(a -> new Value.IntValue(a.experiments().evaluations(central(a))))
          .math(Notation.subscripted("evals", "method")).build();
      default -> null;
    };
  }

  private static boolean central(Args a) {
    return ((Value.MethodValue) a.value("method")).central();
  }
}
