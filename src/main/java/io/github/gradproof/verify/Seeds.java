package io.github.gradproof.verify;

import java.nio.charset.StandardCharsets;

/**
 * The seed of each trial, identical on every JVM: FNV-1a (64-bit) of the question id's UTF-8
 * bytes, plus the trial index times the golden-ratio constant, passed through the SplitMix64
 * finalizer. Trials are numbered dims assignment first, then seed: {@code trial = assignment *
 * seeds + s}.
 */
final class Seeds {

  private Seeds() {}

  static long of(String questionId, int trial) {
    long h = 0xcbf29ce484222325L;
    for (byte b : questionId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    long z = h + (trial + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
