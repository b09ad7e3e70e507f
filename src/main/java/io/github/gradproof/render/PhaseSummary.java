package io.github.gradproof.render;

import io.github.gradproof.quiz.Localized;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;

/**
 * What an index page shows of a phase: its page name, title, summary and counts. Lets the index
 * be rendered for phases whose full results came from the build cache, and lets a large build
 * release each phase's model as soon as its pages are written.
 *
 * @param pageName the phase's page name, {@code phase-NN-slug}
 * @param title the phase title
 * @param summary the phase summary
 * @param questionCount questions in the phase
 * @param verifiedCount questions verified by at least one holding claim
 * @param claimCount claims evaluated in the phase
 * @param partialCount verified questions with a choice explained in text only (partially verified)
 */
public record PhaseSummary(String pageName, Localized title, Localized summary, int questionCount, long verifiedCount,
    int claimCount, long partialCount) {

  /** The summary of a verified phase. */
  public static PhaseSummary of(PhaseResult result) {
    int claims = result.questions().stream()
        .mapToInt(q -> q.answerClaims().size() + q.choices().stream().mapToInt(c -> c.claims().size()).sum())
        .sum();
    return of(result.phase(), result.questions().size(),
        result.questions().stream().filter(QuestionResult::keyProven).count(), claims,
        result.questions().stream().filter(QuestionResult::partiallyVerified).count());
  }

  /** The summary of a phase with the given counts (e.g. from the build cache). */
  public static PhaseSummary of(io.github.gradproof.quiz.Phase phase, int questionCount, long verifiedCount,
      int claimCount, long partialCount) {
    return new PhaseSummary(phase.pageName(), phase.title(), phase.summary(), questionCount, verifiedCount,
        claimCount, partialCount);
  }
}
