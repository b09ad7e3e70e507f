package io.github.gradproof.site;

import io.github.gradproof.diag.Plural;
import io.github.gradproof.verify.PhaseResult;
import java.util.List;
import java.util.Objects;

/**
 * What a successful build did.
 *
 * @param phases every phase of the site, in site order, each saying whether this build verified
 *     it or took it unchanged from the build cache
 * @param pagesWritten HTML pages written (0 for a check)
 * @param filesWritten all files written, pages included (0 for a check)
 * @param timings where the time went
 */
public record BuildReport(List<PhaseReport> phases, int pagesWritten, int filesWritten, Timings timings) {

  public BuildReport {
    phases = List.copyOf(phases);
  }

  /**
   * One phase of the build.
   *
   * @param file the phase's quiz file as shown in messages
   * @param fromCache whether the phase was taken unchanged from the build cache: neither
   *     re-verified nor re-rendered
   * @param questionCount questions in the phase
   * @param claimCount claims in the phase
   * @param result this build's verification of the phase; {@code null} when it came from the
   *     cache or the build did not {@linkplain BuildOptions#keepResults() keep results}
   */
  public record PhaseReport(String file, boolean fromCache, int questionCount, int claimCount, PhaseResult result) {
    public PhaseReport {
      Objects.requireNonNull(file, "file");
    }
  }

  /** Phases in the site, verified now or earlier (cached). */
  public int phaseCount() {
    return phases.size();
  }

  /** Questions in the site. */
  public int questionCount() {
    return phases.stream().mapToInt(PhaseReport::questionCount).sum();
  }

  /** Claims in the site. */
  public int claimCount() {
    return phases.stream().mapToInt(PhaseReport::claimCount).sum();
  }

  /** Phases taken unchanged from the build cache. */
  public int phasesFromCache() {
    return (int) phases.stream().filter(PhaseReport::fromCache).count();
  }

  /** The verification results this build kept, in site order (see {@link PhaseReport#result()}). */
  public List<PhaseResult> results() {
    return phases.stream().map(PhaseReport::result).filter(Objects::nonNull).toList();
  }

  /**
   * Wall-clock and per-stage times of a build, in nanoseconds. Verify, render and write are summed
   * over the worker threads (so with two workers they can add up to twice the wall time); load and
   * finish (index pages, {@code verification.json}, link resolution, publishing) are wall time.
   */
  public record Timings(long loadNanos, long verifyNanos, long renderNanos, long writeNanos, long finishNanos,
      long totalNanos, int threads) {

    /** One line for logs: {@code load 0.12 s, verify 1.30 s, ...}. */
    public String format() {
      return String.format(java.util.Locale.ROOT,
          "load %.2f s, verify %.2f s, render %.2f s, write %.2f s (summed over %s), finish %.2f s; total %.2f s",
          loadNanos / 1e9, verifyNanos / 1e9, renderNanos / 1e9, writeNanos / 1e9, Plural.count(threads, "thread"),
          finishNanos / 1e9, totalNanos / 1e9);
    }
  }
}
