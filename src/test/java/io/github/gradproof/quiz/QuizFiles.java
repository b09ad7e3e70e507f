package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: writes small quiz files and loads quiz files the way a build does, failing on the
 * first file with problems instead of collecting them.
 */
public final class QuizFiles {

  public static final List<String> LANGUAGES = List.of("en", "es");

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
    return load(write(dir, "phase-01-t.yaml", text), "t.yaml", LANGUAGES);
  }

  /**
   * Loads and validates one quiz file with the loader's own steps (parse, then read).
   *
   * @param displayPath the path diagnostics show, e.g. {@code data/quizzes/phase-08-tensor-autograd.yaml}
   * @throws DiagnosticException listing every problem in the file (including an unreadable file)
   */
  public static Phase load(Path file, String displayPath, List<String> languages) {
    Problems problems = new Problems();
    Phase phase = QuizLoader.read(QuizLoader.parse(file, displayPath), file.getFileName().toString(),
        QuizLoader.checked(languages), List.of(), new IdRegistry(), problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems.list());
    }
    return phase;
  }

  /**
   * Loads every quiz file of a folder on the calling thread.
   *
   * @throws DiagnosticException listing every problem in every file
   */
  public static List<Phase> loadAll(Path dir, String displayDir, List<String> languages) {
    List<Diagnostic> problems = new ArrayList<>();
    List<Phase> phases = QuizLoader.loadAll(dir, displayDir, languages, List.of(), Runnable::run, problems);
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return phases;
  }
}
