package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NumPy's results where the golden fixtures cannot go (they hold finite numbers only): NaN and
 * infinity propagation, empty axes and degrees of freedom used up. Expected values are NumPy 1.24's.
 */
class NumpyEdgeCasesTest {

  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static Var v(double... values) {
    return Var.constant(Tensor.vector(values));
  }

  @Test
  void nanWinsMaxMinAndTheirArgs() {
    Var x = v(1, NAN, 3, NAN);
    assertEquals(Tensor.scalar(NAN), x.max(null, false).value());
    assertEquals(Tensor.scalar(NAN), x.min(null, false).value());
    assertEquals(Tensor.scalar(1), x.argmax(null, false).value());
    assertEquals(Tensor.scalar(1), x.argmin(null, false).value());
    assertEquals(Tensor.vector(NAN, 3), v(NAN, 1).maximum(v(1, 3)).value());
    assertEquals(Tensor.vector(NAN, 1), v(NAN, 1).minimum(v(1, 3)).value());
    assertEquals(Tensor.vector(NAN, 0.5), v(NAN, 2).clip(v(-0.5), v(0.5)).value());
  }

  @Test
  void signOfZeroIsPositiveZeroAndOfNanIsNan() {
    assertEquals(Tensor.vector(0.0, 0.0, NAN, -1, 1), v(-0.0, 0.0, NAN, -INF, INF).sign().value());
  }

  @Test
  void varianceWithNoDegreesOfFreedomLeft() {
    assertEquals(Tensor.scalar(INF), v(1, 2, 4).var(null, false, 3).value());
    assertEquals(Tensor.scalar(NAN), v(2, 2).var(null, false, 2).value());
    assertEquals(Tensor.scalar(INF), v(1, 2, 4).std(null, false, 5).value());
  }

  @Test
  void emptyReductions() {
    Var empty = Var.constant(Tensor.zeros(0, 3));
    assertEquals(Tensor.vector(0, 0, 0), empty.sum(new int[] {0}, false).value());
    assertEquals(Tensor.vector(1, 1, 1), empty.prod(new int[] {0}, false).value());
    assertEquals(Tensor.vector(NAN, NAN, NAN), empty.mean(new int[] {0}, false).value());
    assertEquals(Tensor.zeros(0), empty.prod(new int[] {1}, false).value());
    assertEquals(Tensor.zeros(0), empty.cumsum(null).value());
    assertEquals(Tensor.zeros(0, 3), empty.cumsum(0).value());
  }

  @Test
  void logsumexpOfMinusInfinityIsMinusInfinity() {
    assertEquals(Tensor.scalar(-INF), v(-INF, -INF).logsumexp(null, false).value());
    assertEquals(Tensor.scalar(INF), v(INF, 1).logsumexp(null, false).value());
  }

  @Test
  void whereTreatsNanAsTrue() {
    assertEquals(Tensor.vector(1, 20), Ops.where(v(NAN, 0), v(1, 2), v(10, 20)).value());
  }

  @Test
  void emptySlicesAndStepsPastTheEnd() {
    Var x = v(1, 2, 3);
    assertEquals(Tensor.zeros(0), x.index(List.of(new Index.Slice(5, null, null))).value());
    assertEquals(Tensor.zeros(0), x.index(List.of(new Index.Slice(0, 3, -1))).value());
    assertEquals(Tensor.vector(3, 1), x.index(List.of(new Index.Slice(10, -10, -2))).value());
    assertEquals(Tensor.zeros(0, 3), Var.constant(Tensor.ones(2, 3)).index(
        List.of(new Index.Take(Tensor.zeros(0)))).value());
    assertEquals(Tensor.zeros(0), v(1, 2, 3, 4).index(List.of(new Index.Slice(2, 2, 2))).value());
    assertEquals(Tensor.vector(1), v(1, 2, 3, 4).index(List.of(new Index.Slice(0, 1, 3))).value());
  }

  @Test
  void transposedConvolutionsDefaultToNoOutputPadding() {
    Var x = Var.constant(new Rng(3).normal(1, 2, 3));
    Var w = Var.constant(new Rng(4).normal(2, 1, 2));
    assertEquals(Ops.convTranspose1d(x, w, null, 2, 1, 0).value(), Ops.convTranspose1d(x, w, null, 2, 1).value());
    Var x2 = x.reshape(1, 2, 1, 3);
    Var w2 = w.reshape(2, 1, 1, 2);
    assertEquals(Ops.convTranspose2d(x2, w2, null, new int[] {2}, new int[] {0, 1}, new int[] {0}).value(),
        Ops.convTranspose2d(x2, w2, null, new int[] {2}, new int[] {0, 1}).value());
  }

  @Test
  void zeroSizeReshapesAndContractions() {
    Var empty = Var.constant(Tensor.zeros(0, 3));
    assertEquals(Tensor.zeros(3, 0), empty.reshape(3, 0).value());
    assertEquals(Tensor.zeros(0, 3), empty.reshape(-1, 3).value());
    assertEquals(Tensor.zeros(2, 3), Ops.einsum("ij,jk->ik", List.of(Var.constant(Tensor.ones(2, 0)),
        Var.constant(Tensor.ones(0, 3)))).value());
    assertEquals(Tensor.zeros(2, 0), Ops.einsum("ij,jk->ik", List.of(Var.constant(Tensor.ones(2, 3)),
        Var.constant(Tensor.ones(3, 0)))).value());
  }
}
