package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.Map;

/**
 * A human-readable field in every configured language: language code to Markdown source.
 *
 * @param texts language code ({@code en}, {@code es}) to Markdown, in file order
 * @param location where the field's value starts in the quiz file
 */
public record Localized(Map<String, String> texts, SourceLocation location) {

  public Localized {
    texts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(texts));
  }

  /**
   * The Markdown for one language.
   *
   * @throws IllegalArgumentException if the language is missing (the loader rejects such files)
   */
  public String in(String language) {
    String text = texts.get(language);
    if (text == null) {
      throw new IllegalArgumentException("no '" + language + "' text at " + location);
    }
    return text;
  }
}
