package io.github.gradproof.verify;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Numeric questions for tests, written as a phase file and loaded as the build loads it. */
final class NumericQuestions {

  private NumericQuestions() {}

  /**
   * The one numeric question of a phase file written in {@code dir}, with the given inputs (YAML map
   * content), forward lines ({@code ;}-separated), ask and extra question lines.
   */
  static Question numeric(Path dir, String inputs, String forward, String ask, String... extra) throws IOException {
    String text = String.join("\n",
        "phase: 1", "slug: t", "title: {en: \"T\", es: \"T\"}", "summary: {en: \"S\", es: \"S\"}", "questions:",
        "  - id: q-01-01", "    kind: numeric", "    title: {en: \"T\", es: \"T\"}", "    prompt: {en: \"P\", es: \"P\"}",
        "    setup:", "      inputs: {" + inputs + "}", "      forward: |", "        " + forward.replace(";", "\n        "),
        "    ask: \"" + ask + "\"", String.join("\n", extra), "");
    Path file = dir.resolve("phase-01-t.yaml");
    Files.writeString(file, text);
    return QuizLoad.phase(file, "t.yaml").questions().get(0);
  }
}
