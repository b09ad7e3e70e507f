package io.github.gradproof.quiz;

/** How a question is answered. */
public enum QuestionKind {
  /** Exactly one choice is correct; the key is a single number. */
  SINGLE,
  /** Any number of choices are correct; the key is a list. */
  MULTI,
  /** No choices; the answer is a text, optionally with claims. */
  FREE,
  /**
   * No choices; the answer is one number the build computes from {@link NumericSpec#ask()} for
   * each of several variants of the inputs.
   */
  NUMERIC;

  /** The lower-case name used in quiz files. */
  public String yamlName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
