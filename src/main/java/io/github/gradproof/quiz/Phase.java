package io.github.gradproof.quiz;

import java.util.List;

/**
 * One phase file: the unit of a page.
 *
 * @param sourcePath the file as the reader should see it, with forward slashes, e.g.
 *     {@code data/quizzes/phase-08-tensor-autograd.yaml}
 * @param number the phase number
 * @param slug {@code [a-z0-9-]+}
 * @param title page title
 * @param summary one paragraph under the title
 * @param questions in file order
 */
public record Phase(
    String sourcePath,
    int number,
    String slug,
    Localized title,
    Localized summary,
    List<Question> questions) {
  public Phase {
    questions = List.copyOf(questions);
  }

  /** The page's base name: {@code phase-NN-slug}, NN zero-padded to two digits. */
  public String pageName() {
    // Same text as String.format(Locale.ROOT, "phase-%02d-%s", number, slug), without a Formatter:
    // this runs for every page, link and mirror.
    return (number >= 0 && number < 10 ? "phase-0" : "phase-") + number + "-" + slug;
  }
}
