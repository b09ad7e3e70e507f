package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The edges of {@link SortOps} the golden fixture (finite values) cannot hold: NaN sorts last, as in
 * NumPy; {@code -0.0} ties with {@code 0.0} and keeps its place (a stable sort); a scalar has no axis.
 */
class SortOpsTest {

  private static long[] bits(double[] v) {
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Double.doubleToRawLongBits(v[i]);
    }
    return out;
  }

  @Test
  void nanSortsLastAndItsGradientGoesBackToIt() {
    Var x = Var.parameter(Tensor.vector(2, Double.NaN, -1, 0.5));
    Var s = Ops.sort(x, -1);
    double[] v = s.value().toArray();
    assertArrayEquals(new double[] {-1, 0.5, 2}, new double[] {v[0], v[1], v[2]}, 0);
    assertEquals(Double.NaN, v[3]);
    Gradients g = s.backward(Tensor.vector(10, 20, 30, 40));
    assertArrayEquals(new double[] {30, 40, 10, 20}, g.of(x).toArray(), 0);
  }

  @Test
  void signedZerosTieAndKeepTheirOrder() {
    double[] zeros = Ops.sort(Var.constant(Tensor.vector(0.0, -0.0, -1, -0.0)), 0).value().toArray();
    assertArrayEquals(bits(new double[] {-1, 0.0, -0.0, -0.0}), bits(zeros));
    double[] swapped = Ops.sort(Var.constant(Tensor.vector(-0.0, 0.0)), 0).value().toArray();
    assertArrayEquals(bits(new double[] {-0.0, 0.0}), bits(swapped));
  }

  @Test
  void aScalarHasNoAxisAndAnAxisMustExist() {
    ShapeException scalar = assertThrows(ShapeException.class, () -> Ops.sort(Var.constant(Tensor.scalar(3)), -1));
    assertEquals(ShapeException.Kind.AXIS, scalar.kind());
    assertEquals("axis -1 is out of bounds for array of dimension 0", scalar.getMessage());
    assertThrows(ShapeException.class, () -> Ops.sort(Var.constant(Tensor.zeros(2, 3)), 2));
    assertArrayEquals(new double[] {3}, Ops.sort(Var.constant(Tensor.scalar(3)), null).value().toArray(), 0,
        "axis=None flattens a scalar to one element, as NumPy");
  }
}
