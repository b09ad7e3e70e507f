package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The finite-difference check at the sizes and magnitudes a course uses: no false "engine is wrong"
 * on correct gradients however large the input or the objective, and still a failure for a wrong one
 * at the same sizes.
 */
class GradCheckScaleTest {

  private static Var c(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  private static Tensor times(Tensor x, double k) {
    return Var.constant(x).mul(c(k)).value();
  }

  @ParameterizedTest(name = "sum(x * x) over {0}x{1}, + {2}")
  @CsvSource({"32, 32, 0", "64, 64, 0", "32, 32, 1e6", "64, 64, 1e6", "64, 64, 1e12", "3, 4, 1e12"})
  void sumOfSquaresAtIssueSizes(int r, int cols, double offset) {
    Tensor x = new Rng(11).normal(r, cols);
    ToDoubleFunction<Var> f = v -> v.mul(v).sum().add(c(offset)).value().item();
    GradCheckResult ok = GradCheck.check(f, x, times(x, 2));
    assertTrue(ok.passed(), ok::toString);
    if (r * cols <= 1024) { // a wrong gradient needs the second step at every element: slow at 64x64
      assertFalse(GradCheck.check(f, x, times(x, 2.2)).passed(), "a wrong factor");
      assertFalse(GradCheck.check(f, x, times(x, -2)).passed(), "a wrong sign");
    }
  }

  /**
   * The figure reported reads the same at any magnitude: on {@code sum(x * x) * 1e20} the absolute
   * error is in the thousands while the error relative to the gradient's scale (its largest element,
   * the magnitude the pass rule's relative term is of) is at rounding's size, as at magnitude 1.
   */
  /**
   * A gradient that is rounding alone (0 in exact arithmetic: the sum of a softmax's outputs is 1)
   * is measured against the noise it is allowed: the check passes, and the figure must not read as a
   * disagreement of 100 %, as its own roundoff would make it.
   */
  @Test
  void aGradientOfRoundingAloneIsMeasuredAgainstItsAllowance() {
    Tensor z = new Rng(5).normal(3, 4);
    ToDoubleFunction<Var> f = v -> v.softmax(1).sum().value().item();
    Var leaf = Var.parameter(z);
    GradCheckResult r = GradCheck.check(f, z, leaf.softmax(1).sum().backward().of(leaf));
    assertTrue(r.passed(), r::toString);
    assertTrue(r.relativeError() < GradCheck.RTOL, r::toString);
  }

  /**
   * Below the smallest normal double rounding is the subnormal spacing, not a share of the value: an
   * objective of about 1e-318 (a sigmoid saturated at x - 730) passes, where the relative noise model
   * alone called differences of 1e-318 the engine's error.
   */
  @Test
  void aSubnormalObjectivePasses() {
    Tensor x = new Rng(7).normal(2, 3);
    ToDoubleFunction<Var> f = v -> v.sub(c(730)).sigmoid().sum().value().item();
    Var leaf = Var.parameter(x);
    GradCheckResult r = GradCheck.check(f, x, leaf.sub(c(730)).sigmoid().sum().backward().of(leaf));
    assertTrue(r.passed(), r::toString);
    Tensor wrong = times(leaf.sub(c(730)).sigmoid().sum().backward().of(leaf), 3);
    assertFalse(GradCheck.check(f, x, wrong).passed(), "three times the gradient is still refused");
  }

  @ParameterizedTest(name = "sum(x * x) * {0}")
  @CsvSource({"1e-12", "1", "1e12", "1e20"})
  void theRelativeErrorReadsAlikeAtAnyMagnitude(double k) {
    Tensor x = new Rng(3).normal(3, 4);
    ToDoubleFunction<Var> f = v -> v.mul(v).sum().mul(c(k)).value().item();
    Tensor g = times(x, 2 * k);
    GradCheckResult r = GradCheck.check(f, x, g);
    assertTrue(r.passed(), r::toString);
    double largest = 0;
    for (double v : g.data()) {
      largest = Math.max(largest, Math.abs(v));
    }
    // The largest element, or the magnitude whose RTOL share is a point's allowance (here the rounding
    // noise adds about 1e-4 of it): never smaller, and at rounding's size above it.
    assertTrue(r.scale() >= largest && r.scale() <= largest * 1.001, "the scale is the gradient's largest element: " + r);
    assertEquals(r.maxAbsError() / r.scale(), r.relativeError());
    assertTrue(r.relativeError() < GradCheck.RTOL, r::toString);
    if (k == 1e20) {
      assertTrue(r.maxAbsError() > 1, "an absolute figure would read as a failure: " + r);
    }
  }

  @Test
  void aStepOutOfTheDomainIsSkippedNotFailed() {
    // sqrt at 1e-7 with an offset of 1e6: the step (about 5e-4) reaches below zero
    Tensor x = Tensor.vector(1e-7, 1, 4);
    ToDoubleFunction<Var> f = v -> v.sqrt().sum().add(c(1e6)).value().item();
    Tensor g = Var.constant(x).sqrt().mul(c(2)).pow(-1).value();
    GradCheckResult r = GradCheck.check(f, x, g);
    assertTrue(r.passed(), r::toString);
    assertEquals(1, r.skipped(), r::toString);
    assertFalse(GradCheck.check(f, x, times(g, 1.01)).passed(), "the other points are still checked");
  }

  @Test
  void linearLayerWeightsAtBatch64() {
    Rng rng = new Rng(5);
    Tensor x = rng.normal(64, 32);
    Tensor w = rng.normal(32, 16);
    Tensor t = rng.normal(64, 16);
    ToDoubleFunction<Var> f = v -> {
      Var d = Var.constant(x).matmul(v).sub(Var.constant(t));
      return d.mul(d).sum().value().item();
    };
    Tensor y = Var.constant(x).matmul(Var.constant(w)).value();
    Tensor dW = Var.constant(x).T().matmul(Var.constant(y).sub(Var.constant(t)).mul(c(2))).value();
    GradCheckResult r = GradCheck.check(f, w, dW);
    assertTrue(r.passed(), r::toString);
    assertFalse(GradCheck.check(f, w, times(dW, -1)).passed());
  }

  @Test
  void matmulSquaredPlusConstantAt48By64() {
    Rng rng = new Rng(7);
    Tensor a = rng.normal(48, 64);
    Tensor b = rng.normal(64, 8);
    ToDoubleFunction<Var> f = v -> {
      Var cc = v.matmul(Var.constant(b));
      return cc.mul(cc).sum().add(c(1000)).value().item();
    };
    Tensor dA = Var.constant(a).matmul(Var.constant(b)).mul(c(2)).matmul(Var.constant(b).T()).value();
    GradCheckResult r = GradCheck.check(f, a, dA);
    assertTrue(r.passed(), r::toString);
    assertFalse(GradCheck.check(f, a, times(dA, 0.5)).passed());
  }

  /**
   * Sizes from 10 to 10^6 elements (elementwise below {@value GradCheck#FAST_MODE_THRESHOLD}, projections
   * above), objectives scaled by 10^-12 to 10^12 and offset by up to 10^12: a correct gradient passes
   * every time, and one off by 10 % or of the wrong sign fails wherever the objective is not a constant
   * plus a variation below its own rounding.
   */
  @ParameterizedTest(name = "n = {0}, scale {1}, offset {2}")
  @CsvSource({"10, 1e-12, 0", "10, 1e12, 0", "10, 1, 1e12", "1000, 1e-9, 0", "1000, 1e6, 1e12",
      "5000, 1, 1e12", "100000, 1e-12, 0", "100000, 1e3, 1e12", "1000000, 1e6, 1e12"})
  void correctPassesAndWrongFailsAtEverySizeAndMagnitude(int n, double scale, double offset) {
    Tensor x = new Rng(n).normal(n);
    ToDoubleFunction<Var> f = v -> v.tanh().mul(v).sum().mul(c(scale)).add(c(offset)).value().item();
    Var p = Var.parameter(x);
    p.tanh().mul(p).sum().mul(c(scale)).backward();
    Tensor g = p.grad();
    GradCheckResult ok = GradCheck.check(f, x, g);
    assertTrue(ok.passed(), ok::toString);
    assertFalse(GradCheck.check(f, x, times(g, 1.1)).passed(), "10 % too large");
    if (n < 1_000_000) { // the largest size is slow: one wrong gradient is enough there
      assertFalse(GradCheck.check(f, x, times(g, -1)).passed(), "the wrong sign");
    }
  }

  @Test
  void relativeToleranceJustInsideAndOutside() {
    // f(x) = x at 0: both central differences are exactly 1, so only the relative term is left
    ToDoubleFunction<Var> f = v -> v.sum().value().item();
    Tensor x = Tensor.vector(0);
    assertTrue(GradCheck.check(f, x, Tensor.vector(1 + 0.99 * GradCheck.RTOL)).passed());
    assertFalse(GradCheck.check(f, x, Tensor.vector(1 + 1.01 * GradCheck.RTOL)).passed());
  }

  @Test
  void roundingAllowanceOfALargeOffsetJustInsideAndFarOutside() {
    ToDoubleFunction<Var> f = v -> v.sum().add(c(1e6)).value().item();
    Tensor x = Tensor.vector(0);
    double h = GradCheck.step(0, 1e6, 1);
    assertEquals(Math.cbrt(GradCheck.ROUNDING * GradCheck.EPS * 1e6), h, 1e-12, "the step grows with |f|");
    double plus = 1e6 + h;
    double minus = 1e6 - h;
    double numeric = (plus - minus) / (2 * h);
    double allowance = GradCheck.RTOL * numeric + GradCheck.ROUNDING * GradCheck.EPS * (plus + minus) / (2 * h);
    GradCheckResult inside = GradCheck.check(f, x, Tensor.vector(numeric + 0.99 * allowance));
    assertTrue(inside.passed(), inside::toString);
    assertEquals(3, inside.evaluations(), "passed at the first step: f(x) and two evaluations");
    assertFalse(GradCheck.check(f, x, Tensor.vector(numeric + 10 * allowance)).passed());
  }

  @Test
  void stepIsTheBaseOneForAnObjectiveOfItsVariationsSizeAndCappedForAHugeOne() {
    assertEquals(GradCheck.step(0.5), GradCheck.step(0.5, 0.2, 1), "K·ε·|f| / (S·c) below ε: the base step");
    assertEquals(Math.cbrt(GradCheck.ROUNDING * GradCheck.EPS * 3), GradCheck.step(0, 3, 1), 1e-15);
    assertEquals(GradCheck.step(0.5), GradCheck.step(0.5, 1e12, 0), "a zero gradient scale keeps the base step");
    assertEquals(GradCheck.MAX_STEP, GradCheck.step(0, 1e15, 1), 1e-15);
  }

  @Test
  void richardsonRemovesTruncationThatTheFirstStepCannotAfford() {
    // exp(3000 x): at the base step the central difference errs by about 5e-5 relative, far above
    // RTOL; the value extrapolated from h and h/2 errs by about 1e-9
    Tensor x = times(new Rng(3).uniform(4), 1e-3);
    ToDoubleFunction<Var> f = v -> v.mul(c(3000)).exp().sum().value().item();
    Tensor g = Var.constant(x).mul(c(3000)).exp().mul(c(3000)).value();
    GradCheckResult r = GradCheck.check(f, x, g);
    assertTrue(r.passed(), r::toString);
    assertTrue(r.evaluations() > 1 + 2 * 4, "the second step was needed: " + r);
    assertFalse(GradCheck.check(f, x, times(g, 1.0001)).passed(), "1e-4 too large is still caught");
  }
}
