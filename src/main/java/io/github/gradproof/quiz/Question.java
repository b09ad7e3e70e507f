package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.List;

/**
 * One quiz question, as loaded and validated from a phase file.
 *
 * @param id unique across the site, {@code [a-z0-9-]+}
 * @param kind single, multi, free or numeric
 * @param title short title
 * @param prompt the question text
 * @param setup the computation claims refer to, or {@code null} when the question has none
 * @param choices numbered choices; empty for free questions
 * @param answer the key (for a numeric question: no choices, no text, no claims, located at
 *     {@code ask:}; the answer is computed)
 * @param explanation why the answer is right, or {@code null}
 * @param verify {@code false} when the author declared the answer not machine-checkable
 * @param verifyReason why it is not checkable (required when {@code verify} is false), else
 *     {@code null}
 * @param location where the question's entry starts ({@code - id: ...})
 * @param numeric for a numeric question: what is asked, the tolerance, the variants and the
 *     explanation's placeholders; {@code null} for every other kind
 */
public record Question(
    String id,
    QuestionKind kind,
    Localized title,
    Localized prompt,
    Setup setup,
    List<Choice> choices,
    Answer answer,
    Localized explanation,
    boolean verify,
    Localized verifyReason,
    SourceLocation location,
    NumericSpec numeric) {
  public Question {
    choices = List.copyOf(choices);
  }

  /** A question of a kind other than numeric. */
  public Question(String id, QuestionKind kind, Localized title, Localized prompt, Setup setup, List<Choice> choices,
      Answer answer, Localized explanation, boolean verify, Localized verifyReason, SourceLocation location) {
    this(id, kind, title, prompt, setup, choices, answer, explanation, verify, verifyReason, location, null);
  }
}
