package io.github.gradproof.quiz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helper: writes small quiz files into a temporary directory and loads them. */
final class QuizFiles {

  static final List<String> LANGUAGES = List.of("en", "es");

  /** The lines before {@code questions:} of a phase-1 file with slug {@code t}. */
  static final String HEADER = String.join("\n",
      "phase: 1",
      "slug: t",
      "title: {en: \"Phase 1\", es: \"Fase 1\"}",
      "summary: {en: \"Summary.\", es: \"Resumen.\"}",
      "questions:",
      "");

  /** A complete valid question with id {@code id}, indented as an entry of {@code questions:}. */
  static String question(String id) {
    return String.join("\n",
        "  - id: " + id,
        "    kind: free",
        "    title: {en: \"T\", es: \"T\"}",
        "    prompt: {en: \"P\", es: \"P\"}",
        "    answer:",
        "      text: {en: \"A\", es: \"A\"}",
        "");
  }

  private QuizFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code text} as {@code phase-01-t.yaml} and loads it, shown as {@code t.yaml}. */
  static Phase load(Path dir, String text) {
    return QuizLoader.load(write(dir, "phase-01-t.yaml", text), "t.yaml", LANGUAGES);
  }
}
