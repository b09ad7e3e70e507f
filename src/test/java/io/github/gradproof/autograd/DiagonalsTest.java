package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * diag, diagonal, moveaxis and tensordot where the golden fixtures (defined values only) cannot go:
 * the calls NumPy refuses, and diag's round trip whose gradient reads the diagonal back.
 */
class DiagonalsTest {

  private static Var of(int... shape) {
    return Var.parameter(Tensor.zeros(shape));
  }

  private static ShapeException refused(Runnable call) {
    return assertThrows(ShapeException.class, call::run);
  }

  @Test
  void diagOfAVectorIsAMatrixWhoseGradientIsItsDiagonal() {
    Var v = Var.parameter(Tensor.vector(1, 2));
    Var m = v.diag(-1);
    assertArrayEquals(new int[] {3, 3}, m.value().shape());
    assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 2, 0}, m.value().toArray());
    Tensor g = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 3, 3);
    assertArrayEquals(new double[] {4, 8}, m.backward(g).of(v).toArray());
  }

  @Test
  void diagTakesOneOrTwoAxesAndDiagonalTwoDistinctOnes() {
    ShapeException rank = refused(() -> of(2, 2, 2).diag(0));
    assertEquals(ShapeException.Kind.DOMAIN, rank.kind());
    assertEquals("diag: input must be 1- or 2-d, got shape (2, 2, 2)", rank.getMessage());
    assertEquals(ShapeException.Kind.DOMAIN, refused(() -> of().diag(0)).kind());
    assertEquals("diagonal: axis1 and axis2 cannot be the same", refused(() -> of(3, 3).diagonal(0, 1, -1)).getMessage());
    assertEquals(ShapeException.Kind.DOMAIN, refused(() -> of(3).diagonal(0, 0, 1)).kind());
    assertEquals(ShapeException.Kind.AXIS, refused(() -> of(3, 3).diagonal(0, 0, 2)).kind());
    assertArrayEquals(new int[] {0}, of(2, 3).diag(4).value().shape(), "a diagonal past the corner is empty");
  }

  @Test
  void moveaxisRefusesWhatNumpyRefuses() {
    assertArrayEquals(new int[] {4, 2, 3}, of(2, 3, 4).moveaxis(new int[] {-1}, new int[] {0}).value().shape());
    assertEquals("moveaxis: `source` and `destination` arguments must have the same number of elements",
        refused(() -> of(2, 3).moveaxis(new int[] {0, 1}, new int[] {0})).getMessage());
    assertEquals(ShapeException.Kind.AXIS, refused(() -> of(2, 3).moveaxis(new int[] {0, 0}, new int[] {0, 1})).kind());
    assertEquals(ShapeException.Kind.AXIS, refused(() -> of(2, 3).moveaxis(new int[] {2}, new int[] {0})).kind());
  }

  @Test
  void tensordotRefusesMismatchedAxes() {
    assertArrayEquals(new int[] {2, 5}, Ops.tensordot(of(2, 3, 4), of(3, 4, 5), 2).value().shape());
    assertEquals(ShapeException.Kind.MATMUL, refused(() -> Ops.tensordot(of(2, 3), of(2, 3), 1)).kind());
    assertEquals(ShapeException.Kind.DOMAIN, refused(() -> Ops.tensordot(of(2, 3), of(3), 2)).kind());
    assertEquals(ShapeException.Kind.DOMAIN, refused(() -> Ops.tensordot(of(2, 3), of(3), -1)).kind());
    assertEquals(ShapeException.Kind.DOMAIN,
        refused(() -> Ops.tensordot(of(2, 3), of(3, 2), new int[] {0, 1}, new int[] {1})).kind());
    assertEquals(ShapeException.Kind.AXIS,
        refused(() -> Ops.tensordot(of(2, 2), of(2, 2), new int[] {0, 0}, new int[] {0, 1})).kind());
  }
}
