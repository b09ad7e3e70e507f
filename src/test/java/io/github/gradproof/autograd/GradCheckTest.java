package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradCheckTest {

  private static final ToDoubleFunction<Var> SUM_OF_CUBES =
      x -> x.pow(3).sum().value().item();

  private static Tensor threeXSquared(Tensor x) {
    return Var.constant(x).pow(2).mul(Var.constant(Tensor.scalar(3))).value();
  }

  @Test
  void stepIsExactlyRepresentable() {
    for (double x : new double[] {0, 0.1, -3.7, 1e6, 123.456}) {
      double h = GradCheck.step(x);
      assertEquals(h, (x + h) - x);
      assertEquals(6e-6 * Math.max(1, Math.abs(x)), h, 1e-12 * Math.max(1, Math.abs(x)));
    }
  }

  @Test
  void correctGradientPasses() {
    Tensor x = new Rng(1).normal(3, 4);
    GradCheckResult r = GradCheck.check(SUM_OF_CUBES, x, threeXSquared(x));
    assertTrue(r.passed(), r::toString);
    assertEquals(25, r.evaluations(), "f(x) once, then two per element");
    assertEquals(0, r.skipped());
    assertTrue(r.maxAbsError() < 1e-8, r::toString);
  }

  @Test
  void wrongElementIsReportedAsWorst() {
    Tensor x = new Rng(1).normal(3, 4);
    double[] g = threeXSquared(x).toArray();
    g[6] += 1e-3;
    GradCheckResult r = GradCheck.check(SUM_OF_CUBES, x, Tensor.of(g, 3, 4));
    assertFalse(r.passed());
    assertArrayEquals(new int[] {1, 2}, r.worstIndex());
    assertEquals(1e-3, r.maxAbsError(), 1e-8);
  }

  @Test
  void pointsAtAKinkAreSkippedNotFailed() {
    Tensor x = Tensor.vector(0, 1, -2, 3e-6, 0.5);
    ToDoubleFunction<Var> f = v -> v.relu().sum().value().item();
    GradCheckResult r = GradCheck.check(f, x, Tensor.vector(0, 1, 0, 1, 1));
    assertTrue(r.passed(), r::toString);
    assertEquals(2, r.skipped(), "0 and 3e-6 lie within a step of relu's kink");
    ToDoubleFunction<Var> absSum = v -> v.abs().sum().value().item();
    assertEquals(2, GradCheck.check(absSum, x, Tensor.vector(0, 1, -1, 1, 1)).skipped());
  }

  @Test
  void tiedMaximumIsAKink() {
    Tensor x = Tensor.vector(2, 2, 1);
    ToDoubleFunction<Var> f = v -> v.max(null, false).value().item();
    GradCheckResult r = GradCheck.check(f, x, Tensor.vector(0.5, 0.5, 0));
    assertEquals(2, r.skipped());
    assertTrue(r.passed(), r::toString);
  }

  @Test
  void comparisonJumpIsAKink() {
    // f(x) = sum(x * (x > 0.5)) jumps at 0.5; elsewhere its derivative is the mask itself.
    ToDoubleFunction<Var> f = v -> v.mul(v.gt(Var.constant(Tensor.scalar(0.5)))).sum().value().item();
    GradCheckResult r = GradCheck.check(f, Tensor.vector(0.5, 2, -1), Tensor.vector(0, 1, 0));
    assertEquals(1, r.skipped());
    assertTrue(r.passed(), r::toString);
  }

  @Test
  void kinksAreRecordedByTheGraphNotByTheThread() {
    // The recorder travels with the point: evaluating f on another thread still sees relu's kink.
    Tensor x = Tensor.vector(0, 1, -2, 3e-6, 0.5);
    ToDoubleFunction<Var> elsewhere = v -> java.util.concurrent.CompletableFuture
        .supplyAsync(() -> v.relu().sum().value().item(), runnable -> new Thread(runnable).start()).join();
    GradCheckResult r = GradCheck.check(elsewhere, x, Tensor.vector(0, 1, 0, 1, 1));
    assertEquals(2, r.skipped(), r::toString);
    assertTrue(r.passed(), r::toString);
  }

  @Test
  void onlyOperationsComputedFromTheRecordingLeafReport() {
    KinkRecorder recorder = new KinkRecorder();
    long empty = recorder.fingerprint();
    Var unrelated = Var.constant(Tensor.vector(-1, 1));
    unrelated.relu().abs().max(null, false);
    assertEquals(empty, recorder.fingerprint(), "a graph without the recording leaf reports nowhere");
    Var leaf = Var.recording(Tensor.vector(-1, 1), recorder);
    Var mixed = unrelated.add(leaf);
    mixed.relu();
    assertNotEquals(empty, recorder.fingerprint(), "an operation on a node computed from the leaf reports");
    KinkRecorder other = new KinkRecorder();
    Var.recording(Tensor.vector(-1, 1), other).relu();
    assertEquals(recorder.fingerprint(), other.fingerprint(), "the same branches give the same fingerprint");
    Var.recording(Tensor.vector(1, 1), other = new KinkRecorder()).relu();
    assertNotEquals(recorder.fingerprint(), other.fingerprint(), "other branches give another");
  }

  @Test
  void withoutVarOpsNoKinkIsSeenAndTheJumpFails() {
    ToDoubleFunction<Var> raw = x -> Math.max(x.value().item(), 0);
    GradCheckResult r = GradCheck.check(raw, Tensor.scalar(0), Tensor.scalar(0));
    assertEquals(0, r.skipped());
    assertFalse(r.passed(), "the documented limit: kinks are only seen through Var operations");
  }

  @Test
  void nanIsAFailure() {
    Tensor x = Tensor.vector(1, 2);
    GradCheckResult r = GradCheck.check(SUM_OF_CUBES, x, Tensor.vector(Double.NaN, 12));
    assertFalse(r.passed());
    assertArrayEquals(new int[] {0}, r.worstIndex());
  }

  @Test
  void largeInputsUseRandomProjections() {
    Tensor x = new Rng(2).uniform(80, 60);
    GradCheckResult r = GradCheck.check(SUM_OF_CUBES, x, threeXSquared(x));
    assertTrue(r.passed(), r::toString);
    assertEquals(1 + 2 * GradCheck.PROJECTIONS, r.evaluations());
    assertEquals(0, r.worstIndex().length);
    double[] g = threeXSquared(x).toArray();
    g[4321] += 0.05;
    assertFalse(GradCheck.check(SUM_OF_CUBES, x, Tensor.of(g, 80, 60)).passed());
  }

  @Test
  void projectionsAgreeWithElementwiseOnSmallInputs() {
    Tensor x = new Rng(3).normal(5);
    ToDoubleFunction<Var> f = v -> v.tanh().sum().value().item();
    Var p = Var.parameter(x);
    p.tanh().sum().backward();
    assertTrue(GradCheck.byProjections(f, x, p.grad(), 6).passed());
    assertFalse(GradCheck.byProjections(f, x, Tensor.ones(5), 6).passed());
  }

  @Test
  void gradientShapeMustMatch() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> GradCheck.check(SUM_OF_CUBES, Tensor.zeros(2), Tensor.zeros(2, 1)));
    assertEquals("gradcheck: gradient shape (2, 1) does not match input shape (2,)", e.getMessage());
  }
}
