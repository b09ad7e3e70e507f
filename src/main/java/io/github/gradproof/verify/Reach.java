package io.github.gradproof.verify;

import io.github.gradproof.autograd.KinkRecorder;
import java.util.Arrays;

/**
 * Which sides the branching operations of a question's forward lines took over its trials: a
 * relu's input positive and negative, a comparison true and false, each of a clip's two bounds
 * crossed or not. A side no trial took is a branch on which no claim was ever tried: with
 * {@code dist: normal}, {@code clip(x, -5, 5)} never reaches its bounds (|x| > 5 has probability
 * 6·10⁻⁷ per element), so {@code dx = dy}, false beyond them, would hold. The verifier then adds
 * {@linkplain Trial#widened widened trials}.
 */
final class Reach {

  private int[] sides = new int[0];

  /** Adds the sides one trial's forward lines took ({@link Trial#reached}). */
  void add(int[] reached) {
    if (reached.length > sides.length) {
      sides = Arrays.copyOf(sides, reached.length);
    }
    for (int i = 0; i < reached.length; i++) {
      sides[i] |= reached[i];
    }
  }

  /** Whether every branching operation took both of its sides in some trial. */
  boolean complete() {
    for (int s : sides) {
      if (s != (KinkRecorder.ONE_SIDE | KinkRecorder.OTHER_SIDE)) {
        return false;
      }
    }
    return true;
  }
}
