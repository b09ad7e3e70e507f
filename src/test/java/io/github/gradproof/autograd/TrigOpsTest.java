package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Where the golden fixtures (finite values only) cannot go: the inverse sine and cosine at and past
 * ±1, arctan2 at the origin and on the axes' signed zeros, and the reciprocal at 0, each as
 * NumPy's value and PyTorch's gradient.
 */
class TrigOpsTest {

  @Test
  void arcsinAndArccosAreInfinitelySteepAtOneAndUndefinedPastIt() {
    Var x = Var.parameter(Tensor.vector(1, -1, 2));
    Var y = x.arcsin();
    assertEquals(Math.PI / 2, y.value().data()[0]);
    assertTrue(Double.isNaN(y.value().data()[2]));
    y.backward(Tensor.vector(1, 1, 1));
    assertEquals(Double.POSITIVE_INFINITY, x.grad().data()[0]);
    assertEquals(Double.POSITIVE_INFINITY, x.grad().data()[1]);
    assertTrue(Double.isNaN(x.grad().data()[2]));
    Var z = Var.parameter(Tensor.vector(1, -1));
    z.arccos().backward(Tensor.vector(1, 1));
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY}, z.grad().data());
  }

  @Test
  void arctan2KeepsSignedZerosAndIsUndefinedToDifferentiateAtTheOrigin() {
    Var y = Var.parameter(Tensor.vector(0.0, 0.0, -0.0, 1.0));
    Var x = Var.parameter(Tensor.vector(0.0, -0.0, -1.0, 0.0));
    Var angle = y.arctan2(x);
    assertArrayEquals(new double[] {0.0, Math.PI, -Math.PI, Math.PI / 2}, angle.value().data());
    angle.backward(Tensor.vector(1, 1, 1, 1));
    assertTrue(Double.isNaN(y.grad().data()[0]) && Double.isNaN(x.grad().data()[1]), "0 · inf, as PyTorch");
    assertEquals(-1.0, y.grad().data()[2]);
    assertEquals(-1.0, x.grad().data()[3]);
  }

  @Test
  void theReciprocalOfZeroIsInfiniteAndSoIsItsSlope() {
    Var x = Var.parameter(Tensor.vector(0.0, -0.0, 2.0));
    Var r = x.reciprocal();
    assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.5}, r.value().data());
    r.backward(Tensor.vector(1, 1, 1));
    assertArrayEquals(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.25}, x.grad().data());
  }
}
