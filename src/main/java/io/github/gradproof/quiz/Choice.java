package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;

/**
 * One numbered choice of a single or multi question.
 *
 * @param number 1-based position, as the answer key refers to it
 * @param text the choice as Markdown, or {@code null} when the choice is its claim alone (then the
 *     page shows the claim as code)
 * @param claims the claims that state this choice formally; empty when not machine-checkable; a
 *     choice holds when every one of them holds
 * @param location where the choice starts in the file
 */
public record Choice(int number, Localized text, List<SourceSpan> claims, SourceLocation location) {
  public Choice {
    claims = List.copyOf(claims);
  }
}
