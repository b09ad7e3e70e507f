package io.github.gradproof.verify;

import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.SourceSpan;
import java.util.Set;

/**
 * A claim parsed and checked once per question, ready to evaluate in every trial.
 *
 * @param text the claim as written
 * @param line its syntax tree
 * @param differentiated the names whose gradient it uses
 * @param facts the static types and symbolic shapes of its expressions; {@code null} for a claim
 *     that is only parsed (a question without a setup)
 * @param constrains whether its holding says something about values, so it can prove an answer
 *     ({@link io.github.gradproof.claim.Claims#constrainsValues}); a shape-only or constant-only
 *     comparison cannot
 */
record CompiledClaim(SourceSpan text, Line line, Set<String> differentiated, CheckedLine facts, boolean constrains) {

  /**
   * The hash of the claim's source span alone. Equal claims have equal spans, so this agrees with
   * the record's {@code equals}; the generated hash would walk the whole syntax tree and every
   * checked type and shape, and claims are keys of the tallies of every question verified.
   */
  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
