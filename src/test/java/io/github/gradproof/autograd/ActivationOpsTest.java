package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * What the golden fixtures of {@link ActivationOps} cannot hold: PyTorch's refusal of celu's alpha 0,
 * hardtanh with crossed bounds, and the selection of an infinite upstream where a bounded activation
 * is flat.
 */
class ActivationOpsTest {

  @Test
  void celuRefusesAlphaZeroAsPyTorch() {
    ShapeException e = assertThrows(ShapeException.class, () -> Var.parameter(Tensor.vector(1, -1)).celu(0));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals("celu: alpha cannot be 0 for CELU", e.getMessage());
  }

  @Test
  void crossedBoundsGiveTheUpperBoundAndNoGradient() {
    Var x = Var.parameter(Tensor.vector(-2, 0, 2));
    Var y = x.hardtanh(1, -1);
    assertArrayEquals(new double[] {-1, -1, -1}, y.value().data());
    y.backward(Tensor.vector(1, 1, 1));
    assertArrayEquals(new double[] {0, 0, 0}, x.grad().data());
  }

  @Test
  void flatPiecesDiscardAnInfiniteUpstream() {
    Var x = Var.parameter(Tensor.vector(-5, 5));
    x.hardtanh(-1, 1).add(x.hardsigmoid()).backward(Tensor.vector(Double.POSITIVE_INFINITY, Double.NaN));
    assertArrayEquals(new double[] {0, 0}, x.grad().data());
    Var z = Var.parameter(Tensor.vector(-5));
    z.hardswish().backward(Tensor.vector(Double.POSITIVE_INFINITY));
    assertArrayEquals(new double[] {0}, z.grad().data());
  }

  @Test
  void theHardSigmoidsSlopeIsPyTorchsSinglePrecisionSixth() {
    Var x = Var.parameter(Tensor.vector(0.5));
    x.hardsigmoid().backward(Tensor.vector(1));
    assertEquals(0.1666666716337204, x.grad().data()[0]);
  }
}
