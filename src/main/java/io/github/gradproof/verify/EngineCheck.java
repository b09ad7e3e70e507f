package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.function.ToDoubleFunction;

/** How an engine gradient is checked against finite differences: {@link GradCheck} unless a test says otherwise. */
@FunctionalInterface
interface EngineCheck {

  EngineCheck CENTRAL_DIFFERENCES = GradCheck::check;

  GradCheckResult check(ToDoubleFunction<Var> f, Tensor x, Tensor analyticGrad);
}
