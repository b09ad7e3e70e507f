package io.github.gradproof.claim;

import io.github.gradproof.autograd.Tensor;
import java.util.List;

/** gradproof's finite-difference experiments on the question's own setup. */
final class ExperimentFunctions {

  private ExperimentFunctions() {}

  static List<Function> all() {
    return List.of(
        Function.own("fd_order").param("method", ParamType.METHOD)
            .result(a -> StaticType.tensor(Shape.scalar()))
            .evalValue(a -> Value.constant(Tensor.scalar(a.experiments().order(central(a)))))
            .math(Notation.subscripted("order", "method")).build(),
        Function.own("fd_evals").param("method", ParamType.METHOD)
            .result(a -> new StaticType.IntType(Dim.unknown()))
            .evalValue(a -> new Value.IntValue(a.experiments().evaluations(central(a))))
            .math(Notation.subscripted("evals", "method")).build());
  }

  private static boolean central(Args a) {
    return ((Value.MethodValue) a.value("method")).central();
  }
}
