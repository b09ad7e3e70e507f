package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The rules of inv, det and solve that the golden fixtures cannot show: where a matrix stops being
 * invertible (an exact zero pivot, and one rounding step away from it), and each shape they refuse.
 * Values and gradients against NumPy and PyTorch are in the fixtures inv.json, det.json, solve.json.
 */
class LinearSystemsTest {

  private static final double U = Math.ulp(4.0);

  private static Var of(double[] data, int... shape) {
    return Var.parameter(Tensor.of(data, shape));
  }

  @Test
  void anExactZeroPivotIsSingularAndSaysSo() {
    ShapeException e = assertThrows(ShapeException.class, () -> Ops.inv(of(new double[] {1, 2, 2, 4}, 2, 2)));
    assertEquals(ShapeException.Kind.SINGULAR, e.kind());
    assertTrue(e.getMessage().startsWith("inv: the matrix is singular (a zero pivot"), e.getMessage());
    ShapeException s = assertThrows(ShapeException.class,
        () -> Ops.solve(of(new double[] {1, 2, 2, 4}, 2, 2), of(new double[] {1, 1}, 2)));
    assertEquals(ShapeException.Kind.SINGULAR, s.kind());
    assertTrue(s.getMessage().contains("solve(A, b) is undefined there"), s.getMessage());
  }

  @Test
  void theSingularMatrixOfABatchIsNamedByItsIndex() {
    double[] data = {2, 0, 0, 2, 1, 2, 2, 4};
    ShapeException e = assertThrows(ShapeException.class, () -> Ops.inv(of(data, 2, 2, 2)));
    assertTrue(e.getMessage().startsWith("inv: the matrix at batch index [1] is singular"), e.getMessage());
  }

  /** One rounding step from singular: ad - bc is one ulp of 4, and the inverse is the closed form's. */
  @Test
  void oneUlpFromSingularIsInvertibleAsInNumpy() {
    double d = 4 + U;
    Tensor inv = Ops.inv(of(new double[] {1, 2, 2, d}, 2, 2)).value();
    double[] closedForm = {d / U, -2 / U, -2 / U, 1 / U};
    double[] got = inv.toArray();
    for (int i = 0; i < 4; i++) {
      assertEquals(closedForm[i], got[i], Math.abs(closedForm[i]) * 1e-15, "element " + i);
    }
    assertEquals(U, Ops.det(of(new double[] {1, 2, 2, d}, 2, 2)).value().item(), 0);
    assertEquals(0.0, Ops.det(of(new double[] {1, 2, 2, 4}, 2, 2)).value().item(), 0);
  }

  /** det's gradient at a singular matrix is its cofactor matrix, which the inverse cannot give. */
  @Test
  void detOfASingularMatrixHasTheCofactorsAsGradient() {
    Var a = of(new double[] {1, 2, 2, 4}, 2, 2);
    Gradients g = Ops.det(a).backward();
    assertArrayEquals(new double[] {4, -2, -2, 1}, g.of(a).toArray(), 0);
  }

  /** The cofactors of a singular matrix take n² determinants: an absurd n is refused, not endless. */
  @Test
  void theCofactorsOfAHugeSingularMatrixAreRefusedBeforeTheWork() {
    Var zeros = of(new double[100 * 100], 100, 100);
    Var det = Ops.det(zeros);
    assertEquals(0.0, det.value().item(), 0);
    TensorLimitException e = assertThrows(TensorLimitException.class, det::backward);
    assertTrue(e.getMessage().startsWith("det's gradient at a singular matrix would need 3234330000 multiply-adds"),
        e.getMessage());
  }

  @Test
  void emptyMatricesHaveDeterminantOneAndAnEmptyInverse() {
    assertArrayEquals(new double[] {1, 1}, Ops.det(of(new double[0], 2, 0, 0)).value().toArray(), 0);
    assertArrayEquals(new int[] {0, 0}, Ops.inv(of(new double[0], 0, 0)).value().shape());
  }

  @Test
  void aMatrixMustBeSquareAndTwoDimensional() {
    ShapeException square = assertThrows(ShapeException.class, () -> Ops.det(of(new double[6], 2, 3)));
    assertEquals(ShapeException.Kind.DOMAIN, square.kind());
    assertEquals("det: the last 2 dimensions of the array must be square, got shape (2, 3)", square.getMessage());
    ShapeException vector = assertThrows(ShapeException.class, () -> Ops.inv(of(new double[3], 3)));
    assertEquals(ShapeException.Kind.DOMAIN, vector.kind());
    assertTrue(vector.getMessage().startsWith("inv: 1-dimensional array given"), vector.getMessage());
    assertThrows(ShapeException.class, () -> Ops.solve(of(new double[6], 3, 2), of(new double[3], 3)));
  }

  @Test
  void solveRefusesRowsThatAreNotNAndBatchesThatDoNotBroadcast() {
    Var a = of(new double[] {2, 0, 0, 2}, 2, 2);
    ShapeException rows = assertThrows(ShapeException.class, () -> Ops.solve(a, of(new double[6], 3, 2)));
    assertEquals(ShapeException.Kind.MATMUL, rows.kind());
    assertEquals("solve: b must have 2 rows (A is (2, 2)), got shape (3, 2)", rows.getMessage());
    ShapeException vector = assertThrows(ShapeException.class, () -> Ops.solve(a, of(new double[3], 3)));
    assertEquals(ShapeException.Kind.MATMUL, vector.kind());
    Var stack = of(new double[] {2, 0, 0, 2, 2, 0, 0, 2}, 2, 2, 2);
    ShapeException batch = assertThrows(ShapeException.class,
        () -> Ops.solve(stack, of(new double[12], 3, 2, 2)));
    assertEquals(ShapeException.Kind.BROADCAST, batch.kind());
  }

  /** b of shape (B, n) against A (B, n, n): NumPy 1 and PyTorch read vectors, NumPy 2 matrices. */
  @Test
  void solveRefusesABOneAxisShortOfAStack() {
    Var stack = of(new double[] {2, 0, 0, 2, 2, 0, 0, 2}, 2, 2, 2);
    ShapeException e = assertThrows(ShapeException.class, () -> Ops.solve(stack, of(new double[4], 2, 2)));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertTrue(e.getMessage().contains("is ambiguous"), e.getMessage());
    // One axis more (a stack of matrices) and a single vector are read alike by all three.
    assertArrayEquals(new int[] {2, 2, 1}, Ops.solve(stack, of(new double[4], 2, 2, 1)).value().shape());
    assertArrayEquals(new double[] {0.5, 1, 0.5, 1}, Ops.solve(stack, of(new double[] {1, 2}, 2)).value().toArray(), 0);
  }
}
