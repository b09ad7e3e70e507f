package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one-pass softmax and log-softmax of {@link Softmax} against the composition they replace
 * ({@code max → shift → exp → sum → log/div}, built here from the engine's own elementwise and
 * reduction kernels), bit for bit: the verdicts and the published numbers of every quiz that uses
 * a softmax or a cross-entropy were computed by that composition, and a fused kernel that rounds
 * differently would change them. The values themselves are checked against NumPy and PyTorch by
 * {@code NumpyGoldenTest} and {@code GoldenOpsTest}; this test pins only the equivalence, on random
 * shapes and axes and on the slices where the order of operations matters most (NaN, infinities,
 * huge and tiny values, signed zeros).
 */
class SoftmaxFusionTest {

  private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
      0.0, -0.0, 1e308, -1e308, 745.2, -745.2, 709.8, 1e-320, 3.0, 3.0000000000000004};

  /** The composition the fused kernels replaced. */
  private static Tensor composed(Tensor x, int axis, boolean log) {
    boolean[] reduced = Softmax.single(axis, x.rank());
    Tensor max = Reductions.max(x, reduced, true);
    Tensor shift = Elementwise.map(max, m -> Double.isInfinite(m) ? 0.0 : m);
    Tensor z = Elementwise.sub(x, shift);
    Tensor e = Elementwise.map(z, StrictMath::exp);
    Tensor sum = Reductions.sum(e, reduced, true);
    return log ? Elementwise.sub(z, Elementwise.map(sum, StrictMath::log)) : Elementwise.div(e, sum);
  }

  private static void assertSameBits(Tensor expected, Tensor actual, String what) {
    assertArrayEquals(expected.shapeRef(), actual.shapeRef(), what);
    long[] want = Arrays.stream(expected.data()).mapToLong(Double::doubleToLongBits).toArray();
    long[] got = Arrays.stream(actual.data()).mapToLong(Double::doubleToLongBits).toArray();
    assertArrayEquals(want, got, what);
  }

  private static void assertBothMatch(Tensor x, int axis, String what) {
    assertSameBits(composed(x, axis, false), Softmax.softmax(x, axis), "softmax " + what);
    assertSameBits(composed(x, axis, true), Softmax.logSoftmax(x, axis), "log_softmax " + what);
  }

  @Test
  void matchesTheCompositionOnRandomShapesAndEveryAxis() {
    SplittableRandom random = new SplittableRandom(20261202);
    for (int round = 0; round < 300; round++) {
      int rank = random.nextInt(5);
      int[] shape = new int[rank];
      for (int d = 0; d < rank; d++) {
        shape[d] = 1 + random.nextInt(5);
      }
      double[] data = new double[Shapes.size(shape)];
      double scale = Math.pow(10, random.nextInt(-3, 4));
      for (int i = 0; i < data.length; i++) {
        data[i] = random.nextInt(8) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : scale * random.nextGaussian();
      }
      Tensor x = new Tensor(data, shape);
      for (int axis = -Math.max(rank, 1); axis < Math.max(rank, 1); axis++) {
        assertBothMatch(x, axis, Arrays.toString(shape) + " axis " + axis + " " + Arrays.toString(data));
      }
    }
  }

  @Test
  void matchesTheCompositionWhereOrderMatters() {
    double inf = Double.POSITIVE_INFINITY;
    double[][] rows = {{-inf, -inf}, {inf, 0}, {inf, inf}, {Double.NaN, 1}, {1, Double.NaN}, {-inf, Double.NaN},
        {1000, 1000}, {-0.0, 0.0}, {1e-320, -1e-320}, {0.1, 0.2, 0.3, 1e16}, {745.2, -745.2}, {5}};
    for (double[] row : rows) {
      assertBothMatch(Tensor.vector(row), 0, Arrays.toString(row));
      assertBothMatch(new Tensor(row.clone(), new int[] {row.length, 1}), 0, "column " + Arrays.toString(row));
    }
  }

  @Test
  void aScalarIsOneAndItsLogZero() {
    // torch.softmax(torch.tensor(2.), 0) = 1, log_softmax = 0; NaN stays NaN
    assertEquals(1.0, Softmax.softmax(Tensor.scalar(2), -1).item());
    assertEquals(0.0, Softmax.logSoftmax(Tensor.scalar(2), 0).item());
    assertBothMatch(Tensor.scalar(Double.NaN), 0, "NaN scalar");
    assertBothMatch(Tensor.scalar(Double.NEGATIVE_INFINITY), 0, "-inf scalar");
  }

  @Test
  void emptyTensorsAndBadAxesFailAsTheCompositionDid() {
    Tensor noClasses = new Tensor(new double[0], new int[] {3, 0});
    ShapeException fused = assertThrows(ShapeException.class, () -> Softmax.softmax(noClasses, 1));
    ShapeException reference = assertThrows(ShapeException.class, () -> composed(noClasses, 1, false));
    assertEquals(reference.getMessage(), fused.getMessage());
    assertEquals(reference.getMessage(),
        assertThrows(ShapeException.class, () -> Softmax.logSoftmax(noClasses, -1)).getMessage());
    Tensor noRows = new Tensor(new double[0], new int[] {0, 4});
    assertSameBits(composed(noRows, 1, true), Softmax.logSoftmax(noRows, 1), "no rows");
    assertSameBits(composed(noRows, -1, false), Softmax.softmax(noRows, -1), "no rows");
    assertEquals(assertThrows(ShapeException.class, () -> composed(noRows, 2, false)).getMessage(),
        assertThrows(ShapeException.class, () -> Softmax.softmax(noRows, 2)).getMessage());
    assertThrows(ShapeException.class, () -> Softmax.logSoftmax(Tensor.scalar(1), 1));
  }
}
