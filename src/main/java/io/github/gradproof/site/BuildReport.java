package io.github.gradproof.site;

import io.github.gradproof.verify.PhaseResult;
import java.util.List;

/**
 * What a successful build did.
 *
 * @param phases the verified phases, in site order
 * @param pagesWritten HTML pages written (0 for a check)
 * @param filesWritten all files written, pages included (0 for a check)
 */
public record BuildReport(List<PhaseResult> phases, int pagesWritten, int filesWritten) {
  public BuildReport {
    phases = List.copyOf(phases);
  }

  /** Questions verified over all phases. */
  public int questionCount() {
    return phases.stream().mapToInt(p -> p.questions().size()).sum();
  }

  /** Claims evaluated over all phases. */
  public int claimCount() {
    return phases.stream()
        .flatMap(p -> p.questions().stream())
        .mapToInt(q -> q.answerClaims().size() + q.choices().stream().mapToInt(c -> c.claims().size()).sum())
        .sum();
  }
}
