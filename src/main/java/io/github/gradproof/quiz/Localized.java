package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A human-readable field in every configured language: language code to Markdown source.
 *
 * @param texts language code ({@code en}, {@code es}) to Markdown, in file order
 * @param location where the field's value starts in the quiz file
 * @param locations language code to where that language's text starts (findings about one
 *     language point there); a language missing here is located at {@code location}
 */
public record Localized(Map<String, String> texts, SourceLocation location, Map<String, SourceLocation> locations) {

  public Localized {
    texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
  }

  /** A field whose texts are all located at the field itself. */
  public Localized(Map<String, String> texts, SourceLocation location) {
    this(texts, location, Map.of());
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

  /** Where one language's text starts: its value in the file, else the field. */
  public SourceLocation location(String language) {
    return locations.getOrDefault(language, location);
  }
}
