package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;
import java.util.Map;

/**
 * The computation a question is about: named dims, random inputs and forward lines.
 *
 * @param dims dim name to its alternatives (one value, or several: every combination is a trial
 *     set), in file order
 * @param dimLocations dim name to where its value stands in the file
 * @param inputs the inputs, in file order
 * @param forward the forward lines ({@code name = expr}), in order; the last value is the objective
 *     when scalar, else the objective is {@code sum(out * dout)} with a random upstream {@code dout}
 * @param location where {@code setup:} starts
 */
public record Setup(
    Map<String, List<Integer>> dims,
    Map<String, SourceLocation> dimLocations,
    List<InputSpec> inputs,
    List<SourceSpan> forward,
    SourceLocation location) {
  public Setup {
    dims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dims));
    dimLocations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimLocations));
    inputs = List.copyOf(inputs);
    forward = List.copyOf(forward);
  }
}
