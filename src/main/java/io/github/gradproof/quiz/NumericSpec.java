package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.diag.SourceLocation;
import java.util.List;

/**
 * What makes a question numeric: the number asked for, how close a reader's number must come, how
 * many variants of the inputs to draw, and the values the explanation names.
 *
 * @param ask the expression in the claim language whose value is the answer, e.g.
 *     {@code dA[0, 1]}, {@code sum(dz)} or {@code L}; it must be one number
 * @param tolerance when a reader's number counts as right
 * @param variants how many sets of inputs to draw (each with its own answer)
 * @param placeholders every {@code {{expression}}} of the explanation, in every language, in text
 *     order; each is filled with the expression's value in the variant shown
 */
public record NumericSpec(SourceSpan ask, NumericTolerance tolerance, int variants, List<Placeholder> placeholders) {

  /** Variants drawn unless {@code variants:} says otherwise. */
  public static final int DEFAULT_VARIANTS = 8;
  /** The most variants a question may ask for. */
  public static final int MAX_VARIANTS = 32;
  /** The most numbers the inputs of one variant may hold: the reader sees every one of them. */
  public static final int MAX_SHOWN_ELEMENTS = 500;
  /** The name that stands for the answer in the explanation's placeholders: {@code {{answer}}}. */
  public static final String ANSWER_NAME = "answer";

  public NumericSpec {
    placeholders = List.copyOf(placeholders);
  }

  /** Where {@code ask:} has its value. */
  public SourceLocation location() {
    return ask.location();
  }

  /**
   * One {@code {{expression}}} in a language's explanation.
   *
   * @param language the explanation's language
   * @param expression the expression between the braces, stripped, located at its first character
   */
  public record Placeholder(String language, SourceSpan expression) {}
}
