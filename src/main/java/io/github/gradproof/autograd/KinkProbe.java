package io.github.gradproof.autograd;

/**
 * Records which branch every non-smooth operation took (relu's sign test, abs's sign, max's argmax,
 * comparisons) while a {@link GradCheck} evaluates a function on this thread. Two evaluations with
 * different fingerprints lie on different sides of a kink, so a central difference between them
 * measures a jump rather than a derivative. Inactive (and free) outside a gradient check.
 */
final class KinkProbe {

  private static final ThreadLocal<long[]> FINGERPRINT = new ThreadLocal<>();

  private KinkProbe() {}

  /** Starts recording; returns the enclosing recording (if any) to hand back to {@link #stop}. */
  static long[] start() {
    long[] outer = FINGERPRINT.get();
    FINGERPRINT.set(new long[] {0x84222325CBF29CE4L});
    return outer;
  }

  /** Stops recording, restores the enclosing one, and returns the fingerprint of the branches taken. */
  static long stop(long[] outer) {
    long fingerprint = FINGERPRINT.get()[0];
    if (outer == null) {
      FINGERPRINT.remove();
    } else {
      FINGERPRINT.set(outer);
    }
    return fingerprint;
  }

  /** Whether branches are being recorded on this thread. */
  static boolean active() {
    return FINGERPRINT.get() != null;
  }

  /** Mixes one branch decision into the fingerprint. */
  static void branch(long decision) {
    long[] f = FINGERPRINT.get();
    if (f != null) {
      long h = (f[0] ^ decision) * 0x100000001B3L;
      f[0] = h ^ (h >>> 29);
    }
  }

  /** Records the three-way sign of every element (the branch of relu and abs). */
  static void signs(Tensor x) {
    if (active()) {
      branch(-7);
      for (double v : x.data()) {
        branch(v > 0 ? 1 : v < 0 ? 2 : 3);
      }
    }
  }

  /** Records a 0/1 mask (the branches of max's argmax and of comparisons). */
  static void mask(Tensor m) {
    if (active()) {
      branch(-11);
      for (double v : m.data()) {
        branch(v != 0 ? 1 : 0);
      }
    }
  }
}
