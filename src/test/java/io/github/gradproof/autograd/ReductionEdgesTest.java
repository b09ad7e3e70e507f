package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Reductions where the golden fixtures (finite values, {@code ddof < n}, spread data) do not go: SciPy's
 * logsumexp of infinite rows, NumPy's var and std with {@code ddof >= n}, and the gradient of std where
 * it is 0. Expected values are SciPy's, NumPy's and PyTorch's (float64) for the same inputs.
 */
class ReductionEdgesTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  private static Var v(double... values) {
    return Var.constant(Tensor.vector(values));
  }

  @Test
  void logsumexpOfInfiniteRows() {
    // scipy.special.logsumexp([-inf, -inf]) = -inf; ([inf, 0]) = inf; ([1000, 1000]) = 1000 + log 2
    assertEquals(-INF, v(-INF, -INF).logsumexp(null, false).value().item());
    assertEquals(INF, v(INF, 0).logsumexp(null, false).value().item());
    assertEquals(1000.6931471805599, v(1000, 1000).logsumexp(null, false).value().item(), 1e-12);
  }

  @Test
  void varianceWithNoDegreesOfFreedomLeftIsInfinite() {
    // np.var([1, 2], ddof=2) = inf, ddof=3 = inf (NumPy divides by max(n - ddof, 0)); np.std([1, 2], ddof=1)
    assertEquals(INF, v(1, 2).var(null, false, 2).value().item());
    assertEquals(INF, v(1, 2).var(null, false, 3).value().item());
    assertEquals(0.7071067811865476, v(1, 2).std(null, false, 1).value().item(), 1e-15);
  }

  @Test
  void theGradientOfAZeroStdIsZero() {
    // torch.tensor([2., 2., 2.]).std(unbiased=False).backward() gives [0, 0, 0]
    Var x = Var.parameter(Tensor.vector(2, 2, 2));
    assertEquals(Tensor.vector(0, 0, 0), x.std(null, false, 0).backward().of(x));
  }

  @Test
  void theGradientOfAnUnbiasedVariance() {
    // torch.tensor([1., 2., 4.]).var(unbiased=True).backward(): 2 (x - mean) / (n - 1) = [-4/3, -1/3, 5/3]
    Var x = Var.parameter(Tensor.vector(1, 2, 4));
    Tensor g = x.var(null, false, 1).backward().of(x);
    double[] expected = {-4.0 / 3, -1.0 / 3, 5.0 / 3};
    for (int i = 0; i < 3; i++) {
      assertEquals(expected[i], g.toArray()[i], 1e-15);
    }
  }

  @Test
  void varAndStdWithoutDdofAreNumpysDefaults() {
    // a = [[1, 2, 4], [3, 3, 6]]: np.var(a), np.var(a, axis=1), np.std(a), np.std(a, axis=0, keepdims=True)
    Var a = Var.constant(Tensor.of(new double[] {1, 2, 4, 3, 3, 6}, 2, 3));
    assertEquals(2.472222222222222, a.var(null, false).value().item(), 1e-15);
    double[] rows = a.var(new int[] {1}, false).value().toArray();
    assertEquals(1.5555555555555554, rows[0], 1e-15);
    assertEquals(2.0, rows[1], 1e-15);
    assertEquals(1.5723301886761005, a.std(null, false).value().item(), 1e-15);
    Tensor cols = a.std(new int[] {0}, true).value();
    assertEquals("(1, 3)", cols.shapeString());
    assertEquals(1.0, cols.get(0, 0), 1e-15);
    assertEquals(0.5, cols.get(0, 1), 1e-15);
    assertEquals(1.0, cols.get(0, 2), 1e-15);
  }
}
