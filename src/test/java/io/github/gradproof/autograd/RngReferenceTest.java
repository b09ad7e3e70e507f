package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The generator's derived draws against a reference written apart from it (found unpinned by mutation
 * testing, docs/MUTANTS.md): SplitMix64 seeded with 7, its top 53 bits as a double, Marsaglia's polar
 * method (returning {@code u·f} and keeping {@code v·f} for the next call) and the unbiased bounded
 * integer, all computed by a short Python transcription of those definitions with exact 64-bit integer
 * arithmetic ({@code src/test/python/rng_reference.py}). The Gaussians are compared to 1e-15 relative,
 * as Python's {@code log} and {@code sqrt} need not round exactly like {@link StrictMath}'s.
 */
class RngReferenceTest {

  @Test
  void uniformDoublesAreTheTop53Bits() {
    Rng rng = new Rng(7);
    assertEquals(0.3898297483912715, rng.nextDouble());
    assertEquals(0.01678829452815611, rng.nextDouble());
    assertEquals(0.9007606806068834, rng.nextDouble());
  }

  @Test
  void gaussiansComeInPairsFromThePolarMethod() {
    Rng rng = new Rng(7);
    double[] expected = {-0.04174152338145233, -0.18308020910924752, 0.8764814690994567, 0.18137224678834885};
    for (double e : expected) {
      assertEquals(e, rng.nextGaussian(), 1e-15 * Math.abs(e));
    }
    assertArrayEquals(expected, new Rng(7).normal(2, 2).toArray(), 1e-15);
  }

  @Test
  void boundedIntegersAndLabels() {
    Rng rng = new Rng(7);
    int[] tens = new int[8];
    for (int i = 0; i < tens.length; i++) {
      tens[i] = rng.nextInt(10);
    }
    assertArrayEquals(new int[] {3, 2, 3, 1, 7, 2, 9, 1}, tens);
    assertArrayEquals(new double[] {1, 0, 0, 1, 2, 1, 2, 0}, new Rng(7).labels(3, 8).toArray());
    assertEquals(0, new Rng(7).nextInt(1));
  }

  @Test
  void uniformAndPositiveTensorsMapTheSameDraws() {
    double[] d = {0.3898297483912715, 0.01678829452815611, 0.9007606806068834};
    double[] u = new Rng(7).uniform(3).toArray();
    double[] p = new Rng(7).positive(3).toArray();
    for (int i = 0; i < 3; i++) {
      assertEquals(2 * d[i] - 1, u[i]);
      assertEquals(0.5 + 1.5 * d[i], p[i]);
    }
  }

  @Test
  void aBoundThatIsNotPositiveIsRefusedByName() {
    assertEquals("bound must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).nextInt(0)).getMessage());
    assertEquals("bound must be positive, got -3",
        assertThrows(IllegalArgumentException.class, () -> new Rng(1).nextInt(-3)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Rng(1).labels(0, 2));
  }
}
