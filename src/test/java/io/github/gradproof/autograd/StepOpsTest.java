package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The edges of {@link StepOps} that the golden fixtures (finite values only) cannot hold: a zero
 * divisor, signed zeros, infinities, NaN upstream gradients, and the steps the kink recorder sees.
 */
class StepOpsTest {

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }

  @Test
  void remainderHasTheDivisorsSignAndFmodTheDividends() {
    assertEquals(0.5, StepOps.remainder(-5.5, 2.0));
    assertEquals(-0.5, StepOps.remainder(5.5, -2.0));
    assertEquals(-1.5, -5.5 % 2.0, "Java's % is C's fmod");
    assertEquals(bits(0.0), bits(StepOps.remainder(-4.0, 2.0)), "a zero takes the divisor's sign (NumPy)");
    assertEquals(bits(-0.0), bits(StepOps.remainder(4.0, -2.0)));
    assertEquals(Double.NEGATIVE_INFINITY, StepOps.remainder(1.0, Double.NEGATIVE_INFINITY), "as Python's 1 % -inf");
    assertEquals(1.0, StepOps.remainder(1.0, Double.POSITIVE_INFINITY));
    assertTrue(Double.isNaN(StepOps.remainder(3.0, 0.0)));
    assertTrue(Double.isNaN(StepOps.remainder(Double.POSITIVE_INFINITY, 2.0)));
  }

  /** NumPy's heaviside at the edges: either zero takes x2, NaN stays NaN, infinities are on their side. */
  @Test
  void heavisideTakesX2AtEitherZeroAndKeepsNaN() {
    Var x1 = Var.parameter(Tensor.vector(-0.0, 0.0, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    Var x2 = Var.parameter(Tensor.vector(0.25, -3, 7, 7, 7));
    Var h = Ops.heaviside(x1, x2);
    double[] v = h.value().toArray();
    assertArrayEquals(new double[] {0.25, -3, 0, 1}, new double[] {v[0], v[1], v[3], v[4]}, 0);
    assertTrue(Double.isNaN(v[2]));
    Gradients g = h.backward(Tensor.vector(2, 3, 5, 7, 11));
    assertArrayEquals(new double[] {0, 0, 0, 0, 0}, g.of(x1).toArray(), 0);
    assertArrayEquals(new double[] {2, 3, 0, 0, 0}, g.of(x2).toArray(), 0, "x2 only where x1 is 0");
  }

  @Test
  void floorDivisionIsPythons() {
    assertEquals(-3.0, StepOps.floorDivide(-5.5, 2.0));
    assertEquals(2.0, StepOps.floorDivide(4.0, 2.0));
    assertEquals(bits(-0.0), bits(StepOps.floorDivide(-0.0, 2.0)), "a zero quotient keeps a / b's sign");
    assertEquals(Double.POSITIVE_INFINITY, StepOps.floorDivide(3.0, 0.0));
    // 1 // 0.1 is 9 in Python (0.1 is a little more than a tenth), though 1 / 0.1 rounds to 10.
    assertEquals(9.0, StepOps.floorDivide(1.0, 0.1));
    assertEquals(0.09999999999999995, StepOps.remainder(1.0, 0.1));
  }

  @Test
  void aZeroDivisorGivesNaNAndAnInfiniteDivisorGradientAsTorch() {
    Var a = Var.parameter(Tensor.vector(3.0, -3.0));
    Var b = Var.parameter(Tensor.vector(0.0, 0.0));
    Var r = a.remainder(b);
    assertTrue(Double.isNaN(r.value().data()[0]) && Double.isNaN(r.value().data()[1]));
    r.backward(Tensor.vector(1, 1));
    assertArrayEquals(new double[] {1, 1}, a.grad().data());
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY}, b.grad().data());
  }

  @Test
  void roundGoesHalfToEvenAtEveryScale() {
    assertEquals(2.0, StepOps.round(2.5, 0));
    assertEquals(-2.0, StepOps.round(-1.5, 0));
    assertEquals(120.0, StepOps.round(125.0, -1));
    assertEquals(140.0, StepOps.round(135.0, -1));
    assertEquals(1.2, StepOps.round(1.25, 1));
    assertEquals(bits(-0.0), bits(StepOps.round(-0.4, 0)));
  }

  @Test
  void stepsDiscardAnInfiniteUpstreamAsTorchsZerosLike() {
    Var x = Var.parameter(Tensor.vector(0.3, -1.7));
    x.floor().add(x.ceil()).add(x.trunc()).add(x.round(1))
        .backward(Tensor.vector(Double.POSITIVE_INFINITY, Double.NaN));
    assertArrayEquals(new double[] {0, 0}, x.grad().data());
  }

  @Test
  void theRecorderSeesAStepChangeButNotAMoveWithinOne() {
    assertEquals(floorSteps(0.2), floorSteps(0.7), "one step");
    assertNotEquals(floorSteps(0.7), floorSteps(1.2), "the next step");
    assertEquals(floorSteps(-0.0), floorSteps(0.0), "both zeros are one step");
    assertEquals(remainderSteps(5.1), remainderSteps(5.9));
    assertNotEquals(remainderSteps(5.9), remainderSteps(6.1), "the quotient moved from 2 to 3");
  }

  private static long floorSteps(double v) {
    KinkRecorder r = new KinkRecorder();
    Var.recording(Tensor.vector(v), r).floor();
    return r.fingerprint();
  }

  private static long remainderSteps(double v) {
    KinkRecorder r = new KinkRecorder();
    Var.recording(Tensor.vector(v), r).remainder(Var.constant(Tensor.scalar(2)));
    return r.fingerprint();
  }
}
