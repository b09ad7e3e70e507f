package io.github.gradproof;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import java.nio.file.Path;
import java.util.List;

/** Test helper: loads one quiz file in English and Spanish; the one place the numeric tests reach the loader. */
public final class QuizLoad {

  private QuizLoad() {}

  /** The phase of {@code file}, its diagnostics showing {@code display} as the file's path. */
  public static Phase phase(Path file, String display) {
    return QuizFiles.load(file, display, List.of("en", "es"));
  }
}
