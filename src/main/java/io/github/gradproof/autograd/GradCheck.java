package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Checks an analytic gradient against central differences {@code (f(x+h) - f(x-h)) / 2h}, with an
 * allowance that follows {@code f}'s own rounding and truncation error, so that the verdict does not
 * depend on the objective's scale, its offset or the input's size.
 *
 * <p><b>Step.</b> A central difference errs by rounding, about {@code σ/h} where {@code σ} is the
 * rounding noise of one evaluation of {@code f}, and by truncation, about {@code h²·|f'''|/6}. Modelling
 * {@code σ = K·ε·|f(x)|} ({@code ε} the double precision unit roundoff, {@code K} = {@value #ROUNDING})
 * and {@code |f'''| ≈ S / c²}, where {@code S} is the gradient's scale ({@code max|g|} elementwise,
 * {@code ‖g‖} along a direction) and {@code c = max(1, |x|)} the input's, the two balance at
 * {@code h = c·∛max(ε, K·ε·|f(x)| / (S·c))}: the classic {@code ∛ε·c} when {@code f} is of the size of
 * its variation, a larger step when a large offset or a large sum makes {@code f}'s rounding large. It
 * never exceeds {@value #MAX_STEP}{@code ·c}. The step is rounded so that {@code x + h} and
 * {@code x - h} are exact, and every quotient divides by the displacement actually taken.
 *
 * <p><b>Pass rule.</b> A point passes at once when {@code |a - D(h)| <= }{@value #RTOL}{@code ·|D(h)| +
 * K·(ε·(|f(x+h)| + |f(x-h)|) + 2·MIN_VALUE) / 2h}: the difference is within what rounding alone explains. Otherwise
 * (only then, so that a correct engine costs no more than two evaluations per point) the point is
 * judged again with two more evaluations at {@code h/2}: the Richardson value
 * {@code R = (4·D(h/2) - D(h)) / 3}, free of the {@code h²} truncation term, must satisfy
 * {@code |a - R| <= RTOL·|R| + (4·N(h/2) + N(h)) / 3 + |D(h) - D(h/2)| / 3}, where {@code N} is the
 * larger of the modelled noise above and a measured one, {@value #MEASURED_NOISE}{@code ·σ̂/h}. The
 * measured noise {@code σ̂} is estimated once per check, the first time a point needs it, from the
 * fourth differences of {@code f} at seven points {@value #NOISE_SPACING}{@code ·c} apart along a fixed
 * random direction (where the smooth part of {@code f} contributes nothing, so what remains is rounding):
 * {@code σ̂² = mean(Δ⁴f²) / 70}. A wrong gradient is off by the same amount at every step, so it fails
 * both tests; a correct one is off only by rounding (covered by {@code N}) and truncation (removed by
 * {@code R}, bounded by the last term).
 *
 * <p>Inputs with more than {@value #FAST_MODE_THRESHOLD} elements are checked in fast mode instead:
 * {@value #PROJECTIONS} random directions {@code u} (seeded, so repeatable), comparing the directional
 * derivative {@code g·u} with its central difference by the same rule, which costs two evaluations per
 * direction instead of two per element. Every check evaluates {@code f} once more, at {@code x}, for the
 * step.
 *
 * <p>Kinks: a central difference that straddles a kink of relu, abs, max or a comparison measures a jump,
 * not a derivative. Each evaluation gets its own {@link KinkRecorder}: {@code f} receives the point as a
 * {@linkplain Var#recording recording} leaf, and the operations computed from it report which branch each
 * element took. When the evaluations at {@code x + h}, {@code x} and {@code x - h} did not all take the same
 * branches, the point lies within a step of a kink (or on an isolated branch point, such as a tie of
 * {@code ==}) and is skipped and counted in {@link GradCheckResult#skipped()}. This needs
 * {@code f} to compute through {@link Var} operations on the leaf it is given; a function that does its own
 * non-smooth arithmetic is not protected. A point whose neighbours leave {@code f}'s domain ({@code f(x)}
 * finite, {@code f(x ± h)} NaN or infinite, or {@code f} throwing a {@link ShapeException} there, as
 * binary cross-entropy does for a probability stepped past 1) is skipped the same way; a rounding
 * probe or noise probe that leaves it measures nothing.
 *
 * <p>Rules: where an operation's gradient is torch's rule rather than the slope of its value (a floor
 * the gradient does not see: cosine similarity's of a norm at eps, binary cross-entropy's of
 * {@code p (1 - p)} at 1e-12 and of its logarithms at -100), it reports the elements in that regime
 * ({@code KinkRecorder.ruled}). The elements of {@code x} they are computed from, found by one more
 * evaluation at {@code x} and a backward pass from them (only when there are any), are skipped and
 * counted like kinks; in fast mode the directions leave them out; the noise probe does not move them.
 * The other elements are compared as usual.
 */
public final class GradCheck {

  /** Relative tolerance of the pass rule (relative to the numeric estimate). */
  public static final double RTOL = 1e-6;
  /** Base step relative to {@code max(1, |x|)}: about the cube root of the unit roundoff. */
  public static final double RELATIVE_STEP = 6e-6;
  /** The largest step, relative to {@code max(1, |x|)}. */
  public static final double MAX_STEP = 1e-2;
  /** {@code K}: the modelled rounding noise of one evaluation is {@code K·ε·|f|}. */
  public static final double ROUNDING = 4;
  /** Measured noise allowance of a central difference at step {@code h}: this many {@code σ̂/h}. */
  public static final double MEASURED_NOISE = 8;
  /** Spacing of the noise probe, relative to {@code max(1, max|x|)}. */
  public static final double NOISE_SPACING = 1e-7;
  /** Inputs with more elements than this are checked by random projections. */
  public static final int FAST_MODE_THRESHOLD = 4096;
  /** Number of random directions in fast mode. */
  public static final int PROJECTIONS = 12;
  /** Evaluations of the noise probe (fourth differences need five; seven give three of them). */
  static final int NOISE_PROBE_POINTS = 7;
  /** Evaluations of {@code f} at {@code x} under a {@link RoundingProbe}, for the measured noise. */
  static final int ROUNDING_PROBES = 3;
  /** The unit roundoff of double precision, {@code 2^-53}. */
  static final double EPS = 0x1p-53;

  private GradCheck() {}

  /**
   * Checks {@code analyticGrad} as the gradient of {@code f} at {@code x}.
   *
   * @param f scalar function of a point shaped like {@code x}, given as a recording leaf; must be deterministic
   * @param x the point
   * @param analyticGrad the gradient to check, shaped like {@code x}
   * @throws ShapeException of kind DOMAIN if {@code analyticGrad} is not shaped like {@code x}
   */
  public static GradCheckResult check(ToDoubleFunction<Var> f, Tensor x, Tensor analyticGrad) {
    if (!Arrays.equals(x.shapeRef(), analyticGrad.shapeRef())) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "gradcheck: gradient shape "
          + analyticGrad.shapeString() + " does not match input shape " + x.shapeString());
    }
    return x.size() > FAST_MODE_THRESHOLD
        ? byProjections(f, x, analyticGrad, PROJECTIONS)
        : elementwise(f, x, analyticGrad);
  }

  /**
   * The most evaluations of {@code f} that {@link #check} makes at a point of {@code size} elements:
   * one at the point, seven for the noise probe and three rounding probes, and per element (or, in fast mode, per direction)
   * two at the base step and two more at half the step when the first comparison does not settle
   * it. What a cost estimate multiplies the price of one evaluation by. (The evaluation that finds the
   * elements in a ruled regime, made only when there are any, is paid for by the two or more each
   * skipped element saves; in fast mode, where a direction is not skipped unless every element is
   * ruled, it can make one evaluation more than this.)
   */
  public static long maxEvaluations(long size) {
    long lines = size > FAST_MODE_THRESHOLD ? PROJECTIONS : size;
    return 1 + NOISE_PROBE_POINTS + ROUNDING_PROBES + 4 * lines;
  }

  /** The base step at {@code x}: {@code 6e-6 * max(1, |x|)} rounded to {@code (x + h) - x}. */
  public static double step(double x) {
    return step(x, 0, 0);
  }

  /**
   * The step at {@code x} for an objective of magnitude {@code |f|} whose gradient has scale
   * {@code scale} (see the class comment), rounded to {@code (x + h) - x}.
   */
  static double step(double x, double f, double scale) {
    double h = unrounded(Math.max(1.0, Math.abs(x)), f, scale);
    return (x + h) - x;
  }

  /** {@code c·∛max(ε, K·ε·|f| / (S·c))}, capped at {@code MAX_STEP·c}; the base step when {@code S} is 0. */
  private static double unrounded(double c, double f, double scale) {
    double noise = ROUNDING * EPS * Math.abs(f) / (scale * c);
    if (scale > 0 && noise > EPS && Double.isFinite(noise)) {
      return Math.min(MAX_STEP, Math.max(RELATIVE_STEP, Math.cbrt(noise))) * c;
    }
    return RELATIVE_STEP * c;
  }

  static GradCheckResult elementwise(ToDoubleFunction<Var> f, Tensor x, Tensor grad) {
    double[] point = x.toArray();
    double[] g = grad.data();
    Probe probe = new Probe(f, x);
    double scale = 0;
    for (double v : g) {
      scale = Math.max(scale, Math.abs(v));
    }
    int worst = -1;
    double unitStep = unrounded(1.0, probe.f0, scale); // the step wherever |x| <= 1, found once
    for (int i = 0; i < point.length; i++) {
      if (probe.ruled[i]) {
        probe.tally.skipped++;
        continue;
      }
      double xi = point[i];
      double h = Math.abs(xi) <= 1 ? (xi + unitStep) - xi : step(xi, probe.f0, scale);
      double[] moved = {(xi + h) - (xi - h), (xi + h / 2) - (xi - h / 2)};
      Direction along = new AlongElement(probe, point, i, xi);
      if (probe.compare(along, h, new SameAtEveryStep(g[i]), new PerStepValues(moved))) {
        worst = i;
      }
    }
    return probe.tally.result(worst < 0 ? new int[0] : unravel(worst, x.shapeRef()));
  }

  static GradCheckResult byProjections(ToDoubleFunction<Var> f, Tensor x, Tensor grad, int projections) {
    double[] point = x.data();
    double[] g = grad.data();
    double c = 1.0;
    double norm = 0;
    for (int i = 0; i < point.length; i++) {
      c = Math.max(c, Math.abs(point[i]));
      norm += g[i] * g[i];
    }
    Probe probe = new Probe(f, x);
    double t = unrounded(c, probe.f0, Math.sqrt(norm));
    Rng rng = new Rng(0x6AD0C4EC4L + point.length);
    double[] moved = new double[point.length];
    double[] direction = new double[point.length];
    for (int p = 0; p < projections; p++) {
      for (int i = 0; i < point.length; i++) {
        direction[i] = rng.nextGaussian();
        direction[i] = probe.ruled[i] ? 0 : direction[i]; // drawn for every element, so the draws stay aligned
      }
      if (probe.allRuled()) {
        probe.tally.skipped++;
        continue;
      }
      Direction along = s -> {
        for (int i = 0; i < point.length; i++) {
          moved[i] = point[i] + s * direction[i];
        }
        return probe.at(moved);
      };
      probe.compare(along, t, k -> directional(g, point, direction, k == 0 ? t : t / 2),
          k -> 2 * (k == 0 ? t : t / 2));
    }
    return probe.tally.result(new int[0]);
  }

  /** {@code g · (x⁺ - x⁻) / 2s}: the analytic change along the displacement actually taken. */
  private static double directional(double[] g, double[] x, double[] u, double s) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += g[i] * ((x[i] + s * u[i]) - (x[i] - s * u[i]));
    }
    return sum / (2 * s);
  }

  static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int axis = shape.length - 1; axis >= 0; axis--) {
      index[axis] = flat % shape[axis];
      flat /= shape[axis];
    }
    return index;
  }

  /** {@code f} along one line through {@code x}: the evaluation at displacement {@code s}. */
  @FunctionalInterface
  private interface Direction {
    Evaluation at(double s);
  }

  /** A number for step {@code k} (0: {@code h}, 1: {@code h/2}). */
  @FunctionalInterface
  private interface PerStep {
    double of(int k);
  }

  // The per-element lines of elementwise() are small classes rather than lambdas: the JVM's C1
  // compiler (the project's only one, .mvn/jvm.config) creates a capturing lambda through a native
  // call, which per element of every check was a measurable share of verification's time.

  /** The line through {@code point} along element {@code index}, whose value {@code xi} each evaluation restores. */
  private record AlongElement(Probe probe, double[] point, int index, double xi) implements Direction {
    @Override
    public Evaluation at(double s) {
      point[index] = xi + s;
      Evaluation e = probe.at(point);
      point[index] = xi;
      return e;
    }
  }

  /** A number that is the same at both steps (the analytic derivative along one element). */
  private record SameAtEveryStep(double value) implements PerStep {
    @Override
    public double of(int k) {
      return value;
    }
  }

  /** A number per step, {@code values[k]}. */
  private record PerStepValues(double[] values) implements PerStep {
    @Override
    public double of(int k) {
      return values[k];
    }
  }

  /** One evaluation of f: its value and the fingerprint of the branches its kinks took. */
  private record Evaluation(double value, long fingerprint) {
    static Evaluation of(ToDoubleFunction<Var> f, double[] point, int[] shape) {
      KinkRecorder kinks = new KinkRecorder();
      Tensor at = new Tensor(Arrays.copyOf(point, point.length), Arrays.copyOf(shape, shape.length));
      double value = movedValue(f, Var.recording(at, kinks));
      return new Evaluation(value, kinks.fingerprint());
    }
  }

  /**
   * {@code f} at a moved point, NaN where the move leaves an operation's domain and it throws (a
   * probability of exactly 1 moved past 1 before a binary cross-entropy): no evidence either way, as
   * a non-finite value is not. Shapes do not move with values, so any {@link ShapeException} there is
   * the values' doing.
   */
  private static double movedValue(ToDoubleFunction<Var> f, Var at) {
    try {
      return f.applyAsDouble(at);
    } catch (ShapeException e) {
      return Double.NaN;
    }
  }

  /** The function under check, its value at {@code x}, its measured noise (once) and the running tally. */
  private static final class Probe {
    final ToDoubleFunction<Var> f;
    final double[] x;
    final int[] shape;
    final double f0;
    /** The branches taken at {@code x} itself, which both neighbours of a differenced point must share. */
    final long centre;
    /** The elements of {@code x} that an element in a ruled regime is computed from ({@link KinkRecorder#ruled}). */
    final boolean[] ruled;
    final Tally tally = new Tally();
    private double measured = Double.NaN;
    private double rounding = Double.NaN;

    Probe(ToDoubleFunction<Var> f, Tensor x) {
      this.f = f;
      this.x = x.toArray();
      this.shape = x.shape();
      KinkRecorder kinks = new KinkRecorder();
      tally.evaluations++;
      this.f0 = f.applyAsDouble(Var.recording(leaf(), kinks));
      this.centre = kinks.fingerprint();
      this.ruled = kinks.sawRuled() ? ruledElements() : new boolean[this.x.length];
    }

    private Tensor leaf() {
      return new Tensor(Arrays.copyOf(x, x.length), Arrays.copyOf(shape, shape.length));
    }

    /**
     * {@code f} at {@code x} once more, on a leaf that tracks gradients, to find the elements that
     * reach an element in a ruled regime ({@link KinkRecorder#ruledIn}): only when the evaluation at
     * {@code x} saw one, so that other functions cost nothing more.
     */
    private boolean[] ruledElements() {
      KinkRecorder kinks = new KinkRecorder();
      Var leaf = Var.probed(leaf(), true, null, kinks);
      tally.evaluations++;
      f.applyAsDouble(leaf);
      return kinks.ruledIn(leaf);
    }

    /** Whether every element is {@link #ruled}: no direction is left to compare along. */
    boolean allRuled() {
      for (boolean r : ruled) {
        if (!r) {
          return false;
        }
      }
      return true;
    }

    Evaluation at(double[] point) {
      tally.evaluations++;
      return Evaluation.of(f, point, shape);
    }

    /**
     * Judges one line at step {@code h}; returns whether it is the new worst point. {@code analytic}
     * and {@code width} give, per step, the analytic change and the displacement {@code x⁺ - x⁻}.
     */
    boolean compare(Direction along, double h, PerStep analytic, PerStep width) {
      Evaluation plus = along.at(h);
      Evaluation minus = along.at(-h);
      if (acrossBranches(plus, minus) || outsideDomain(plus, minus)) {
        tally.skipped++;
        return false;
      }
      double d1 = (plus.value - minus.value) / width.of(0);
      double a1 = analytic.of(0);
      double n1 = modelled(plus, minus, width.of(0));
      double allowance = RTOL * Math.abs(d1) + n1;
      if (Math.abs(a1 - d1) <= allowance) {
        return tally.add(a1, d1, allowance);
      }
      Evaluation plus2 = along.at(h / 2);
      Evaluation minus2 = along.at(-h / 2);
      if (plus2.fingerprint != minus2.fingerprint || plus2.fingerprint != plus.fingerprint
          || outsideDomain(plus2, minus2)) {
        return tally.add(a1, d1, allowance); // cannot refine across a kink: the first comparison stands
      }
      double d2 = (plus2.value - minus2.value) / width.of(1);
      double a2 = analytic.of(1);
      double n2 = modelled(plus2, minus2, width.of(1));
      double sigma = measured();
      double rounded = rounding(); // one evaluation's rounding, as K·ε·|f| models it: the same weight
      n1 = Math.max(n1, Math.max(MEASURED_NOISE * sigma / (width.of(0) / 2), ROUNDING * 2 * rounded / width.of(0)));
      n2 = Math.max(n2, Math.max(MEASURED_NOISE * sigma / (width.of(1) / 2), ROUNDING * 2 * rounded / width.of(1)));
      double richardson = (4 * d2 - d1) / 3;
      double exact = (4 * a2 - a1) / 3;
      double refined = RTOL * Math.abs(richardson) + (4 * n2 + n1) / 3 + Math.abs(d1 - d2) / 3;
      return tally.add(exact, richardson, refined);
    }

    /**
     * Whether {@code x - h}, {@code x} and {@code x + h} do not all take the same branches. Both
     * neighbours must match the centre, not only each other: a branch that holds at an isolated point
     * ({@code a == b} at a tie, {@code where(x == 0, ...)} at 0) looks the same on either side, and
     * the difference then measures the other branch while the engine's gradient is the point's.
     */
    private boolean acrossBranches(Evaluation plus, Evaluation minus) {
      return plus.fingerprint != centre || minus.fingerprint != centre;
    }

    /**
     * Whether a step leaves {@code f}'s domain: {@code f(x)} is finite but a neighbour is not (the
     * square root of a small positive input, one step below zero). Like a kink, that point cannot
     * be differenced and is skipped, not failed.
     */
    private boolean outsideDomain(Evaluation plus, Evaluation minus) {
      return Double.isFinite(f0) && !(Double.isFinite(plus.value) && Double.isFinite(minus.value));
    }

    /**
     * {@code K·(ε·(|f⁺| + |f⁻|) + 2·MIN_VALUE) / (x⁺ - x⁻)}: the modelled rounding error of one central
     * difference. Below the smallest normal double a value's rounding is no longer relative but the
     * subnormal spacing, {@link Double#MIN_VALUE}: an objective of about 1e-318
     * ({@code sum(sigmoid(x - 730))}) would otherwise blame the engine for differences of 1e-318.
     */
    private static double modelled(Evaluation plus, Evaluation minus, double width) {
      return ROUNDING * (EPS * (Math.abs(plus.value) + Math.abs(minus.value)) + 2 * Double.MIN_VALUE) / width;
    }

    /**
     * The rounding noise {@code σ̂} of one evaluation of {@code f} near {@code x}, measured once: fourth
     * differences of seven evaluations {@value #NOISE_SPACING}{@code ·c} apart along a fixed random
     * direction, {@code σ̂² = mean(Δ⁴²) / 70} (for independent noise of deviation {@code σ}, {@code Δ⁴}
     * has variance {@code 70σ²}). Evaluations that take different branches measure a jump, not noise,
     * and give 0 (the modelled noise stands alone).
     */
    double measured() {
      if (!Double.isNaN(measured)) {
        return measured;
      }
      double c = 1;
      for (double v : x) {
        c = Math.max(c, Math.abs(v));
      }
      Rng rng = new Rng(0x4E015EL + x.length);
      double[] u = new double[x.length];
      for (int i = 0; i < u.length; i++) {
        u[i] = rng.nextGaussian();
        u[i] = ruled[i] ? 0 : u[i]; // a ruled element's staircase is no rounding of the others
      }
      double[] values = new double[NOISE_PROBE_POINTS];
      double[] moved = new double[x.length];
      long fingerprint = 0;
      for (int j = 0; j < values.length; j++) {
        for (int i = 0; i < x.length; i++) {
          moved[i] = x[i] + (j - 3) * NOISE_SPACING * c * u[i];
        }
        Evaluation e = at(moved);
        if (j > 0 && e.fingerprint != fingerprint) {
          return measured = 0;
        }
        fingerprint = e.fingerprint;
        values[j] = e.value;
      }
      double sum = 0;
      for (int j = 0; j + 4 < values.length; j++) {
        double d4 = values[j] - 4 * values[j + 1] + 6 * values[j + 2] - 4 * values[j + 3] + values[j + 4];
        sum += d4 * d4;
      }
      measured = Math.sqrt(sum / 3 / 70);
      return Double.isFinite(measured) ? measured : (measured = 0);
    }

    /**
     * The noise of {@code f(x)} as rounding inside {@code f} makes it: the largest change of
     * {@code f(x)} under {@link RoundingProbe}s, scaled to rounding's size. It sees what the fourth
     * differences miss when {@code f} rounds an intermediate far coarser than its input (an offset
     * of 10^10 quantizes {@code x + 10^10} to steps of 2e-6, wider than their spacing, so the
     * seven evaluations round alike) and a central difference then errs by a quantum over its step.
     */
    double rounding() {
      if (!Double.isNaN(rounding)) {
        return rounding;
      }
      double largest = 0;
      for (int k = 0; k < ROUNDING_PROBES; k++) {
        tally.evaluations++;
        double value = movedValue(f, Var.probed(leaf(), false, new RoundingProbe(0x9E3779B9L + k)));
        if (Double.isFinite(value)) {
          largest = Math.max(largest, Math.abs(value - f0));
        }
      }
      return rounding = RoundingProbe.rounding(largest);
    }
  }

  /** Running worst errors. */
  private static final class Tally {
    double maxAbs;
    double maxRel;
    /**
     * The largest magnitude compared, or the magnitude whose {@link #RTOL} share equals a point's
     * allowance where that is larger: reported with the errors, never part of the pass rule. A
     * gradient that is only rounding (0 in exact arithmetic, as the gradient of {@code sum(softmax(z))})
     * is then measured against the noise it is allowed, not against its own roundoff, which would
     * make a passing check read as disagreeing by 100 %.
     */
    double scale;
    double worstExcess = -1;
    boolean passed = true;
    int evaluations;
    int skipped;

    /** Adds one comparison within {@code allowance}; returns whether it is the new worst point. */
    boolean add(double analytic, double numeric, double allowance) {
      double err = Math.abs(analytic - numeric);
      double denom = Math.max(Math.abs(analytic), Math.abs(numeric));
      double rel = denom == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / denom;
      double excess = err == 0 ? 0 : err / allowance;
      if (Double.isNaN(excess)) {
        excess = Double.POSITIVE_INFINITY;
        err = Double.NaN;
        rel = Double.NaN;
      }
      passed &= excess <= 1.0;
      maxAbs = Double.isNaN(err) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, err);
      maxRel = Double.isNaN(rel) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, rel);
      scale = Double.isNaN(denom) || Double.isNaN(scale) ? Double.NaN
          : Math.max(scale, Math.max(denom, allowance / RTOL));
      if (excess > worstExcess) {
        worstExcess = excess;
        return true;
      }
      return false;
    }

    GradCheckResult result(int[] worstIndex) {
      return new GradCheckResult(maxAbs, maxRel, worstIndex, passed, evaluations, skipped, scale);
    }
  }
}
