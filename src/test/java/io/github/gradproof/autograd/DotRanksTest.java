package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * NumPy's {@code dot} beyond two dimensions, where it is not matmul: {@code dot(a, b)[i..., k..., m]} is
 * the sum over the last axis of {@code a} and the second-to-last of {@code b} (the last, when {@code b}
 * is 1-D), and the other axes of both are kept, {@code a}'s first. The expected arrays are computed by
 * that definition with plain loops; the shapes and the sums are NumPy's ({@code np.dot} of
 * {@code arange} arrays).
 */
class DotRanksTest {

  private static Tensor arange(int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Tensor.arange(0, n, 1).withShape(shape);
  }

  /** The definition, for a of shape (P, L) and b of shape (Q, L, M) flattened around the summed axis. */
  private static double[] byDefinition(Tensor a, int p, int l, Tensor b, int q, int m) {
    double[] av = a.toArray();
    double[] bv = b.toArray();
    double[] out = new double[p * q * m];
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < q; k++) {
        for (int j = 0; j < m; j++) {
          double s = 0;
          for (int t = 0; t < l; t++) {
            s += av[i * l + t] * bv[(k * l + t) * m + j];
          }
          out[(i * q + k) * m + j] = s;
        }
      }
    }
    return out;
  }

  private static void check(int[] sa, int[] sb, int[] expectedShape, double numpySum, int p, int l, int q, int m) {
    Tensor a = arange(sa);
    Tensor b = arange(sb);
    Tensor r = Ops.dot(Var.constant(a), Var.constant(b)).value();
    assertArrayEquals(expectedShape, r.shape());
    assertArrayEquals(byDefinition(a, p, l, b, q, m), r.toArray(), 1e-9);
    double sum = 0;
    for (double v : r.toArray()) {
      sum += v;
    }
    assertEquals(numpySum, sum, 1e-9);
  }

  @Test
  void threeDimensionsByThree() {
    check(new int[] {2, 3, 4}, new int[] {2, 4, 5}, new int[] {2, 3, 2, 5}, 55320, 6, 4, 2, 5);
  }

  @Test
  void threeDimensionsByAVector() {
    check(new int[] {2, 3, 4}, new int[] {4}, new int[] {2, 3}, 444, 6, 4, 1, 1);
  }

  @Test
  void twoDimensionsByThree() {
    check(new int[] {2, 3}, new int[] {2, 3, 4}, new int[] {2, 2, 4}, 1508, 2, 3, 2, 4);
  }

  @Test
  void aVectorByThreeDimensions() {
    check(new int[] {3}, new int[] {2, 3, 4}, new int[] {2, 4}, 340, 1, 3, 2, 4);
  }

  @Test
  void threeDimensionsByTwo() {
    check(new int[] {2, 3, 4}, new int[] {4, 2}, new int[] {2, 3, 2}, 2052, 6, 4, 1, 2);
  }
}
