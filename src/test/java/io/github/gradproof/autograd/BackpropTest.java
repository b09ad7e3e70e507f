package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The reverse sweep itself: hand-derived gradients, accumulation, upstream seeds, long chains. */
class BackpropTest {

  private static Var c(double v) {
    return Var.constant(Tensor.scalar(v));
  }

  @Test
  void squareHasGradientTwoX() {
    Var x = Var.parameter(Tensor.vector(-1.5, 0, 2, 3));
    x.pow(2).sum().backward();
    assertEquals(Tensor.vector(-3, 0, 4, 6), x.grad());
  }

  @Test
  void matmulGradientsMatchTheTextbookFormulas() {
    Tensor a = Tensor.matrix(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    Tensor b = Tensor.matrix(new double[] {1, 0}, new double[] {-1, 2}, new double[] {0.5, 3});
    Tensor up = Tensor.matrix(new double[] {1, -1}, new double[] {2, 0.5});
    Var va = Var.parameter(a);
    Var vb = Var.parameter(b);
    va.matmul(vb).backward(up);
    // dA = dC @ B.T ; dB = A.T @ dC, by hand:
    assertEquals(Tensor.matrix(new double[] {1, -3, -2.5}, new double[] {2, -1, 2.5}), va.grad());
    assertEquals(Tensor.matrix(new double[] {9, 1}, new double[] {12, 0.5}, new double[] {15, 0}), vb.grad());
  }

  @Test
  void broadcastGradientIsSummedOverReplicatedAxes() {
    Var a = Var.parameter(Tensor.vector(1, 2, 3));
    Var b = Var.parameter(Tensor.zeros(4, 3));
    Tensor up = new Rng(3).normal(4, 3);
    a.add(b).backward(up);
    assertEquals(Var.constant(up).sum(new int[] {0}, false).value(), a.grad());
    assertEquals(up, b.grad());
  }

  @Test
  void reusedNodeAccumulates() {
    Var x = Var.parameter(Tensor.scalar(3));
    Var y = x.mul(x).add(x);
    y.backward();
    assertEquals(7, x.grad().item());
  }

  @Test
  void gradIsNullUntilAPassReachesTheNodeAndThePassGivesZerosWhenUnreachable() {
    Var x = Var.parameter(Tensor.vector(1, 2));
    Var unused = Var.parameter(Tensor.zeros(3));
    Var y = x.exp().sum();
    assertNull(x.grad());
    Gradients gradients = y.backward();
    assertNull(unused.grad(), "no pass reached it");
    assertFalse(gradients.reached(unused));
    assertEquals(Tensor.zeros(3), gradients.of(unused), "the objective does not depend on it");
    assertTrue(gradients.reached(x));
    assertArrayEquals(new double[] {StrictMath.exp(1), StrictMath.exp(2)}, x.grad().toArray());
    assertEquals(x.grad(), gradients.of(x));
    assertEquals(Tensor.scalar(1), y.grad());
  }

  @Test
  void aPassOnOneGraphLeavesEveryOtherGraphAlone() {
    Var x = Var.parameter(Tensor.vector(1, 2));
    Var other = Var.parameter(Tensor.scalar(3));
    other.mul(other).backward();
    assertNull(x.grad(), "no global pass counter: another graph's pass says nothing about this one");
    assertEquals(6, other.grad().item());
    Var y = x.sum();
    y.backward();
    assertEquals(6, other.grad().item(), "and this pass leaves the other graph's gradients as they were");
  }

  @Test
  void backwardComputesFreshGradientsEachTime() {
    Var x = Var.parameter(Tensor.scalar(2));
    Var y = x.mul(c(5));
    y.backward();
    y.backward();
    assertEquals(5, x.grad().item());
  }

  @Test
  void intermediateNodesKeepTheirGradients() {
    Var x = Var.parameter(Tensor.vector(1, 2));
    Var h = x.mul(c(3));
    h.sum().backward();
    assertEquals(Tensor.vector(1, 1), h.grad());
    assertEquals(Tensor.vector(3, 3), x.grad());
  }

  @Test
  void nonScalarNeedsUpstream() {
    Var x = Var.parameter(Tensor.zeros(2));
    ShapeException e = assertThrows(ShapeException.class, () -> x.exp().backward());
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals("backward: upstream shape (3,) does not match output shape (2,)",
        assertThrows(ShapeException.class, () -> x.exp().backward(Tensor.zeros(3))).getMessage());
    x.exp().backward(Tensor.vector(2, 3));
    assertEquals(Tensor.vector(2, 3), x.grad());
  }

  @Test
  void constantsDoNotTrackGradients() {
    Var k = Var.constant(Tensor.vector(1, 2));
    assertFalse(k.exp().requiresGrad());
    assertTrue(k.add(Var.parameter(Tensor.scalar(1))).requiresGrad());
    assertFalse(Var.onesLike(Var.parameter(Tensor.zeros(2))).requiresGrad());
    assertEquals(Tensor.zeros(2, 3), Var.zerosLike(Var.constant(Tensor.ones(2, 3))).value());
  }

  @Test
  void hundredThousandNodeChainDoesNotOverflowTheStack() {
    Var x = Var.parameter(Tensor.scalar(0.5));
    Var y = x;
    Var one = c(1);
    for (int i = 0; i < 100_000; i++) {
      y = y.add(one);
    }
    y.backward();
    assertEquals(100_000.5, y.value().item());
    assertEquals(1.0, x.grad().item());
  }

  @Test
  void deepGraphWithSharedNodes() {
    // 20,000 rounds of 7 nodes each: a 140,000-node graph in which every round reuses y twice.
    Var x = Var.parameter(Tensor.vector(1, 2));
    Var y = x;
    for (int i = 0; i < 20_000; i++) {
      y = y.mul(c(1.0)).tanh().add(y).sub(y.tanh());
    }
    y.sum().backward();
    assertArrayEquals(new double[] {1, 1}, x.grad().toArray(), 1e-9);
  }
}
