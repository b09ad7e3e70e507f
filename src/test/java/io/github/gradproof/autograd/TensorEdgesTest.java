package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Tensor's constructors and accessors at their edges (found unpinned by mutation testing,
 * docs/MUTANTS.md): NumPy's {@code eye} and {@code arange} off the main cases, the index bounds and
 * their messages, ragged rows, the hash of tensors that differ in one value, and the work limit.
 */
class TensorEdgesTest {

  @Test
  void eyeWithAnOffsetDiagonalFallsOffTheEdge() {
    // np.eye(3, 4, 1), np.eye(3, 3, -1), np.eye(2, 3, 3), np.eye(3, 2, -3), np.eye(3, 2, -2)
    assertArrayEquals(new double[] {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, Tensor.eye(3, 4, 1).toArray());
    assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, Tensor.eye(3, 3, -1).toArray());
    assertArrayEquals(new double[6], Tensor.eye(2, 3, 3).toArray());
    assertArrayEquals(new double[] {0, 0, 0, 0, 0, 0}, Tensor.eye(3, 2, -3).toArray());
    assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0}, Tensor.eye(3, 2, -2).toArray());
  }

  @Test
  void arangeCountsUpAndDownAndIsEmptyTheWrongWay() {
    assertEquals(Tensor.vector(0, 0.25, 0.5, 0.75), Tensor.arange(0, 1, 0.25));
    assertEquals(Tensor.vector(1, 0.5), Tensor.arange(1, 0, -0.5));
    assertEquals(Tensor.vector(2, 3, 4), Tensor.arange(2, 4.5, 1));
    assertEquals(0, Tensor.arange(5, 1, 1).size());
    assertEquals(0, Tensor.arange(1, 1, 1).size());
  }

  @Test
  void arangeRefusesAZeroStepAndNonFiniteBounds() {
    ShapeException e = assertThrows(ShapeException.class, () -> Tensor.arange(0, 1, 0));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals("arange: start, stop and step must be finite and the step nonzero, got arange(0.0, 1.0, 0.0)",
        e.getMessage());
    assertThrows(ShapeException.class, () -> Tensor.arange(Double.NaN, 1, 1));
    assertThrows(ShapeException.class, () -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1));
    assertThrows(ShapeException.class, () -> Tensor.arange(0, 1, Double.NaN));
  }

  @Test
  void arangeUpToTheElementLimitAndOneBeyond() {
    assertEquals(Tensor.MAX_ELEMENTS, Tensor.arange(0, Tensor.MAX_ELEMENTS, 1).size());
    TensorLimitException e = assertThrows(TensorLimitException.class,
        () -> Tensor.arange(0, Tensor.MAX_ELEMENTS + 1, 1));
    assertEquals(Tensor.MAX_ELEMENTS + 1, e.elements());
    assertEquals("the result would have shape (1000001,) (1000001 elements), over the limit of 1000000 elements"
        + " per tensor", e.getMessage());
  }

  @Test
  void indicesOutOfBoundsNameTheAxisAndItsSize() {
    Tensor t = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertEquals(4, t.get(-1, 0));
    assertEquals(1, t.get(-2, -3));
    assertEquals("index 2 is out of bounds for axis 0 with size 2",
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0)).getMessage());
    assertEquals("index -3 is out of bounds for axis 0 with size 2",
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(-3, 0)).getMessage());
    assertEquals("index -4 is out of bounds for axis 1 with size 3",
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, -4)).getMessage());
    assertEquals("index 3 is out of bounds for axis 1 with size 3",
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(0, 3)).getMessage());
  }

  @Test
  void theWrongNumberOfIndicesSaysHowManyWereExpected() {
    assertEquals("expected 2 indices for shape (2, 3), got 1",
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 3).get(0)).getMessage());
    assertEquals("expected 1 index for shape (3,), got 2",
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3).get(0, 0)).getMessage());
  }

  @Test
  void raggedRowsNameTheRowAndBothLengths() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}, new double[] {5}));
    assertEquals(ShapeException.Kind.RESHAPE, e.kind());
    assertEquals("ragged rows: row 0 has 2 values, row 2 has 1", e.getMessage());
    assertArrayEquals(new int[] {0, 0}, Tensor.matrix().shape());
    assertEquals(Tensor.of(new double[] {1, 2, 3, 4}, 2, 2),
        Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
  }

  @Test
  void tensorsThatDifferInOneValueAreUnequalAndHashApart() {
    Tensor a = Tensor.vector(1, 2, 3);
    Tensor b = Tensor.vector(1, 2, 4);
    assertNotEquals(a, b);
    assertNotEquals(a.hashCode(), b.hashCode());
    assertNotEquals(Tensor.vector(1, 2, 3).hashCode(), Tensor.vector(3, 2, 1).hashCode());
    assertNotEquals(Tensor.zeros(2, 3).hashCode(), Tensor.zeros(3, 2).hashCode());
    assertNotEquals(a, (Object) "array([1.0, 2.0, 3.0])");
    assertEquals(a, a);
  }

  @Test
  void workUpToTheMultiplyAddLimitIsAllowedAndOneMoreRefused() {
    TensorLimitException.checkWork("this op", Tensor.MAX_MULTIPLY_ADDS);
    TensorLimitException e = assertThrows(TensorLimitException.class,
        () -> TensorLimitException.checkWork("this op", Tensor.MAX_MULTIPLY_ADDS + 1));
    assertEquals("this op would need 2000000001 multiply-adds, over the limit of 2000000000 per operation",
        e.getMessage());
    assertEquals(Tensor.MAX_MULTIPLY_ADDS + 1, e.elements());
  }
}
