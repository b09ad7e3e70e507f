package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every op's forward values and vector-Jacobian products against the golden fixtures (NumPy forwards,
 * PyTorch gradients; see {@code src/test/python/golden_ops.py}), and every op's gradient against the
 * finite-difference {@link GradCheck} at the same inputs.
 */
class GoldenOpsTest {

  /**
   * Both sides compute in float64, so they differ only by rounding in a different order of operations.
   * The longest reduction in the fixtures adds about 100 products of values of order 1-10, whose
   * rounding error is at most about {@code 100 · 2^-53 · Σ|terms|}, around 1e-14 of the operands' scale;
   * the largest difference measured over all fixtures is 1.0e-15 of the scale. {@code 1e-13 · (1 +
   * max|expected|)} leaves that a hundredfold margin and is ten million times tighter than the claims'
   * own tolerance, so a wrong formula (off by a term, a sign or an axis: errors of order 1e-2 and above)
   * cannot pass.
   */
  static final double TOLERANCE = 1e-13;

  @TestFactory
  Stream<DynamicContainer> everyOpMatchesItsFixture() {
    return GoldenFixtures.ops().stream().map(op -> DynamicContainer.dynamicContainer(op,
        GoldenFixtures.cases(op).stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)))));
  }

  @Test
  void everyFixtureHasAnEngineSpellingAndEveryEngineSpellingAFixture() {
    assertEquals(new ArrayList<>(GoldenOps.OPS.keySet()), GoldenFixtures.ops());
  }

  private static void check(GoldenFixtures.Case c) {
    GoldenOps.Fn fn = GoldenOps.OPS.get(c.op());
    Var[] params = new Var[c.inputs().size()];
    for (int i = 0; i < params.length; i++) {
      params[i] = c.differentiable()[i] ? Var.parameter(c.inputs().get(i)) : Var.constant(c.inputs().get(i));
    }
    Var out = fn.apply(params, c.args());
    assertClose("forward", out.value(), c.output());
    if (c.upstream() == null) {
      assertTrue(!out.requiresGrad() || params.length == 0 || !anyDifferentiable(c), "no gradient expected");
      return;
    }
    Gradients grads = out.backward(c.upstream());
    for (int i = 0; i < params.length; i++) {
      if (c.grads().get(i) == null) {
        assertEquals(Tensor.zeros(c.inputs().get(i).shape()), grads.of(params[i]), "input " + i + " takes no gradient");
      } else {
        assertClose("gradient of input " + i, grads.of(params[i]), c.grads().get(i));
        if (!c.kink() && c.finiteDifferences()) {
          assertFiniteDifferencesAgree(c, fn, i, grads.of(params[i]));
        }
      }
    }
  }

  private static boolean anyDifferentiable(GoldenFixtures.Case c) {
    for (boolean d : c.differentiable()) {
      if (d) {
        return true;
      }
    }
    return false;
  }

  /** The engine's gradient of {@code sum(op(x) * upstream)} against central differences. */
  private static void assertFiniteDifferencesAgree(GoldenFixtures.Case c, GoldenOps.Fn fn, int i, Tensor grad) {
    GradCheckResult r = GradCheck.check(x -> {
      Var[] args = new Var[c.inputs().size()];
      for (int j = 0; j < args.length; j++) {
        args[j] = j == i ? x : Var.constant(c.inputs().get(j));
      }
      return fn.apply(args, c.args()).mul(Var.constant(c.upstream())).sum().value().item();
    }, c.inputs().get(i), grad);
    assertTrue(r.passed(), () -> "finite differences of input " + i + ": " + r);
  }

  static void assertClose(String what, Tensor actual, Tensor expected) {
    assertEquals(expected.shapeString(), actual.shapeString(), what + " shape");
    double[] a = actual.toArray();
    double[] e = expected.toArray();
    double scale = 1;
    for (double v : e) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int k = 0; k < e.length; k++) {
      double err = Math.abs(a[k] - e[k]);
      if (!(err <= TOLERANCE * scale)) {
        fail(what + " differs at flat index " + k + ": engine " + a[k] + ", reference " + e[k] + " (error "
            + err + ", allowed " + TOLERANCE * scale + ")\nengine    " + Arrays.toString(a) + "\nreference "
            + Arrays.toString(e));
      }
    }
  }
}
