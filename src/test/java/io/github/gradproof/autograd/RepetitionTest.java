package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** tile and repeat's refusals (NumPy's and PyTorch's) and their shapes at the edges, beside the golden fixtures. */
class RepetitionTest {

  private static Var row() {
    return Var.parameter(Tensor.of(new double[] {1, 2, 3}, 3));
  }

  private static ShapeException refused(Runnable r) {
    ShapeException e = assertThrows(ShapeException.class, r::run);
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    return e;
  }

  @Test
  void tileRefusesNegativeRepetitionsAndPromotesTheShorter() {
    assertEquals("tile: negative repetitions are not allowed: (2, -1)", refused(() -> row().tile(2, -1)).getMessage());
    assertArrayEquals(new int[] {2, 6}, row().tile(2, 2).value().shape());
    assertArrayEquals(new int[] {2, 0}, Var.parameter(Tensor.zeros(2, 3)).tile(0).value().shape());
  }

  @Test
  void repeatWantsOneCountOrOnePerElementAllWholeAndNotNegative() {
    assertEquals("repeat: repeats must have the same size as the axis (3) or size 1, got 2",
        refused(() -> row().repeat(new double[] {1, 2}, 0)).getMessage());
    assertEquals("repeat: repeats must be non-negative integers, got -1.0",
        refused(() -> row().repeat(new double[] {-1}, null)).getMessage());
    assertEquals("repeat: repeats must be non-negative integers, got 1.5",
        refused(() -> row().repeat(new double[] {1, 1.5, 1}, 0)).getMessage());
    assertEquals(ShapeException.Kind.AXIS, assertThrows(ShapeException.class,
        () -> row().repeat(new double[] {2}, 1)).kind());
    assertArrayEquals(new double[] {1, 3, 3}, row().repeat(new double[] {1, 0, 2}, -1).value().toArray());
  }

  @Test
  void aRepetitionOverTheTensorLimitIsRefusedBeforeItIsBuilt() {
    assertThrows(TensorLimitException.class, () -> row().repeat(new double[] {Integer.MAX_VALUE}, null));
    assertThrows(TensorLimitException.class, () -> row().tile(Integer.MAX_VALUE, 2));
  }
}
