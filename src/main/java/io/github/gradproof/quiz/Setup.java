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
 * @param exactDimsReason why the question's claims are meant at the author's dims only
 *     ({@code exact_dims: true} with {@code exact_dims_reason}); {@code null} when the claims are
 *     general statements, verified also at fresh dims
 */
public record Setup(
    Map<String, List<Integer>> dims,
    Map<String, SourceLocation> dimLocations,
    List<InputSpec> inputs,
    List<SourceSpan> forward,
    SourceLocation location,
    Localized exactDimsReason) {
  public Setup {
    dims = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dims));
    dimLocations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(dimLocations));
    inputs = List.copyOf(inputs);
    forward = List.copyOf(forward);
  }

  /** A setup whose claims are general statements (no {@code exact_dims}). */
  public Setup(Map<String, List<Integer>> dims, Map<String, SourceLocation> dimLocations, List<InputSpec> inputs,
      List<SourceSpan> forward, SourceLocation location) {
    this(dims, dimLocations, inputs, forward, location, null);
  }

  /** Whether the claims are meant at the author's dims only ({@code exact_dims: true}). */
  public boolean exactDims() {
    return exactDimsReason != null;
  }
}
