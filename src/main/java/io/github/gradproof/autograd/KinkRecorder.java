package io.github.gradproof.autograd;

/**
 * Records which branch every non-smooth operation took (relu's sign test, abs's sign, max's argmax,
 * comparisons) during one evaluation of a function. Two evaluations with different fingerprints lie
 * on different sides of a kink, so a central difference between them measures a jump rather than a
 * derivative.
 *
 * <p>A recorder travels with the graph, not with a thread: {@link Var#recording} makes a leaf that
 * carries one, every operation passes its operands' recorder on to its result, and an operation
 * that branches reports to the recorder of its operands through {@link Var#kinks(Var...)}, e.g.
 * {@code Var.kinks(x).signs(x.value())}. Graphs built from ordinary leaves carry {@link #NONE},
 * which records nothing and costs nothing.
 */
public final class KinkRecorder {

  /** Records nothing: the recorder of every graph built outside a gradient check. */
  static final KinkRecorder NONE = new KinkRecorder(false);

  private static final long SEED = 0x84222325CBF29CE4L;

  /** A branching call's positive or true side ({@link #reached()}). */
  public static final int ONE_SIDE = 1;
  /** A branching call's negative or false side ({@link #reached()}). */
  public static final int OTHER_SIDE = 2;
  private static final int BOTH = ONE_SIDE | OTHER_SIDE;

  private final boolean active;
  private long fingerprint = SEED;
  /** With {@link #reaching()}: the sides each branching call took ({@link #reached()}); else null. */
  private int[] sides;
  private int calls;

  /** A fresh recorder for one evaluation. */
  public KinkRecorder() {
    this(true);
  }

  private KinkRecorder(boolean active) {
    this.active = active;
  }

  /**
   * A fresh recorder that also notes which sides every branching call took ({@link #reached()}):
   * whether relu's input was positive and negative somewhere, whether a comparison was true and
   * false somewhere. It tells a verifier which branches its trials never tried.
   */
  public static KinkRecorder reaching() {
    KinkRecorder k = new KinkRecorder(true);
    k.sides = new int[8];
    return k;
  }

  /**
   * For a {@link #reaching()} recorder, one entry per branching call in order (a sign test, a mask):
   * bit {@link #ONE_SIDE} when some element took the positive (true) side, bit {@link #OTHER_SIDE}
   * when some took the negative (false) side; an element exactly on the kink takes neither.
   */
  public int[] reached() {
    return sides == null ? new int[0] : java.util.Arrays.copyOf(sides, calls);
  }

  /** Whether this recorder records (false only for {@link #NONE}). */
  boolean active() {
    return active;
  }

  /** The fingerprint of every branch recorded so far. */
  public long fingerprint() {
    return fingerprint;
  }

  /**
   * Starts a fresh fingerprint and returns the one recorded so far, to be given back to
   * {@link #resume}: the branches of one later computation, fingerprinted on their own.
   */
  public long restart() {
    long sofar = fingerprint;
    fingerprint = SEED;
    return sofar;
  }

  /** Goes back to {@code sofar} (from {@link #restart}) and returns the fingerprint recorded since. */
  public long resume(long sofar) {
    long since = fingerprint;
    fingerprint = sofar;
    return since;
  }

  /**
   * Mixes one branch decision into the fingerprint. A {@link #reaching()} recorder keeps no
   * fingerprint (every trial's forward lines report to one, so it costs only the sides).
   */
  void branch(long decision) {
    if (active && sides == null) {
      long h = (fingerprint ^ decision) * 0x100000001B3L;
      fingerprint = h ^ (h >>> 29);
    }
  }

  /** Records the three-way sign of every element (the branch of relu and abs). */
  void signs(Tensor x) {
    if (sides != null) {
      int seen = 0;
      for (double v : x.data()) {
        seen |= v > 0 ? ONE_SIDE : v < 0 ? OTHER_SIDE : 0;
        if (seen == BOTH) {
          break;
        }
      }
      reach(seen);
    } else if (active) {
      branch(-7);
      for (double v : x.data()) {
        branch(v > 0 ? 1 : v < 0 ? 2 : 3);
      }
    }
  }

  /**
   * Records every element's value (the step a floor, round or remainder is on): a step function
   * jumps where its value changes. A zero counts as one value whatever its sign.
   */
  void levels(Tensor steps) {
    if (active) {
      branch(-13);
      for (double v : steps.data()) {
        branch(Double.doubleToLongBits(v + 0.0));
      }
    }
  }

  /** Records a 0/1 mask (the branches of max's argmax and of comparisons). */
  void mask(Tensor m) {
    if (sides != null) {
      int seen = 0;
      for (double v : m.data()) {
        seen |= v != 0 ? ONE_SIDE : OTHER_SIDE;
        if (seen == BOTH) {
          break;
        }
      }
      reach(seen);
    } else if (active) {
      branch(-11);
      for (double v : m.data()) {
        branch(v != 0 ? 1 : 0);
      }
    }
  }

  private void reach(int seen) {
    if (sides != null) {
      if (calls == sides.length) {
        sides = java.util.Arrays.copyOf(sides, 2 * calls);
      }
      sides[calls++] = seen;
    }
  }
}
