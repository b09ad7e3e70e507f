package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The identities the Phase 8 quiz states, checked directly on the engine (the claims' ground truth). */
class PhaseEightScenariosTest {

  private static void assertClose(Tensor expected, Tensor actual) {
    assertArrayEquals(expected.shape(), actual.shape());
    double[] e = expected.toArray();
    double[] a = actual.toArray();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-8 + 1e-6 * Math.abs(e[i]));
    }
  }

  @Test
  void broadcastAddGradientIsSumOverAxisZero() {
    Rng rng = new Rng(1);
    Var a = Var.parameter(rng.normal(3));
    Var b = Var.parameter(rng.normal(4, 3));
    Tensor dc = rng.normal(4, 3);
    a.add(b).backward(dc);
    assertClose(Var.constant(dc).sum(new int[] {0}, false).value(), a.grad());
    assertNotEquals(a.grad().shapeString(), dc.shapeString());
    assertEquals(ShapeException.Kind.RESHAPE,
        assertThrows(ShapeException.class, () -> Var.constant(dc).reshape(3)).kind());
  }

  @Test
  void matmulGradients() {
    Rng rng = new Rng(2);
    Var a = Var.parameter(rng.normal(3, 4));
    Var b = Var.parameter(rng.normal(4, 5));
    Tensor dc = rng.normal(3, 5);
    a.matmul(b).backward(dc);
    Var up = Var.constant(dc);
    assertClose(up.matmul(Var.constant(b.value()).T()).value(), a.grad());
    assertClose(Var.constant(a.value()).T().matmul(up).value(), b.grad());
    assertThrows(ShapeException.class, () -> up.mul(Var.constant(b.value()).T()));
  }

  @Test
  void sumGradientIsOnes() {
    Var x = Var.parameter(new Rng(3).normal(3, 5));
    Var s = x.sum();
    s.backward();
    assertEquals(Var.onesLike(x).mul(Var.constant(s.grad())).value(), x.grad());
  }

  @Test
  void softmaxCrossEntropyGradientIsSoftmaxMinusOneHotOverBatch() {
    for (int batch : new int[] {4, 6}) {
      Rng rng = new Rng(batch);
      Var z = Var.parameter(rng.normal(batch, 3));
      Tensor y = rng.labels(3, batch);
      Var.crossEntropy(z, y).backward();
      Var p = Var.constant(z.value()).softmax(1);
      Tensor expected = p.sub(Var.constant(Var.oneHot(y, 3))).div(Var.constant(Tensor.scalar(batch))).value();
      assertClose(expected, z.grad());
    }
  }
}
