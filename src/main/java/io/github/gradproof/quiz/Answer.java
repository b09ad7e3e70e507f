package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;

/**
 * The answer key of a question.
 *
 * @param choices for single and multi questions: the correct 1-based choice numbers, ascending;
 *     empty for free questions
 * @param text for free questions: the model answer as Markdown; {@code null} otherwise
 * @param claims for free questions: the claims that prove the answer; empty otherwise
 * @param location where {@code answer:} has its value
 * @param sourceLine the physical line of the file at {@code location}, for the caret display of
 *     problems with the key; {@code null} when unknown
 */
public record Answer(List<Integer> choices, Localized text, List<SourceSpan> claims, SourceLocation location,
    String sourceLine) {
  public Answer {
    choices = List.copyOf(choices);
    claims = List.copyOf(claims);
  }

  /** An answer whose source line is unknown (made in memory, or the key of a numeric question). */
  public Answer(List<Integer> choices, Localized text, List<SourceSpan> claims, SourceLocation location) {
    this(choices, text, claims, location, null);
  }
}
