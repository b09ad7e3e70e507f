package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What the golden fixtures (finite values only) cannot hold about masked_fill: a fill with -inf inside
 * softmax and log_softmax, a fully masked row, and the values PyTorch refuses. The expected numbers are
 * torch 1.13's (float64) for the same inputs.
 */
class MaskedFillTest {

  private static final double NEG_INF = Double.NEGATIVE_INFINITY;
  private static final Tensor SCORES = Tensor.of(new double[] {0.5, -1.0, 2.0, 1.5, 0.25, -0.75}, 2, 3);
  private static final Tensor MASK = Tensor.of(new double[] {0, 1, 0, 0, 0, 1}, 2, 3);
  private static final Tensor UPSTREAM = Tensor.of(new double[] {0.3, -1.2, 0.7, -0.4, 0.9, 1.1}, 2, 3);

  private static Var filled(Var s, Tensor mask) {
    return Ops.maskedFill(s, Var.constant(mask), Var.constant(Tensor.scalar(NEG_INF)));
  }

  private static void assertClose(double[] expected, double[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      if (Double.isInfinite(expected[i])) {
        assertEquals(expected[i], actual[i], "element " + i);
      } else {
        assertEquals(expected[i], actual[i], 1e-15, "element " + i);
      }
    }
  }

  @Test
  void softmaxGivesTheFilledPositionsProbabilityAndGradientZero() {
    Var s = Var.parameter(SCORES);
    Var p = filled(s, MASK).softmax(-1);
    assertClose(new double[] {0.18242552380635632, 0.0, 0.8175744761936437, 0.7772998611746911,
        0.2227001388253088, 0.0}, p.value().toArray());
    assertClose(new double[] {-0.05965858082813311, 0.0, 0.05965858082813322, -0.22503622309024604,
        0.2250362230902461, 0.0}, p.backward(UPSTREAM).of(s).toArray());
  }

  @Test
  void logSoftmaxKeepsMinusInfinityAndMasksTheGradientThere() {
    Var s = Var.parameter(SCORES);
    Var l = filled(s, MASK).logSoftmax(-1);
    assertClose(new double[] {-1.7014132779827524, NEG_INF, -0.20141327798275246, -0.25192908134537295,
        -1.501929081345373, NEG_INF}, l.value().toArray());
    assertClose(new double[] {0.33648510476127125, 0.0, 0.8635148952387286, -1.6436797778795058,
        0.5436797778795058, 0.0}, l.backward(UPSTREAM).of(s).toArray());
  }

  /** As in PyTorch: the row's softmax is NaN, and masked_fill passes 0 to its input where it filled. */
  @Test
  void aFullyMaskedRowIsNanButItsInputGetsZero() {
    Var x = Var.parameter(Tensor.of(new double[] {1, 2}, 2));
    Var y = filled(x, Tensor.of(new double[] {1, 1}, 2)).softmax(0);
    assertTrue(Double.isNaN(y.value().toArray()[0]) && Double.isNaN(y.value().toArray()[1]));
    assertArrayEquals(new double[] {0, 0}, y.backward(Tensor.of(new double[] {1, 2}, 2)).of(x).toArray());
  }

  /** torch: "Mask tensor can take 0 and 1 values only"; "only supports a 0-dimensional value tensor". */
  @Test
  void aMaskOfOtherValuesAndAValueOfRankOneAreRefused() {
    Var x = Var.parameter(SCORES);
    ShapeException mask = assertThrows(ShapeException.class, () -> Ops.maskedFill(x,
        Var.constant(Tensor.of(new double[] {1, 0, 2}, 3)), Var.constant(Tensor.scalar(0))));
    assertEquals(ShapeException.Kind.DOMAIN, mask.kind());
    assertEquals("masked_fill: the mask must hold only 0 and 1 (a comparison such as x > 0), got 2.0 at flat"
        + " index 2 of mask (3,)", mask.getMessage());
    ShapeException value = assertThrows(ShapeException.class, () -> Ops.maskedFill(x, Var.constant(MASK),
        Var.constant(Tensor.of(new double[] {1, 2, 3}, 3))));
    assertEquals("masked_fill: the value must be a number or a 0-dimensional tensor, got a tensor of shape (3,)",
        value.getMessage());
    ShapeException shapes = assertThrows(ShapeException.class, () -> Ops.maskedFill(x,
        Var.constant(Tensor.of(new double[] {1, 0, 0, 1}, 4)), Var.constant(Tensor.scalar(0))));
    assertEquals(ShapeException.Kind.BROADCAST, shapes.kind());
  }

  /** A mask larger than the input broadcasts it, as torch's out-of-place masked_fill does; the gradient sums back. */
  @Test
  void aLargerMaskBroadcastsTheInput() {
    Var x = Var.parameter(Tensor.of(new double[] {0, 0, 0}, 3));
    Var y = Ops.maskedFill(x, Var.constant(Tensor.of(new double[] {1, 0, 0, 0, 0, 1}, 2, 3)),
        Var.constant(Tensor.scalar(1)));
    assertArrayEquals(new int[] {2, 3}, y.value().shape());
    assertArrayEquals(new double[] {4, 7, 3},
        y.backward(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3)).of(x).toArray());
  }
}
