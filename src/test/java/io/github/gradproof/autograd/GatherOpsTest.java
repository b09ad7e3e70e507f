package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The refusals of torch's gather and NumPy's take_along_axis, each with its library's message, which
 * the golden fixtures (valid calls only) cannot show; and amax's even split where a slice is NaN.
 */
class GatherOpsTest {

  private static final Var X = Var.parameter(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));

  private static String refusal(Runnable call) {
    return assertThrows(ShapeException.class, call::run).getMessage();
  }

  @Test
  void gatherRefusesNegativeEntriesWhereTakeAlongAxisCountsFromTheEnd() {
    Tensor index = Tensor.of(new double[] {-1, 0}, 2, 1);
    assertEquals("index -1 is out of bounds for dimension 1 with size 3", refusal(() -> Ops.gather(X, 1, index)));
    assertArrayEquals(new double[] {3, 4}, Ops.takeAlongAxis(X, index, 1).value().data());
    assertEquals("index 3 is out of bounds for axis 1 with size 3",
        refusal(() -> Ops.takeAlongAxis(X, Tensor.of(new double[] {3, 0}, 2, 1), 1)));
  }

  @Test
  void gatherNeedsAnIndexNoLargerThanTheInputAndOfItsRank() {
    assertTrue(refusal(() -> Ops.gather(X, 1, Tensor.of(new double[] {0, 0, 0}, 3, 1)))
        .startsWith("gather: size does not match at dimension 0"));
    assertTrue(refusal(() -> Ops.gather(X, 0, Tensor.vector(0, 1)))
        .startsWith("gather: index tensor must have the same number of dimensions as input tensor"));
    assertEquals("gather: index arrays must hold integers, got 0.5",
        refusal(() -> Ops.gather(X, 0, Tensor.of(new double[] {0.5}, 1, 1))));
    assertEquals(ShapeException.Kind.INDEX_TYPE, assertThrows(ShapeException.class,
        () -> Ops.gather(X, 0, Tensor.of(new double[] {0.5}, 1, 1))).kind(), "an array of floats, not a range");
    assertEquals("axis 2 is out of bounds for array of dimension 2",
        refusal(() -> Ops.gather(X, 2, Tensor.of(new double[] {0}, 1, 1))));
  }

  @Test
  void takeAlongAxisBroadcastsAndFlattensForAxisNone() {
    Var picked = Ops.takeAlongAxis(X, Tensor.of(new double[] {2, 0}, 1, 2), 1);
    assertArrayEquals(new int[] {2, 2}, picked.value().shapeRef());
    assertArrayEquals(new double[] {3, 1, 6, 4}, picked.value().data());
    assertArrayEquals(new double[] {6, 1}, Ops.takeAlongAxis(X, Tensor.vector(5, -6), null).value().data());
    assertTrue(refusal(() -> Ops.takeAlongAxis(X, Tensor.of(new double[] {0}, 1, 1), null))
        .startsWith("take_along_axis: when axis=None, `indices` must have a single dimension"));
  }

  @Test
  void repeatedIndicesAddTheirGradients() {
    Var x = Var.parameter(Tensor.vector(1, 2, 3));
    Ops.gather(x, 0, Tensor.vector(2, 2, 0)).backward(Tensor.vector(1, 10, 100));
    assertArrayEquals(new double[] {100, 0, 11}, x.grad().data());
  }

  @Test
  void aNaNSliceGivesAmaxANaNGradientAsTorch() {
    Var x = Var.parameter(Tensor.vector(1, Double.NaN));
    Var m = x.amax(null, false);
    assertTrue(Double.isNaN(m.value().item()));
    m.backward(Tensor.scalar(1));
    assertTrue(Double.isNaN(x.grad().data()[0]) && Double.isNaN(x.grad().data()[1]));
  }
}
