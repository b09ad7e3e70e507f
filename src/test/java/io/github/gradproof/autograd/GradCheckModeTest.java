package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Which mode a check takes at the threshold, and what a point that passes at once costs (found
 * unpinned by mutation testing, docs/MUTANTS.md): {@value GradCheck#FAST_MODE_THRESHOLD} elements
 * are still checked one by one, one more by {@value GradCheck#PROJECTIONS} projections; a point
 * within the first allowance costs exactly its two evaluations.
 */
class GradCheckModeTest {

  private static final ToDoubleFunction<Var> SUM_OF_SQUARES = v -> v.mul(v).sum().value().item();

  private static Tensor ramp(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 0.5 + (i % 7) * 0.25;
    }
    return Tensor.of(x, n);
  }

  private static Tensor twice(Tensor x) {
    double[] g = x.toArray();
    for (int i = 0; i < g.length; i++) {
      g[i] *= 2;
    }
    return Tensor.of(g, x.shape());
  }

  @Test
  void theThresholdItselfIsCheckedElementwise() {
    int n = GradCheck.FAST_MODE_THRESHOLD;
    Tensor x = ramp(n);
    Tensor g = twice(x);
    double[] wrong = g.toArray();
    wrong[5] += 1;
    GradCheckResult r = GradCheck.check(SUM_OF_SQUARES, x, Tensor.of(wrong, n));
    assertTrue(!r.passed());
    assertArrayEquals(new int[] {5}, r.worstIndex(), "elementwise mode names the element");
    assertTrue(r.evaluations() >= 1 + 2 * n, "two evaluations per element: " + r.evaluations());
    // one element more: projections, at most 1 + 7 + 3 and 4 per direction
    Tensor y = ramp(n + 1);
    GradCheckResult p = GradCheck.check(SUM_OF_SQUARES, y, twice(y));
    assertTrue(p.passed());
    assertArrayEquals(new int[0], p.worstIndex());
    assertTrue(p.evaluations() <= 1 + 7 + 3 + 4 * GradCheck.PROJECTIONS, "evaluations " + p.evaluations());
  }

  /**
   * A constant objective with the zero gradient: every difference is exactly 0 and the allowance 0,
   * which passes at once ({@code 0 <= 0}): one evaluation at the point and two per element, no
   * refinement, no noise probe.
   */
  @Test
  void aPointWithinTheFirstAllowanceCostsTwoEvaluations() {
    Tensor x = ramp(6);
    GradCheckResult r = GradCheck.check(v -> v.mul(Var.constant(Tensor.scalar(0))).sum().value().item(), x,
        Tensor.zeros(6));
    assertTrue(r.passed());
    assertEquals(1 + 2 * 6, r.evaluations());
    assertEquals(0.0, r.maxAbsError());
  }

  /**
   * Fast mode needs the second step too: {@code sum(exp(3000 x))} over 5000 elements has a truncation
   * error at the base step far above the relative tolerance along every direction, so each projection is
   * refined with the half step (whose central difference divides by its own width) and Richardson's value.
   */
  @Test
  void projectionsAreRefinedWithTheHalfStepToo() {
    int n = GradCheck.FAST_MODE_THRESHOLD + 904;
    double[] x = new Rng(3).uniform(n).toArray();
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] *= 1e-3;
      g[i] = 3000 * Math.exp(3000 * x[i]);
    }
    ToDoubleFunction<Var> f = v -> v.mul(Var.constant(Tensor.scalar(3000))).exp().sum().value().item();
    GradCheckResult r = GradCheck.check(f, Tensor.of(x, n), Tensor.of(g, n));
    assertTrue(r.passed(), r::toString);
    assertTrue(r.evaluations() > 1 + 2 * GradCheck.PROJECTIONS, "refined: " + r);
    double[] wrong = g.clone();
    for (int i = 0; i < n; i++) {
      wrong[i] *= 1.0001;
    }
    assertTrue(!GradCheck.check(f, Tensor.of(x, n), Tensor.of(wrong, n)).passed(), "1e-4 too large is caught");
  }

  /**
   * In fast mode the gradient's scale {@code S} of the step {@code t = c·∛(K·ε·|f| / (S·c))} is its norm
   * {@code ‖g‖}: doubling the gradient shrinks the step by {@code 2^(1/3)}. Seen in the first evaluation
   * after the one at {@code x}, at {@code x + t·u}.
   */
  @Test
  void theProjectionStepFollowsTheGradientsNorm() {
    int n = GradCheck.FAST_MODE_THRESHOLD + 1;
    double[] firstStep = new double[2];
    for (int k = 0; k < 2; k++) {
      java.util.List<double[]> points = new java.util.ArrayList<>();
      ToDoubleFunction<Var> f = v -> {
        points.add(v.value().toArray());
        return v.sum().add(Var.constant(Tensor.scalar(1e9))).value().item();
      };
      GradCheck.check(f, Tensor.zeros(n), Tensor.full(k + 1.0, n));
      firstStep[k] = points.get(1)[0];
    }
    assertEquals(Math.cbrt(0.5), firstStep[1] / firstStep[0], 1e-12);
  }
}
