package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Same seed, same bits: the generator and a whole forward/backward pipeline. */
class DeterminismTest {

  @Test
  void splitMix64MatchesTheReferenceSequence() {
    // First outputs of SplitMix64 seeded with 0 (Steele, Lea and Flood; Vigna's reference code).
    Rng rng = new Rng(0);
    assertEquals(0xE220A8397B1DCDAFL, rng.nextLong());
    assertEquals(0x6E789E6AA1B965F4L, rng.nextLong());
    assertEquals(0x06C45D188009454FL, rng.nextLong());
  }

  @Test
  void rangesAndMoments() {
    Rng rng = new Rng(42);
    double[] u = rng.uniform(10_000).toArray();
    double[] p = rng.positive(10_000).toArray();
    double[] n = rng.normal(20_000).toArray();
    double[] labels = rng.labels(3, 10_000).toArray();
    int[] counts = new int[3];
    double mean = 0;
    double sq = 0;
    for (int i = 0; i < 10_000; i++) {
      assertTrue(u[i] >= -1 && u[i] < 1);
      assertTrue(p[i] >= 0.5 && p[i] < 2);
      counts[(int) labels[i]]++;
      assertEquals(Math.rint(labels[i]), labels[i]);
    }
    for (double v : n) {
      mean += v;
      sq += v * v;
    }
    mean /= n.length;
    assertEquals(0, mean, 0.03);
    assertEquals(1, sq / n.length - mean * mean, 0.05);
    for (int c : counts) {
      assertEquals(3333, c, 200);
    }
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
  }

  private static Tensor pipeline(long seed) {
    Rng rng = new Rng(seed);
    Var x = Var.parameter(rng.normal(8, 5));
    Var w = Var.parameter(rng.normal(5, 4));
    Tensor y = rng.labels(4, 8);
    Var loss = Var.crossEntropy(x.matmul(w).tanh().mul(Var.constant(Tensor.scalar(3))), y)
        .add(w.pow(2).mean().sqrt()).add(x.sigmoid().log().sum(new int[] {-1}, false).max(null, false));
    loss.backward();
    double[] all = new double[1 + 40 + 20];
    all[0] = loss.value().item();
    System.arraycopy(x.grad().toArray(), 0, all, 1, 40);
    System.arraycopy(w.grad().toArray(), 0, all, 41, 20);
    return Tensor.vector(all);
  }

  @Test
  void sameSeedGivesTheSameBits() {
    assertEquals(pipeline(5), pipeline(5));
    assertNotEquals(pipeline(5), pipeline(6));
  }
}
