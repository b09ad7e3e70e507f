package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * "A sweep keeps no state beyond its own run" ({@link Backprop}) even when a gradient rule throws half-way:
 * what the aborted pass had already pushed into a node must not leak into the next pass through it.
 */
class AbortedPassTest {

  @Test
  void aPassAbortedByAThrowingRuleLeavesNothingForTheNext() {
    Var p = Var.parameter(Tensor.vector(1, 2));
    Var y = p.mul(Var.constant(Tensor.scalar(3)));
    // a node whose rule pushes its gradient on to y, then fails
    Var broken = Var.result(y.value(), new Var[] {y}, g -> {
      Var.pushTo(y, g);
      throw new IllegalStateException("rule failed");
    });
    assertThrows(IllegalStateException.class, () -> broken.sum().backward());
    // d/dp sum(3p) = 3 for each element, with nothing left over from the aborted pass
    assertEquals(Tensor.vector(3, 3), y.sum().backward().of(p));
  }
}
