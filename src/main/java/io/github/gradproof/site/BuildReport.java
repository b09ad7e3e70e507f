package io.github.gradproof.site;

import io.github.gradproof.verify.PhaseResult;
import java.util.List;

/**
 * What a successful build did.
 *
 * @param phases the phases verified by this build, in site order (phases taken unchanged from
 *     the build cache are counted below but not listed here)
 * @param pagesWritten HTML pages written (0 for a check)
 * @param filesWritten all files written, pages included (0 for a check)
 * @param phaseCount phases in the site, verified now or earlier (cached)
 * @param questionCount questions in the site
 * @param claimCount claims in the site
 * @param phasesFromCache phases neither re-verified nor re-rendered (build cache hits)
 * @param timings where the time went
 */
public record BuildReport(List<PhaseResult> phases, int pagesWritten, int filesWritten, int phaseCount,
    int questionCount, int claimCount, int phasesFromCache, Timings timings) {

  public BuildReport {
    phases = List.copyOf(phases);
  }

  /** A report of phases all verified by this build. */
  public BuildReport(List<PhaseResult> phases, int pagesWritten, int filesWritten) {
    this(phases, pagesWritten, filesWritten, phases.size(),
        phases.stream().mapToInt(p -> p.questions().size()).sum(), claims(phases), 0, Timings.NONE);
  }

  private static int claims(List<PhaseResult> phases) {
    return phases.stream()
        .flatMap(p -> p.questions().stream())
        .mapToInt(q -> q.answerClaims().size() + q.choices().stream().mapToInt(c -> c.claims().size()).sum())
        .sum();
  }

  /**
   * Wall-clock and per-stage times of a build, in nanoseconds. Verify, render and write are summed
   * over the worker threads (so with two workers they can add up to twice the wall time); load and
   * finish (index pages, {@code verification.json}, link resolution, publishing) are wall time.
   */
  public record Timings(long loadNanos, long verifyNanos, long renderNanos, long writeNanos, long finishNanos,
      long totalNanos, int threads) {
    /** No timings recorded. */
    public static final Timings NONE = new Timings(0, 0, 0, 0, 0, 0, 1);

    /** One line for logs: {@code load 0.12 s, verify 1.30 s, ...}. */
    public String format() {
      return String.format(java.util.Locale.ROOT,
          "load %.2f s, verify %.2f s, render %.2f s, write %.2f s (summed over %d threads), finish %.2f s; total %.2f s",
          loadNanos / 1e9, verifyNanos / 1e9, renderNanos / 1e9, writeNanos / 1e9, threads, finishNanos / 1e9,
          totalNanos / 1e9);
    }
  }
}
