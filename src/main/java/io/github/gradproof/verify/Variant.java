package io.github.gradproof.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One variant of a numeric question: the inputs a reader is shown and the answer the engine
 * computed from them.
 *
 * @param number 1-based, in the order the page shows them
 * @param inputs every input of the setup, in setup order, with exactly the values computed with
 * @param answer the value of the question's {@code ask} on these inputs; always finite
 * @param values the value of every placeholder expression of the explanation on these inputs, by
 *     the expression as written (stripped), {@code answer} among them when used; always finite
 * @param draws how many draws this variant took: 1, plus one for each draw that was replaced
 *     (an undefined value, or inputs equal to an earlier variant's)
 * @param engineError the largest error of the engine's gradients the ask and placeholders read
 *     against finite differences, on these inputs, relative to each gradient's scale; {@code NaN}
 *     when they read none
 * @param rounding how far {@code answer} may lie from the exact value of the ask on the inputs as
 *     written (their decimals), from rounding alone: the inputs' conversion to doubles and every
 *     operation's rounding, measured in rounding probes ({@code VariantRounding}); {@code NaN} when
 *     it could not be measured (a probe took another branch, or was undefined)
 * @param roundings the same bound for every placeholder value, by the keys of {@code values}
 */
public record Variant(int number, Map<String, NumberArray> inputs, double answer, Map<String, Double> values, int draws,
    double engineError, double rounding, Map<String, Double> roundings) {
  public Variant {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    roundings = Collections.unmodifiableMap(new LinkedHashMap<>(roundings));
  }

  /**
   * Whether the answer is zero as far as its computation can tell: its magnitude is within its own
   * rounding bound ({@code sum(p) - 1} of a softmax, computed as 5.55e-17). Never for an unknown
   * bound, nor for a tiny value computed accurately ({@code 1e-12 * x}).
   */
  public boolean answerWithinRounding() {
    return withinRounding(answer, rounding);
  }

  /** {@link #answerWithinRounding} for the placeholder value keyed {@code expression}. */
  public boolean valueWithinRounding(String expression) {
    Double bound = roundings.get(expression);
    return bound != null && withinRounding(values.get(expression), bound);
  }

  private static boolean withinRounding(double value, double bound) {
    return Math.abs(value) <= bound; // false for a NaN bound
  }
}
