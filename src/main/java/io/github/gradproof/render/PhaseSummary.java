package io.github.gradproof.render;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;

/**
 * What an index page shows of a phase: the phase itself (title, summary, page name) and its
 * counts. Lets the index be rendered for phases whose full results came from the build cache.
 *
 * @param phase the loaded phase
 * @param questionCount questions in the phase
 * @param verifiedCount questions verified by at least one holding claim
 * @param claimCount claims evaluated in the phase
 */
public record PhaseSummary(Phase phase, int questionCount, long verifiedCount, int claimCount) {

  /** The summary of a verified phase. */
  public static PhaseSummary of(PhaseResult result) {
    int claims = result.questions().stream()
        .mapToInt(q -> q.answerClaims().size() + q.choices().stream().mapToInt(c -> c.claims().size()).sum())
        .sum();
    return new PhaseSummary(result.phase(), result.questions().size(),
        result.questions().stream().filter(PageRenderer::isVerified).count(), claims);
  }
}
