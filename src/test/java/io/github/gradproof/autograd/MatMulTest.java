package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Matmul, batched and of two matrices, against a plain reference loop, to the bit. */
class MatMulTest {

  /** Reference: for every batch pair and (i, j), add a[i, k] * b[k, j] for k ascending. */
  private static double[] reference(Tensor a, Tensor b, int batchA, int batchB, int n, int k, int m) {
    int batches = Math.max(batchA, batchB);
    double[] x = a.toArray();
    double[] y = b.toArray();
    double[] out = new double[batches * n * m];
    for (int t = 0; t < batches; t++) {
      int offA = (batchA == 1 ? 0 : t) * n * k;
      int offB = (batchB == 1 ? 0 : t) * k * m;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
          double acc = 0;
          for (int p = 0; p < k; p++) {
            acc += x[offA + i * k + p] * y[offB + p * m + j];
          }
          out[t * n * m + i * m + j] = acc;
        }
      }
    }
    return out;
  }

  @Test
  void batchedProductEqualsReferenceBitForBit() {
    Rng rng = new Rng(8);
    Tensor a = rng.normal(3, 5, 7);
    Tensor b = rng.normal(1, 7, 4);
    Tensor c = Var.constant(a).matmul(Var.constant(b)).value();
    assertEquals(Tensor.of(reference(a, b, 3, 1, 5, 7, 4), 3, 5, 4), c);
    Tensor left = rng.normal(7, 4);
    Tensor right = rng.normal(2, 4, 6);
    Tensor d = Var.constant(left).matmul(Var.constant(right)).value();
    assertEquals(Tensor.of(reference(left, right, 1, 2, 7, 4, 6), 2, 7, 6), d);
  }

  @Test
  void zeroSizedInnerDimensionGivesZeros() {
    Tensor c = Var.constant(Tensor.zeros(2, 0)).matmul(Var.constant(Tensor.zeros(0, 3))).value();
    assertEquals(Tensor.zeros(2, 3), c);
  }

  /** Two matrices take the short path; it must add the same products in the same order. */
  @Test
  void matrixProductEqualsReferenceBitForBit() {
    Rng rng = new Rng(9);
    for (int[] nkm : new int[][] {{5, 7, 4}, {1, 9, 1}, {3, 1, 6}, {0, 4, 2}, {2, 4, 0}}) {
      Tensor a = rng.normal(nkm[0], nkm[1]);
      Tensor b = rng.normal(nkm[1], nkm[2]);
      Tensor c = Var.constant(a).matmul(Var.constant(b)).value();
      assertEquals(Tensor.of(reference(a, b, 1, 1, nkm[0], nkm[1], nkm[2]), nkm[0], nkm[2]), c);
    }
  }

  @Test
  void matricesWhoseInnerDimensionsDifferAreRefused() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Var.constant(Tensor.zeros(2, 3)).matmul(Var.constant(Tensor.zeros(4, 5))));
    assertEquals("matmul: inner dimensions differ: (2, 3) @ (4, 5)", e.getMessage());
  }
}
