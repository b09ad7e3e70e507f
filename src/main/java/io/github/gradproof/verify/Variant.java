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
 */
public record Variant(int number, Map<String, NumberArray> inputs, double answer, Map<String, Double> values, int draws,
    double engineError) {
  public Variant {
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
