package io.github.gradproof.verify;

import java.util.List;
import java.util.Set;

/**
 * What verifying a numeric question found, beside the {@link QuestionResult} figures.
 *
 * @param variants the variants, in page order, each with its computed answer
 * @param checked the names whose engine gradient the ask and the placeholders read, each
 *     cross-checked against finite differences on every variant (the objective itself excluded:
 *     its gradient is 1 by definition)
 */
public record NumericResult(List<Variant> variants, Set<String> checked) {
  public NumericResult {
    variants = List.copyOf(variants);
    checked = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(checked));
  }

  /** Draws replaced over all variants because a value was undefined or the inputs repeated. */
  public int redraws() {
    return variants.stream().mapToInt(v -> v.draws() - 1).sum();
  }
}
