package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Trial seeds are the documented mix, checked against independent references: FNV-1a of the id
 * (the published test vectors of "a" and "foobar") and the JDK's {@link SplittableRandom}, whose
 * first {@code nextLong()} from seed {@code s} is the SplitMix64 finalizer of s + the golden-ratio
 * constant, so {@code Seeds.of(id, t)} is {@code new SplittableRandom(fnv(id) + t·γ).nextLong()}.
 */
class SeedsTest {

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** FNV-1a, 64 bits, over the UTF-8 bytes as unsigned values. */
  private static long fnv1a(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  @Test
  void theReferenceHashMatchesThePublishedVectors() {
    assertEquals(0xaf63dc4c8601ec8cL, fnv1a("a"));
    assertEquals(0x85944171f73967e8L, fnv1a("foobar"));
  }

  @Test
  void aSeedIsTheSplitMixOfTheIdsHashAndTheTrial() {
    assertEquals(new SplittableRandom(0xaf63dc4c8601ec8cL).nextLong(), Seeds.of("a", 0));
    assertEquals(new SplittableRandom(0x85944171f73967e8L + 4 * GOLDEN).nextLong(), Seeds.of("foobar", 4));
    assertEquals(new SplittableRandom(fnv1a("q-08-04") + 19 * GOLDEN).nextLong(), Seeds.of("q-08-04", 19));
  }

  /** Bytes above 0x7f are hashed as unsigned: "é" is 0xC3 0xA9 in UTF-8. */
  @Test
  void anIdBeyondAsciiIsHashedByItsUtf8Bytes() {
    assertEquals(new SplittableRandom(fnv1a("q-é") + GOLDEN).nextLong(), Seeds.of("q-é", 1));
  }
}
