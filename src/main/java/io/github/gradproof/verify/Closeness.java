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
 * <p>{@link #withNoise} sets the floors of each element to {@value #NOISE_FACTOR} times its rounding
 * noise as measured in the trial's rounding probes: the scales say how large the values are that
 * an element's rounding comes from, not how much of it reaches the element, and a tiny gradient
 * computed accurately beside a huge one must not count as zero. The measured allowance may exceed
 * the floors only up to a ceiling ({@link #ceiling}), and only where the measurement showed rounding
 * rather than a jump: a zero computed with roundoff whose whole cone is that roundoff
 * ({@code L = sum(softmax(z, dim=1))}, where {@code S} and {@code T} are the roundoff itself).
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
  /** Each element's measured rounding noise (non-negative; NaN or infinite when unknown), or null: the floors alone. */
  private final double[] noise;
  /** The most a measured noise may allow, at least {@link #floor}. */
  private final double ceiling;

  private Closeness(double floor, double[] noise, double ceiling) {
    this.floor = floor;
    this.noise = noise;
    this.ceiling = ceiling;
  }

  /** The rule for comparing {@code a} with {@code b} in a trial of scale {@code trialScale}. */
  static Closeness of(double[] a, double[] b, double trialScale) {
    double floor = FLOOR * Math.max(scale(a), scale(b)) + TRIAL_FLOOR * trialScale;
    return new Closeness(floor, null, floor);
  }

  /**
   * The most a measured noise may allow {@code a} against {@code b}: {@value #FLOOR} of the largest
   * of the sides' own scale, the trial's scale and {@code outerScale} (the objective's own gradient,
   * which the trial's scale leaves out), and never less than the floors. A sum that cancels to
   * roundoff cannot carry more rounding than that of the values it is computed from.
   */
  double ceiling(double[] a, double[] b, double trialScale, double outerScale) {
    double widest = Math.max(Math.max(scale(a), scale(b)), Math.max(trialScale, outerScale));
    return Math.max(floor, FLOOR * widest);
  }

  /**
   * The same rule with each element's floors replaced by {@link #NOISE_FACTOR} times its measured
   * rounding noise {@code noise[i]}, where that is smaller; a NaN or infinite noise is unknown and
   * keeps the floors.
   */
  Closeness withNoise(double[] noise) {
    return new Closeness(floor, noise, floor);
  }

  /**
   * {@link #withNoise}, and where {@link #NOISE_FACTOR} times an element's noise exceeds the floors,
   * that allowance up to {@code ceiling}: for noise measured to be rounding's, never a jump's.
   */
  Closeness withRoundingNoise(double[] noise, double ceiling) {
    return new Closeness(floor, noise, Math.max(floor, ceiling));
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

  /**
   * Whether some element of {@code a} is farther from {@code b} than the floors allow but within
   * {@code ceiling}: only then can a measured noise larger than the floors change the verdict.
   */
  boolean failsWithin(double[] a, double[] b, double ceiling) {
    for (int i = 0; i < a.length; i++) {
      double d = Math.abs(a[i] - b[i]);
      double relative = RTOL * Math.abs(b[i]);
      if (d > relative + floor && d <= relative + ceiling) {
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
    return noise == null ? excess(a, b) : excess(a, b, allowance(noise[i]));
  }

  /** The absolute allowance of an element whose measured noise is {@code noise}. */
  private double allowance(double noise) {
    if (!Double.isFinite(noise)) {
      return floor; // unknown: a probe could not say
    }
    return Math.min(NOISE_FACTOR * noise, ceiling); // the ceiling is never below the floor
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
