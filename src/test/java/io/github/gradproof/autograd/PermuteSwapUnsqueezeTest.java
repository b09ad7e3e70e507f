package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * torch.permute, numpy.swapaxes and torch.unsqueeze on the engine: composed of transpose and reshape,
 * whose golden fixtures and broken rules cover the gradients; here the shapes at the edges and the
 * values PyTorch and NumPy refuse.
 */
class PermuteSwapUnsqueezeTest {

  private static Var cube() {
    return Var.parameter(Tensor.zeros(new int[] {2, 3, 4}));
  }

  @Test
  void permuteNamesEveryAxisAndAScalarHasNone() {
    assertArrayEquals(new int[] {4, 2, 3}, cube().permute(2, 0, 1).value().shape());
    assertArrayEquals(new int[] {4, 2, 3}, cube().permute(-1, 0, 1).value().shape());
    assertArrayEquals(new int[] {}, Var.parameter(Tensor.scalar(2)).permute().value().shape());
    ShapeException few = assertThrows(ShapeException.class, () -> cube().permute(1, 0));
    assertEquals(ShapeException.Kind.AXIS, few.kind());
    assertEquals("permute: the number of dims 2 of (1, 0) does not match the rank of the input (2, 3, 4)",
        few.getMessage());
    assertThrows(ShapeException.class, () -> cube().permute());
    assertEquals(ShapeException.Kind.AXIS, assertThrows(ShapeException.class, () -> cube().permute(0, 1, 1)).kind());
  }

  @Test
  void swapaxesExchangesTwoAxesAndMovesTheGradientBack() {
    Var x = Var.parameter(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
    Var y = x.swapaxes(0, -1);
    assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, y.value().toArray());
    assertArrayEquals(new double[] {10, 30, 50, 20, 40, 60},
        y.backward(Tensor.of(new double[] {10, 20, 30, 40, 50, 60}, 3, 2)).of(x).toArray());
    assertArrayEquals(new int[] {2, 3, 4}, cube().swapaxes(1, 1).value().shape());
    assertEquals("axis 3 is out of bounds for array of dimension 3",
        assertThrows(ShapeException.class, () -> cube().swapaxes(0, 3)).getMessage());
  }

  @Test
  void unsqueezeTakesPositionsOfTheResult() {
    assertArrayEquals(new int[] {2, 3, 4, 1}, cube().unsqueeze(-1).value().shape());
    assertArrayEquals(new int[] {2, 3, 4, 1}, cube().unsqueeze(3).value().shape());
    assertArrayEquals(new int[] {1, 2, 3, 4}, cube().unsqueeze(-4).value().shape());
    assertArrayEquals(new int[] {1}, Var.parameter(Tensor.scalar(2)).unsqueeze(0).value().shape());
    assertEquals(ShapeException.Kind.AXIS, assertThrows(ShapeException.class, () -> cube().unsqueeze(4)).kind());
    assertEquals(ShapeException.Kind.AXIS, assertThrows(ShapeException.class, () -> cube().unsqueeze(-5)).kind());
  }
}
