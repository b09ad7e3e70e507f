package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rounding probe moves inputs, forward results and pushed gradients by small seeded relative amounts. */
class RoundingProbeTest {

  private static final Tensor X = Tensor.of(new double[] {1.5, -2, 0, 1e300, Double.POSITIVE_INFINITY}, 5);

  @Test
  void movesEachElementByAtMostTheStepRelativeAndKeepsZerosAndInfinities() {
    double[] moved = new RoundingProbe(7).apply(X).toArray();
    double[] plain = X.toArray();
    for (int i = 0; i < 4; i++) {
      assertTrue(Math.abs(moved[i] - plain[i]) <= RoundingProbe.STEP * Math.abs(plain[i]), "element " + i);
    }
    assertNotEquals(plain[0], moved[0]);
    double u = 2 * new Rng(7).nextDouble() - 1;
    assertEquals(1.5 + 1.5 * RoundingProbe.STEP * u, moved[0], 0, "v·(1 + STEP·u), u the seed's first draw");
    assertEquals(0, moved[2]);
    assertEquals(Double.POSITIVE_INFINITY, moved[4]);
  }

  @Test
  void isDeterministicPerSeed() {
    assertArrayEquals(new RoundingProbe(7).apply(X).toArray(), new RoundingProbe(7).apply(X).toArray());
    assertNotEquals(new RoundingProbe(7).apply(X).toArray()[0], new RoundingProbe(8).apply(X).toArray()[0]);
  }

  @Test
  void scalesAChangeToRoundingSize() {
    assertEquals(0x1.0p-53, RoundingProbe.rounding(RoundingProbe.STEP));
  }

  /** {@code sum(exp(x) * x)}: forward value and gradient both move, a plain graph does not. */
  @Test
  void travelsThroughOperationsAndTheBackwardPass() {
    Tensor x = Tensor.of(new double[] {0.3, -1.2, 2.0}, 3);
    Var plain = Var.parameter(x);
    Var plainOut = plain.exp().mul(plain).sum();
    Tensor plainGrad = plainOut.backward().of(plain);
    Var probed = Var.probed(x, true, new RoundingProbe(3));
    Var probedOut = probed.exp().mul(probed).sum();
    Tensor probedGrad = probedOut.backward().of(probed);
    assertNotEquals(plainOut.value().item(), probedOut.value().item());
    double[] g = plainGrad.toArray();
    double[] h = probedGrad.toArray();
    for (int i = 0; i < g.length; i++) {
      assertNotEquals(g[i], h[i], "gradient element " + i + " moved");
      assertTrue(Math.abs(g[i] - h[i]) <= 16 * RoundingProbe.STEP * Math.abs(g[i]), "gradient element " + i + " moved a little");
    }
    Var again = Var.parameter(x);
    assertEquals(plainOut.value().item(), again.exp().mul(again).sum().value().item(), "a plain graph carries no probe");
  }
}
