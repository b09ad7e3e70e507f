package io.github.gradproof.quiz;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which names in the data folder are quiz files, and which only look like one. A quiz file has the
 * extension {@code yaml} or {@code yml} in any case (its name is then checked against its phase and
 * slug by {@link FileNames}); a name that starts like a phase ({@code phase-9-x.txt},
 * {@code Phase 09 x.yaml.bak}) but has another extension is reported, with the name to rename it
 * to, so that a quiz is never silently left out. Hidden files and editor backups ({@code .name},
 * {@code name~}) are never quizzes: editors write them beside the file being edited.
 */
final class QuizFileNames {

  private static final Pattern PHASE_LIKE =
      Pattern.compile("phase[-_ .]*([0-9]+)[-_ .]*([^.]*?)[-_ ]*(\\..*)?", Pattern.CASE_INSENSITIVE);

  private QuizFileNames() {}

  /** Whether the file is read as a quiz: a visible YAML file. */
  static boolean isQuiz(String name) {
    if (hidden(name)) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".yaml") || lower.endsWith(".yml");
  }

  /** Whether the file is named like a phase but will not be read as a quiz. */
  static boolean looksLikeQuiz(String name) {
    return !hidden(name) && !isQuiz(name) && PHASE_LIKE.matcher(name).matches();
  }

  /** The one-paragraph message for a file that {@link #looksLikeQuiz looks like a quiz}. */
  static String misnamed(String name, String displayDir) {
    return "the file '" + name + "' is named like a phase but is not read as a quiz (quiz files are named"
        + " phase-NN-slug.yaml); rename it to " + suggestion(name) + ", or move it out of " + displayDir;
  }

  /** The name the file probably should have, e.g. {@code phase-09-optimizers.yaml}. */
  static String suggestion(String name) {
    Matcher m = PHASE_LIKE.matcher(name);
    if (!m.matches()) {
      return "phase-NN-slug.yaml";
    }
    String slug = m.group(2).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    String number = m.group(1).replaceFirst("^0+(?=[0-9]{2})", "");
    if (number.length() < 2) {
      number = "0" + number;
    }
    return "phase-" + number + "-" + (slug.isEmpty() ? "slug" : slug) + ".yaml";
  }

  private static boolean hidden(String name) {
    return name.startsWith(".") || name.endsWith("~");
  }
}
