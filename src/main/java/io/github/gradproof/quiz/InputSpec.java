package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.List;

/**
 * One input of a setup: a named tensor drawn at random for each trial.
 *
 * @param name the input's name, as used in forward lines and claims
 * @param shape each axis as a dim name ({@code "M"}), an integer literal ({@code "3"}) or the canonical
 *     text of a {@link DimExpr} over dims ({@code "2 * C"}); {@link Setup#size} evaluates one
 * @param distribution how values are drawn
 * @param classes for {@link Distribution#LABELS}: the class count as a dim name or integer
 *     literal; {@code null} otherwise
 * @param location where the input's entry starts
 * @param range for {@link Distribution#SMALL_INT} and {@link Distribution#SMALL_DECIMAL}: the
 *     bounds the values are drawn between; {@code null} otherwise
 * @param p for {@link Distribution#BERNOULLI}: the probability of drawing 1.0; {@code null} otherwise
 */
public record InputSpec(
    String name,
    List<String> shape,
    Distribution distribution,
    String classes,
    SourceLocation location,
    ValueRange range,
    Double p) {
  public InputSpec {
    shape = List.copyOf(shape);
  }

  /** An input that is not a Bernoulli mask. */
  public InputSpec(String name, List<String> shape, Distribution distribution, String classes, SourceLocation location,
      ValueRange range) {
    this(name, shape, distribution, classes, location, range, null);
  }

  /** An input whose distribution has no range. */
  public InputSpec(String name, List<String> shape, Distribution distribution, String classes, SourceLocation location) {
    this(name, shape, distribution, classes, location, null, null);
  }
}
