package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * PyTorch's tensor methods t, mT and detach and the vector norm of torch.Tensor.norm on the engine:
 * t and mT are transposes (whose golden fixtures and broken rules cover the gradient), detach a
 * constant copy; here the ranks PyTorch refuses and a detached value's missing gradient.
 */
class TensorMethodsTest {

  private static Var of(int... shape) {
    return Var.parameter(Tensor.zeros(shape));
  }

  @Test
  void tTransposesAtMostTwoAxes() {
    assertArrayEquals(new int[] {3, 2}, of(2, 3).t().value().shape());
    assertArrayEquals(new int[] {3}, of(3).t().value().shape());
    assertArrayEquals(new int[] {}, of().t().value().shape());
    ShapeException e = assertThrows(ShapeException.class, () -> of(2, 3, 4).t());
    assertEquals(ShapeException.Kind.AXIS, e.kind());
    assertEquals("t() expects a tensor with <= 2 dimensions, but the input (2, 3, 4) has 3", e.getMessage());
  }

  @Test
  void mTSwapsTheLastTwoAxesOfAtLeastTwo() {
    Var x = Var.parameter(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 1, 2, 3));
    Var y = x.mT();
    assertArrayEquals(new int[] {1, 3, 2}, y.value().shape());
    assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, y.value().toArray());
    assertArrayEquals(new double[] {10, 30, 50, 20, 40, 60},
        y.backward(Tensor.of(new double[] {10, 20, 30, 40, 50, 60}, 1, 3, 2)).of(x).toArray());
    assertEquals("mT needs a matrix or a batch of matrices, but the input (3,) has 1 dimension",
        assertThrows(ShapeException.class, () -> of(3).mT()).getMessage());
    assertEquals(ShapeException.Kind.AXIS, assertThrows(ShapeException.class, () -> of().mT()).kind());
  }

  @Test
  void aDetachedValueIsTheValueWithoutAGradientPath() {
    Var x = Var.parameter(Tensor.vector(1, -2, 3));
    Var d = x.detach();
    assertFalse(d.requiresGrad());
    assertArrayEquals(x.value().toArray(), d.value().toArray());
    Var y = d.mul(x);
    assertArrayEquals(new double[] {1, -2, 3}, y.backward(Tensor.vector(1, 1, 1)).of(x).toArray(),
        "the gradient of x.detach() * x is x, not 2 x");
  }

  @Test
  void theVectorNormOfTensorNormTakesEveryElementAlongItsAxes() {
    Var x = Var.parameter(Tensor.of(new double[] {1, -2, 3, 4, 5, -6}, 2, 3));
    assertEquals(21, Ops.vectorNorm(x, 1, null, false).value().item());
    assertEquals(6, Ops.vectorNorm(x, Double.POSITIVE_INFINITY, null, false).value().item());
    assertArrayEquals(new double[] {5, 7, 9}, Ops.vectorNorm(x, 1, new int[] {0}, false).value().toArray());
    assertArrayEquals(new int[] {1, 1}, Ops.vectorNorm(x, 2, new int[] {0, 1}, true).value().shape());
  }
}
