package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every non-smooth op reports its branches, so a central difference that straddles one of its kinks
 * (or jumps) is skipped rather than failed. Each case puts some elements exactly on a kink, shows that a
 * plain central difference there disagrees with the engine's one-sided gradient (so a check that did not
 * skip would fail), and that {@link GradCheck#check} passes while skipping exactly those elements.
 */
class KinkTest {

  private static Var c(double... v) {
    return Var.constant(Tensor.vector(v));
  }

  static List<Arguments> kinks() {
    return List.of(
        kink("abs", x -> x.abs(), new double[] {0, 1.5, -2}, 0),
        kink("sign", x -> x.sign(), new double[] {0, 1.5, -2}, 0),
        kink("relu", x -> x.relu(), new double[] {-1, 0, 2}, 1),
        kink("leaky_relu", x -> x.leakyRelu(0.1), new double[] {0, -1, 2}, 0),
        kink("maximum", x -> x.maximum(c(1, 0, 3)), new double[] {1, 2, -1}, 0),
        kink("minimum", x -> x.minimum(c(1, 0, 3)), new double[] {1, 2, -1}, 0),
        kink("clip at lo", x -> x.clip(c(-1), c(1)), new double[] {-1, 0.5, 3}, 0),
        kink("clip at hi", x -> x.clip(c(-1), c(1)), new double[] {0.5, 1, 3}, 1),
        kink("max (tie)", x -> x.max(null, false), new double[] {2, 2, 1}, 0, 1),
        kink("min (tie)", x -> x.min(null, false), new double[] {-1, 3, -1}, 0, 2),
        kink("argmax (tie)", x -> x.mul(x.argmax(null, false)), new double[] {2, 2, 1}, 0, 1),
        kink("argmin (tie)", x -> x.mul(x.argmin(null, false)), new double[] {1, 3, 1}, 0, 2),
        kink("comparison", x -> x.mul(x.gt(c(0.5))), new double[] {0.5, 2, -1}, 0),
        kink("where on a comparison", x -> Ops.where(x.gt(c(0)), x.square(), x.neg()), new double[] {0, 2, -1}, 0),
        kink("max_pool2d (tie in a window)", x -> Ops.maxPool2d(x.reshape(1, 2, 2), new int[] {2, 2}, null,
            new int[] {0, 0}), new double[] {1, 3, 3, 0}, 1, 2));
  }

  private static Arguments kink(String name, UnaryOperator<Var> op, double[] x, int... atKink) {
    return Arguments.of(name, op, Tensor.vector(x), atKink);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinks")
  void aCentralDifferenceAcrossAKinkIsSkippedNotFailed(String name, UnaryOperator<Var> op, Tensor x, int[] atKink) {
    Var p = Var.parameter(x);
    Var out = op.apply(p);
    Var w = Var.constant(weights(out.value().shape()));
    out.mul(w).sum().backward();
    ToDoubleFunction<Var> f = v -> op.apply(v).mul(w).sum().value().item();
    for (int i : atKink) {
      assertTrue(onKink(f, x, i), name + ": element " + i + " is not on a kink");
    }
    GradCheckResult r = GradCheck.check(f, x, p.grad());
    assertTrue(r.passed(), () -> name + ": " + r);
    assertEquals(atKink.length, r.skipped(), () -> name + ": " + r);
  }

  static List<Arguments> isolatedBranchPoints() {
    return List.of(
        kink("x * (x == b) at a tie", x -> x.mul(x.eq(c(2, 0.5, -1))), new double[] {2, 1.5, -1}, 0, 2),
        kink("x * (x != b) at a tie", x -> x.mul(x.ne(c(2, 0.5, -1))), new double[] {3, 0.5, -2}, 1),
        kink("exp(x) * (x == 0)", x -> x.exp().mul(x.eq(c(0))), new double[] {0, 1, -1}, 0),
        kink("where(x == 0, 3 * x, x)", x -> Ops.where(x.eq(c(0)), x.mul(c(3)), x), new double[] {1, 0, 0}, 1, 2));
  }

  /**
   * A branch that holds at an isolated point (a tie of {@code ==} or {@code !=}) is the same at
   * {@code x + h} and {@code x - h}, so the two neighbours agree with each other and only the point
   * itself differs. The central difference there measures the other branch, which is not the
   * engine's (PyTorch's) gradient at the point: the check must skip it, not blame the engine.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("isolatedBranchPoints")
  void aCentralDifferenceAroundAnIsolatedBranchPointIsSkippedNotFailed(String name, UnaryOperator<Var> op,
      Tensor x, int[] atPoint) {
    Var p = Var.parameter(x);
    Var w = Var.constant(weights(x.shape()));
    op.apply(p).mul(w).sum().backward();
    ToDoubleFunction<Var> f = v -> op.apply(v).mul(w).sum().value().item();
    for (int i : atPoint) {
      double h = 1e-6;
      double central = (f.applyAsDouble(Var.constant(moved(x, i, h)))
          - f.applyAsDouble(Var.constant(moved(x, i, -h)))) / (2 * h);
      assertTrue(Math.abs(central - p.grad().toArray()[i]) > 0.1,
          name + ": at element " + i + " a central difference agrees with the engine");
    }
    GradCheckResult r = GradCheck.check(f, x, p.grad());
    assertTrue(r.passed(), () -> name + ": " + r);
    assertEquals(atPoint.length, r.skipped(), () -> name + ": " + r);
  }

  /** Skipping the tie does not excuse the other elements: a wrong gradient there still fails. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("isolatedBranchPoints")
  void aWrongGradientBesideAnIsolatedBranchPointStillFails(String name, UnaryOperator<Var> op, Tensor x,
      int[] atPoint) {
    Var p = Var.parameter(x);
    Var w = Var.constant(weights(x.shape()));
    op.apply(p).mul(w).sum().backward();
    ToDoubleFunction<Var> f = v -> op.apply(v).mul(w).sum().value().item();
    double[] wrong = p.grad().toArray();
    int off = IntStream.range(0, wrong.length)
        .filter(i -> Arrays.stream(atPoint).noneMatch(k -> k == i)).findFirst().orElseThrow();
    wrong[off] += 0.5;
    GradCheckResult r = GradCheck.check(f, x, Tensor.vector(wrong));
    assertTrue(!r.passed(), () -> name + ": a gradient off by 0.5 at element " + off + " passed: " + r);
  }

  private static Tensor moved(Tensor x, int i, double by) {
    double[] v = x.toArray();
    v[i] += by;
    return Tensor.vector(v);
  }

  /** Whether f has a jump at element i, or one-sided slopes that differ (a corner). */
  private static boolean onKink(ToDoubleFunction<Var> f, Tensor x, int i) {
    double h = 1e-6;
    double[] v = x.toArray();
    double at = f.applyAsDouble(Var.constant(x));
    v[i] = x.toArray()[i] + h;
    double plus = f.applyAsDouble(Var.constant(Tensor.vector(v)));
    v[i] = x.toArray()[i] - h;
    double minus = f.applyAsDouble(Var.constant(Tensor.vector(v)));
    double right = (plus - at) / h;
    double left = (at - minus) / h;
    return Math.abs(plus - minus) > 1e-3 || Math.abs(right - left) > 1e-3;
  }

  /** Fixed weights so every output element matters. */
  private static Tensor weights(int[] shape) {
    double[] pattern = {0.7, -1.3, 0.4, 1.1};
    double[] w = new double[Tensor.zeros(shape).size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = pattern[i % pattern.length];
    }
    return Tensor.of(w, shape);
  }
}
