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
  /** Whether some element was in a ruled regime ({@link #ruled}). */
  private boolean sawRuled;
  /** The operands, tracking gradients, whose elements a ruled regime holds ({@link #ruled}); null for none. */
  private java.util.List<Ruled> ruledOperands;
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

  /**
   * Records where an operation's gradient of {@code operand} is torch's rule rather than the slope of
   * the operation's value ({@code mask} nonzero): a floor the gradient does not see, as cosine
   * similarity's of a norm at eps or binary cross-entropy's of {@code p (1 - p)} at 1e-12. A central
   * difference there measures the floored function, or only its rounding, and cannot confirm the rule.
   * Which elements are in the regime goes into the fingerprint, as a kink's side does (a step that
   * enters or leaves it crosses a kink); an operand that tracks gradients is kept, so that
   * {@link #ruledIn} can tell which elements of a leaf reach the ruled ones. A {@link #reaching()}
   * recorder records nothing: a regime is no branch for a claim to reach.
   */
  void ruled(Var operand, Tensor mask) {
    if (!active || sides != null) {
      return;
    }
    branch(-17);
    boolean any = false;
    for (double v : mask.data()) {
      branch(v != 0 ? 1 : 0);
      any |= v != 0;
    }
    if (any) {
      sawRuled = true;
      if (operand.requiresGrad()) {
        if (ruledOperands == null) {
          ruledOperands = new java.util.ArrayList<>();
        }
        ruledOperands.add(new Ruled(operand, mask));
      }
    }
  }

  /** Whether some operation reported an element in a ruled regime ({@link #ruled}). */
  boolean sawRuled() {
    return sawRuled;
  }

  /**
   * The elements of {@code leaf} that some element in a ruled regime is computed from, flat: for each
   * operand {@link #ruled} kept, a backward pass from it whose upstream is its mask times seeded
   * weights in [1, 2) (so that two paths cannot cancel exactly), and every element of the leaf that gets
   * a nonzero gradient (or NaN). Dependence is read from the graph, not from values: a value a step
   * does not move (a sigmoid saturated to a few ulps below 1) still depends on the step's element.
   */
  boolean[] ruledIn(Var leaf) {
    boolean[] out = new boolean[leaf.value().size()];
    if (ruledOperands == null) {
      return out;
    }
    Rng rng = new Rng(0x5EEDL);
    for (Ruled r : ruledOperands) {
      double[] weights = r.mask().toArray();
      for (int i = 0; i < weights.length; i++) {
        weights[i] = weights[i] != 0 ? 1 + rng.nextDouble() : 0;
      }
      double[] g = r.operand().backward(new Tensor(weights, r.mask().shapeRef())).of(leaf).data();
      for (int i = 0; i < out.length; i++) {
        out[i] |= g[i] != 0; // NaN counts too
      }
    }
    return out;
  }

  /** An operand and the 0/1 mask of its elements in a ruled regime. */
  private record Ruled(Var operand, Tensor mask) {}

  private void reach(int seen) {
    if (sides != null) {
      if (calls == sides.length) {
        sides = java.util.Arrays.copyOf(sides, 2 * calls);
      }
      sides[calls++] = seen;
    }
  }
}
