package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;

/** Test helper: compares engine gradients of {@code sum(fn(inputs) * w)} with central differences. */
final class GradAssert {

  private GradAssert() {}

  /** Checks every input's gradient; a random weight {@code w} makes every output element matter. */
  static void assertGradients(Function<Var[], Var> fn, Tensor... inputs) {
    Var[] params = new Var[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      params[i] = Var.parameter(inputs[i]);
    }
    Var out = fn.apply(params);
    Tensor w = new Rng(99).normal(out.value().shape());
    Gradients gradients = out.mul(Var.constant(w)).sum().backward();
    for (int i = 0; i < inputs.length; i++) {
      int k = i;
      GradCheckResult r = GradCheck.check(x -> {
        Var[] args = new Var[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
          args[j] = j == k ? x : Var.constant(inputs[j]);
        }
        return fn.apply(args).mul(Var.constant(w)).sum().value().item();
      }, inputs[k], gradients.of(params[k]));
      assertTrue(r.passed(), () -> "gradient of input " + k + " " + inputs[k].shapeString() + ": " + r);
      assertTrue(r.skipped() < Math.max(1, inputs[k].size()) || inputs[k].size() == 0,
          () -> "every point skipped: " + r);
    }
  }
}
