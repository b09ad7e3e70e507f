package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * torch.nn.functional.pad's refusals and edges, which the golden fixtures (values that torch computes)
 * cannot hold: each refusal here is one torch 1.13 makes too.
 */
class PaddingTest {

  private static Var line(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i;
    }
    return Var.parameter(Tensor.of(v, 1, 1, n));
  }

  private static String refusal(Var x, String mode, int... pad) {
    ShapeException e = assertThrows(ShapeException.class, () -> Ops.pad(x, pad, mode, 0));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    return e.getMessage();
  }

  @Test
  void theTupleHasPairsForAtMostEveryAxis() {
    assertEquals("Padding length must be divisible by 2, got (1,)", refusal(line(4), "constant", 1));
    assertEquals("Padding length too large: (1, 1, 1, 1, 1, 1, 1, 1) pads 4 axes of an input of shape (1, 1, 4)",
        refusal(line(4), "constant", 1, 1, 1, 1, 1, 1, 1, 1));
    assertEquals("pad: padding (-3, -2) of axis 2 of an input of shape (1, 1, 4) crops more than the axis holds",
        refusal(line(4), "constant", -3, -2));
    assertEquals("pad: padding (-5, 2) of axis 2 of an input of shape (1, 1, 4) crops more than the axis holds",
        refusal(line(4), "constant", -5, 2));
    assertArrayEquals(new int[] {1, 1, 0}, Ops.pad(line(4), new int[] {-4, 0}, "constant", 0).value().shape());
  }

  @Test
  void theOtherModesHaveTorchsLimits() {
    assertEquals("pad: padding size should be less than the corresponding input dimension, but got padding (4, 0)"
        + " at axis 2 of an input of shape (1, 1, 4)", refusal(line(4), "reflect", 4, 0));
    assertEquals("pad: padding (5, 0) at axis 2 of an input of shape (1, 1, 4) wraps around more than once",
        refusal(line(4), "circular", 5, 0));
    assertEquals("pad: mode 'circular' pads the last 1 axes of an input of rank 3 (at most 3 axes), got rank 2",
        refusal(Var.parameter(Tensor.zeros(1, 4)), "circular", 1, 1));
    assertEquals("pad: mode 'reflect' pads the last 1 axes of an input of rank 2 or 3 (at most 3 axes), got rank 1",
        refusal(Var.parameter(Tensor.zeros(4)), "reflect", 1, 1));
    assertEquals("pad: unknown padding mode 'mirror'", refusal(line(4), "mirror", 1, 1));
  }

  /**
   * torch's circular crops before it wraps, (2, -1) wraps [0, 1, 2]; reflect reflects the whole axis, so
   * (3, -2) reaches element 3, which the crop removes from the kept part.
   */
  @Test
  void aCropComesBeforeThePadOfTheOtherSide() {
    assertArrayEquals(new double[] {1, 2, 0, 1, 2},
        Ops.pad(line(4), new int[] {2, -1}, "circular", 0).value().toArray());
    assertArrayEquals(new double[] {1, 2, 3, 1, 2},
        Ops.pad(line(4), new int[] {-1, 2}, "circular", 0).value().toArray());
    assertArrayEquals(new double[] {2, 1, 0, 1, 2},
        Ops.pad(line(4), new int[] {2, -1}, "reflect", 0).value().toArray());
    assertArrayEquals(new double[] {3, 2, 1, 0, 1},
        Ops.pad(line(4), new int[] {3, -2}, "reflect", 0).value().toArray());
  }

  @Test
  void copiesAddTheirGradients() {
    Var x = line(4);
    Var y = Ops.pad(x, new int[] {2, 1}, "replicate", 0);
    assertArrayEquals(new double[] {0, 0, 0, 1, 2, 3, 3}, y.value().toArray());
    assertArrayEquals(new double[] {6, 4, 5, 13},
        y.backward(Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7}, 1, 1, 7)).of(x).toArray());
  }
}
