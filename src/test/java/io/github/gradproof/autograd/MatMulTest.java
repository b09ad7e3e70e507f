package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Batched matmul against a plain reference loop, to the bit. */
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
}
