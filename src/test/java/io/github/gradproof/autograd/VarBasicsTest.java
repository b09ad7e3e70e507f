package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The graph's bookkeeping apart from any op's formula: which nodes take gradients, what a node shows
 * before and after a pass, that passes do not accumulate, the constants shaped like a node, and the
 * names of the primitives behind the operations.
 */
class VarBasicsTest {

  @Test
  void onlyParametersAndWhatDependsOnThemTakeGradients() {
    Var c = Var.constant(Tensor.vector(1, 2));
    Var p = Var.parameter(Tensor.vector(3, 4));
    Var r = Var.recording(Tensor.vector(5, 6), new KinkRecorder());
    assertFalse(c.requiresGrad());
    assertTrue(p.requiresGrad());
    assertFalse(r.requiresGrad(), "a recording leaf is a constant");
    assertFalse(c.exp().add(r).requiresGrad());
    assertTrue(c.add(p).requiresGrad());
    assertTrue(p.add(c).requiresGrad());
  }

  @Test
  void aNodeShowsNoGradientBeforeAPassAndItsOwnAfter() {
    Var p = Var.parameter(Tensor.vector(3, 4));
    Var unused = Var.parameter(Tensor.vector(1));
    assertNull(p.grad());
    Gradients g = p.mul(p).sum().backward();
    assertEquals(Tensor.vector(6, 8), p.grad());
    assertEquals(Tensor.vector(6, 8), g.of(p));
    assertTrue(g.reached(p));
    assertFalse(g.reached(unused));
    assertEquals(Tensor.zeros(1), g.of(unused), "zeros for a node the pass did not reach");
    assertNull(unused.grad());
  }

  @Test
  void aSecondPassComputesAFreshGradientAndDoesNotAdd() {
    Var p = Var.parameter(Tensor.vector(3, 4));
    Var e = p.exp();
    Var loss = e.mul(e).sum();
    Tensor first = loss.backward().of(p);
    Tensor second = loss.backward().of(p);
    assertEquals(first, second);
    double[] g = first.toArray();
    assertEquals(2 * Math.exp(6), g[0], 1e-9 * Math.exp(6), "d/dx e^2x = 2 e^2x, the shared node counted once");
    assertEquals(2 * Math.exp(8), g[1], 1e-9 * Math.exp(8));
  }

  @Test
  void constantsShapedLikeANode() {
    Var p = Var.parameter(Tensor.zeros(2, 3));
    Var ones = Var.onesLike(p);
    Var zeros = Var.zerosLike(p);
    assertEquals(Tensor.ones(2, 3), ones.value());
    assertEquals(Tensor.zeros(2, 3), zeros.value());
    assertFalse(ones.requiresGrad());
    assertFalse(zeros.requiresGrad());
  }

  @Test
  void toStringSaysWhetherTheNodeTakesAGradient() {
    assertEquals("Var(requires_grad, array([1.0, 2.0]))", Var.parameter(Tensor.vector(1, 2)).toString());
    assertEquals("Var(array(2.5))", Var.constant(Tensor.scalar(2.5)).toString());
  }

  @Test
  void aPrimitiveIsNamedByItsOperation() {
    assertEquals("add", PointwiseOps.ADD.toString());
    assertEquals("leaky_relu", PointwiseOps.LEAKY_RELU.toString());
  }
}
