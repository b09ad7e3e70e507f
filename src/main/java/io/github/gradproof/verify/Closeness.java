package io.github.gradproof.verify;

/**
 * When two float64 tensors computed from one trial are equal, for {@code ==}, {@code !=} and
 * gradient claims: NumPy's {@code allclose} rule with a tolerance that follows the values' own
 * scale, so that multiplying the objective by any power of ten changes no verdict.
 *
 * <p>Elements {@code a} (claimed) and {@code b} (reference) are close when they are equal (so
 * {@code inf} equals {@code inf} of the same sign, as in {@code allclose}), or both finite with
 * {@code |a - b| <= }{@value #RTOL}{@code ·|b| + }{@value #FLOOR}{@code ·S + }{@value #TRIAL_FLOOR}{@code ·T}.
 * NaN is close to nothing. {@code S} is the compared tensors' own scale, the largest finite
 * {@code |a|} or {@code |b|}: an element that cancels to nearly zero (as {@code p - 1} does where a
 * probability is 1) keeps an allowance of 10^-10 of the tensor's scale, about 10^6 roundoffs of it.
 * {@code T} is the trial's scale of the same kind of value, the
 * largest finite magnitude of every engine gradient of the trial when the claim reads a gradient
 * (else of every input and forward value): a tensor that is mathematically zero but computed with
 * roundoff ({@code sum(dz, axis=1)} of a softmax) is still equal to zero. Both floors are relative,
 * so a claim about gradients of size 10^-9 is judged as strictly as one about gradients of size 1.
 *
 * <p>{@link #withNoise} caps the floors of each element at {@value #NOISE_FACTOR} times its rounding
 * noise as measured in the trial's rounding probes: the scales say how large the values are that
 * an element's rounding comes from, not how much of it reaches the element, and a tiny gradient
 * computed accurately beside a huge one must not count as zero.
 */
final class Closeness {

  /** Relative tolerance, elementwise, against the reference. */
  static final double RTOL = 1e-6;
  /** Absolute floor relative to the compared tensors' own scale: about 10^6 roundoffs. */
  static final double FLOOR = 1e-10;
  /** Absolute floor relative to the trial's scale: about 10^4 roundoffs. */
  static final double TRIAL_FLOOR = 1e-12;

  /**
   * The floors allow at most this many times an element's measured rounding noise: about 10^4
   * roundoffs, as {@link #TRIAL_FLOOR} was meant to be.
   */
  static final double NOISE_FACTOR = 1e4;

  private final double floor;
  /** Each element's measured rounding noise (non-negative, +inf when unknown), or null: the floors alone. */
  private final double[] noise;

  private Closeness(double floor, double[] noise) {
    this.floor = floor;
    this.noise = noise;
  }

  /** The rule for comparing {@code a} with {@code b} in a trial of scale {@code trialScale}. */
  static Closeness of(double[] a, double[] b, double trialScale) {
    return new Closeness(FLOOR * Math.max(scale(a), scale(b)) + TRIAL_FLOOR * trialScale, null);
  }

  /**
   * The same rule with each element's floor capped at {@link #NOISE_FACTOR} times its measured
   * rounding noise {@code noise[i]} (NaN counts as unknown: the floor stays).
   */
  Closeness withNoise(double[] noise) {
    double[] known = new double[noise.length];
    for (int i = 0; i < noise.length; i++) {
      known[i] = Double.isNaN(noise[i]) ? Double.POSITIVE_INFINITY : noise[i];
    }
    return new Closeness(floor, known);
  }

  /**
   * Whether some element of {@code a} is close to {@code b} only through the floors (not through the
   * relative term alone): only then can its measured noise change the verdict.
   */
  boolean restsOnTheFloor(double[] a, double[] b) {
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      if (a[i] != b[i] && d > RTOL * Math.abs(b[i]) && d <= RTOL * Math.abs(b[i]) + floor) {
        return true;
      }
    }
    return false;
  }

  /** The largest finite magnitude of {@code values} (0 when there is none). */
  static double scale(double[] values) {
    double s = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        s = Math.max(s, Math.abs(v));
      }
    }
    return s;
  }

  /** Whether {@code a} is close to the reference {@code b} (without measured noise). */
  boolean close(double a, double b) {
    return excess(a, b) <= 0;
  }

  /** Whether element {@code i}, {@code a}, is close to the reference {@code b}. */
  boolean close(int i, double a, double b) {
    return excess(i, a, b) <= 0;
  }

  /** {@link #excess(double, double)} of element {@code i}, under its measured noise if any. */
  double excess(int i, double a, double b) {
    return noise == null ? excess(a, b) : excess(a, b, Math.min(floor, NOISE_FACTOR * noise[i]));
  }

  /**
   * How far {@code a} lies outside the allowance around {@code b}: at most 0 when close,
   * positive infinity for NaN, infinities that differ, or an infinity against a finite value.
   */
  double excess(double a, double b) {
    return excess(a, b, floor);
  }

  private static double excess(double a, double b, double floor) {
    if (a == b) {
      return 0;
    }
    if (!Double.isFinite(a) || !Double.isFinite(b)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.abs(a - b) - (RTOL * Math.abs(b) + floor);
  }
}
