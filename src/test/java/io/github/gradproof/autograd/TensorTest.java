package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TensorTest {

  @Test
  void theSumOfProductsAddsUpInRowMajorOrderFromTheFirst() {
    Tensor a = Tensor.matrix(new double[] {1, 2}, new double[] {3, 4});
    assertEquals(1 * 5 + 2 * 6 + 3 * 7 + 4 * 8, a.sumOfProducts(Tensor.vector(5, 6, 7, 8)), 0.0);
    // In that order 1e16 + 1 rounds back to 1e16 and the total is 0; any other order gives 1.
    assertEquals(0.0, Tensor.vector(1e16, 1, -1e16).sumOfProducts(Tensor.ones(3)), 0.0);
    assertEquals(0.0, Tensor.zeros(0).sumOfProducts(Tensor.zeros(0)), 0.0);
    ShapeException e = assertThrows(ShapeException.class, () -> a.sumOfProducts(Tensor.ones(3)));
    assertEquals(ShapeException.Kind.BROADCAST, e.kind());
  }

  @Test
  void shapesPrintLikeNumpyTuples() {
    assertEquals("()", Tensor.scalar(1).shapeString());
    assertEquals("(3,)", Tensor.zeros(3).shapeString());
    assertEquals("(3, 4)", Tensor.ones(3, 4).shapeString());
    assertEquals("(2, 3, 4)", Tensor.shapeString(new int[] {2, 3, 4}));
  }

  @Test
  void factoriesCopyAndValidate() {
    double[] data = {1, 2, 3, 4, 5, 6};
    Tensor t = Tensor.of(data, 2, 3);
    data[0] = 99;
    assertEquals(1, t.get(0, 0));
    assertEquals(6, t.get(1, 2));
    assertEquals(6, t.get(-1, -1));
    assertEquals(2, t.rank());
    assertEquals(6, t.size());
    t.toArray()[1] = 99;
    t.shape()[0] = 99;
    assertEquals(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3), t);
    ShapeException e = assertThrows(ShapeException.class, () -> Tensor.of(new double[5], 2, 3));
    assertEquals(ShapeException.Kind.RESHAPE, e.kind());
    assertEquals("cannot reshape (5,) (5 elements) into (2, 3)", e.getMessage());
    assertThrows(ShapeException.class, () -> Tensor.zeros(2, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
    assertThrows(IllegalArgumentException.class, () -> t.get(0));
  }

  @Test
  void fullZerosOnesAndItem() {
    assertArrayEquals(new double[] {2.5, 2.5}, Tensor.full(2.5, 2).toArray());
    assertEquals(0, Tensor.zeros().item());
    assertEquals(1, Tensor.ones(1, 1, 1).item());
    assertEquals(7, Tensor.vector(7).item());
    assertEquals("can only convert an array of size 1 to a scalar, got shape (2,)",
        assertThrows(ShapeException.class, () -> Tensor.zeros(2).item()).getMessage());
  }

  @Test
  void equalityIsByShapeAndExactBits() {
    assertEquals(Tensor.vector(1, 2), Tensor.of(new double[] {1, 2}, 2));
    assertNotEquals(Tensor.vector(1, 2), Tensor.of(new double[] {1, 2}, 1, 2));
    assertNotEquals(Tensor.scalar(0.0), Tensor.scalar(-0.0));
    assertEquals(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN));
    assertNotEquals(Tensor.scalar(0.1 + 0.2), Tensor.scalar(0.3));
    assertEquals(Tensor.vector(1, 2).hashCode(), Tensor.of(new double[] {1, 2}, 2).hashCode());
  }

  @Test
  void printsNested() {
    assertEquals("array(2.5)", Tensor.scalar(2.5).toString());
    assertEquals("array([1.0, 2.0])", Tensor.vector(1, 2).toString());
    assertEquals("array([[1.0, 2.0], [3.0, 4.0]])", Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}).toString());
    assertEquals("array([[[0.0], [0.0]]])", Tensor.zeros(1, 2, 1).toString());
  }

  @Test
  void raggedRowsAreRejected() {
    assertThrows(ShapeException.class, () -> Tensor.matrix(new double[] {1, 2}, new double[] {3}));
  }
}
