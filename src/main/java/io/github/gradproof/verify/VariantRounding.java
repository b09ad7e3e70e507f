package io.github.gradproof.verify;

import io.github.gradproof.autograd.RoundingProbe;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How far a numeric variant's computed answer (and each placeholder value) may lie from the exact
 * value of its expression on the inputs as the page shows them, from rounding alone: the decimals of
 * the inputs are read as the nearest doubles, and every operation rounds. Measured as claims measure
 * their noise ({@link RoundingProbe}): the draw is computed again in its {@value Trial#ROUNDING_PROBES}
 * rounding probes, which move every input and every computed value (the forward lines, the gradients,
 * the expression's own operations) by a relative amount of up to 2⁻⁴⁴; a value's largest change,
 * scaled to rounding's relative errors of 2⁻⁵³, is its noise, and {@value #MARGIN} times the noise
 * is its bound. A value computed accurately moves by about its own size times 2⁻⁵³, however small it
 * is ({@code 1e-12 * x} has a bound near 10⁻²⁵); a value that cancels to nearly zero moves by the size
 * of its terms ({@code sum(p) - 1} of a softmax, exactly 0, computed as 5.55·10⁻¹⁷, has a bound near
 * 10⁻¹³).
 *
 * <p>A probe that took another branch than the draw (a mask at a tie, a {@code relu} of a computed
 * zero) measured a jump, not rounding; then, or when a probe is undefined, the bound is unknown
 * ({@code NaN}), and nothing is taken for rounding.
 */
final class VariantRounding {

  /**
   * The bound as a multiple of the measured noise. The noise is an estimate, not a bound: three random
   * samples of the rounding's linear combination may all land low, and an operation computed in one
   * kernel ({@code cross_entropy}'s gradient, {@code layer_norm}'s) rounds inside where no probe moves
   * it. Over the cancelling answers of {@code VariantRoundingTest} (576 variants of sums, softmaxes,
   * cross-entropy and layer-norm gradients that are exactly zero) the computed answer was up to 47
   * times its noise; a thousand leaves a factor of 20 over that, and still lies 10¹² below the size of
   * any value computed accurately: a value is taken for zero only when its measured rounding is at
   * least a thousandth of it.
   */
  static final double MARGIN = 1000;

  private VariantRounding() {}

  /**
   * The rounding bound of the answer and of each placeholder value of one draw.
   *
   * @param answer the answer's bound; {@code NaN} when unknown
   * @param values each placeholder's bound, by the expression as the verifier keys it
   */
  record Bounds(double answer, Map<String, Double> values) {
    static Bounds unknown(Map<String, Double> values) {
      Map<String, Double> none = new LinkedHashMap<>();
      values.keySet().forEach(k -> none.put(k, Double.NaN));
      return new Bounds(Double.NaN, none);
    }
  }

  /**
   * Measures the bounds of {@code plain}, the answer and placeholder values {@code evaluate} gave on
   * {@code draw}, by evaluating them again in the draw's rounding probes.
   */
  static Bounds measure(VariantTrial draw, double answer, Map<String, Double> values,
      Function<VariantTrial, double[]> evaluate) {
    VariantTrial still = draw.still();
    long[] taken = still == null ? null : branches(still, evaluate, new double[1][]);
    if (taken == null) {
      return Bounds.unknown(values);
    }
    double[] plain = new double[values.size() + 1];
    plain[0] = answer;
    int i = 1;
    for (double v : values.values()) {
      plain[i++] = v;
    }
    double[] widest = new double[plain.length];
    for (int k = 0; k < Trial.ROUNDING_PROBES; k++) {
      VariantTrial probe = draw.probe(k);
      double[][] moved = new double[1][];
      long[] took = probe == null ? null : branches(probe, evaluate, moved);
      if (took == null || !Arrays.equals(took, taken)) {
        return Bounds.unknown(values);
      }
      for (int j = 0; j < plain.length; j++) {
        double change = Math.abs(moved[0][j] - plain[j]);
        if (!Double.isFinite(change)) {
          return Bounds.unknown(values);
        }
        widest[j] = Math.max(widest[j], change);
      }
    }
    Map<String, Double> bounds = new LinkedHashMap<>();
    i = 1;
    for (String key : values.keySet()) {
      bounds.put(key, bound(widest[i++]));
    }
    return new Bounds(bound(widest[0]), bounds);
  }

  /** The bound of a value whose largest change over the probes was {@code change}. */
  static double bound(double change) {
    return MARGIN * RoundingProbe.rounding(change);
  }

  /** The branches {@code trial} took to give its values (put in {@code out[0]}); null when they are undefined. */
  private static long[] branches(VariantTrial trial, Function<VariantTrial, double[]> evaluate, double[][] out) {
    long[] taken = trial.branches(() -> out[0] = evaluate.apply(trial));
    return out[0] == null ? null : taken;
  }
}
