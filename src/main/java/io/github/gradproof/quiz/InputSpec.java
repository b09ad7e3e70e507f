package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.List;

/**
 * One input of a setup: a named tensor drawn at random for each trial.
 *
 * @param name the input's name, as used in forward lines and claims
 * @param shape each axis as a dim name ({@code "M"}) or an integer literal ({@code "3"})
 * @param distribution how values are drawn
 * @param classes for {@link Distribution#LABELS}: the class count as a dim name or integer
 *     literal; {@code null} otherwise
 * @param location where the input's entry starts
 */
public record InputSpec(
    String name,
    List<String> shape,
    Distribution distribution,
    String classes,
    SourceLocation location) {
  public InputSpec {
    shape = List.copyOf(shape);
  }
}
