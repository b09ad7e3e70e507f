package io.github.gradproof.autograd;

/**
 * Measures how much rounding a computed value carries: a graph whose leaves carry a probe moves every
 * input and the result of every operation computed from them (forward kernels and the gradients
 * their backward rules push alike) by a random relative amount, uniform in {@code ±}{@link #STEP}.
 * Running the same computation plainly and under probes of different seeds, a value changes by its
 * sensitivity to relative errors in each of its steps, which is what rounding (relative errors of
 * at most 2^-53 per step) does to it: {@link #rounding} scales a change back to that size. A
 * gradient that is a sum of large terms cancelling to nearly zero changes by the size of the terms;
 * one computed accurately, however small, by its own size. The verifier uses it as the noise of a
 * claim's comparison and of a finite-difference check. The step is a continuous draw of hundreds of ulps, not one ulp, so that
 * changes along a chain of operations do not cancel exactly, and small enough that the change is
 * linear in it.
 *
 * <p>A probe travels with the graph like a {@link KinkRecorder}: {@link Var#probed} makes a leaf that
 * carries one, every operation passes it on to its result. Deterministic (seeded), not thread-safe:
 * one probe per evaluation.
 */
public final class RoundingProbe {

  /** The largest relative move of a value, 2^-44: about 500 ulps, continuous enough and far inside the linear range. */
  public static final double STEP = 0x1.0p-44;
  /** Unit roundoff of float64, 2^-53: a step's change times {@code ROUNDOFF / STEP} is rounding's. */
  private static final double ROUNDOFF = 0x1.0p-53;

  private final Rng rng;
  private final double step;

  /** A probe whose directions are drawn from {@code seed}. */
  public RoundingProbe(long seed) {
    this(seed, STEP);
  }

  private RoundingProbe(long seed, double step) {
    this.rng = new Rng(seed);
    this.step = step;
  }

  /**
   * A probe that moves nothing: every value is computed exactly as without a probe. A trial built
   * with it records its branches as its probes do, so that the branches a probe took can be compared
   * with the plain computation's.
   */
  public static RoundingProbe still() {
    return new RoundingProbe(0, 0);
  }

  /** {@code t} with every finite element {@code v} moved to {@code v·(1 + step·u)}, {@code u} uniform in [-1, 1). */
  public Tensor apply(Tensor t) {
    double[] src = t.data();
    double[] out = new double[src.length];
    for (int i = 0; i < src.length; i++) {
      double v = src[i];
      double u = 2 * rng.nextDouble() - 1; // drawn for every element, so the draws stay aligned
      out[i] = Double.isFinite(v) ? v + v * (step * u) : v; // inf·(1 + δ) would give NaN for δ < 0
    }
    return new Tensor(out, t.shapeRef());
  }

  /** The change of a value under a probe, scaled to what rounding's relative errors would make of it. */
  public static double rounding(double change) {
    return change * (ROUNDOFF / STEP);
  }
}
