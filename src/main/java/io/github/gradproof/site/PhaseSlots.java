package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.PhaseSummary;
import io.github.gradproof.verify.PhaseResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The outcomes of the phases of one build: slot {@code i} belongs to phase {@code i} and is written
 * only by the task of that phase, and read once every task has finished. Gathering them by slot
 * keeps results and problems in phase order, whatever the order the tasks ran in.
 */
final class PhaseSlots {
  private final String[] files;
  private final List<Diagnostic>[] problems;
  private final RuntimeException[] failures;
  private final PhaseSummary[] summaries;
  private final PhaseResult[] results;
  private final boolean[] fromCache;
  private final String[] cacheKeys;

  @SuppressWarnings("unchecked")
  PhaseSlots(List<Phase> phases) {
    int n = phases.size();
    files = phases.stream().map(Phase::sourcePath).toArray(String[]::new);
    problems = (List<Diagnostic>[]) new List<?>[n];
    failures = new RuntimeException[n];
    summaries = new PhaseSummary[n];
    results = new PhaseResult[n];
    fromCache = new boolean[n];
    cacheKeys = new String[n];
  }

  int size() {
    return files.length;
  }

  /** Phase {@code i} was verified without problems; its result is kept when {@code keep}. */
  void verified(int i, PhaseResult result, boolean keep) {
    summaries[i] = PhaseSummary.of(result);
    results[i] = keep ? result : null;
  }

  /** Phase {@code i} was taken unchanged from the build cache. */
  void reused(int i, PhaseSummary summary) {
    summaries[i] = summary;
    fromCache[i] = true;
  }

  /** Phase {@code i} has problems (authoring errors or drift): the build fails with them. */
  void problems(int i, List<Diagnostic> found) {
    problems[i] = found;
  }

  /** Rendering or writing phase {@code i} failed unexpectedly. */
  void failed(int i, RuntimeException e) {
    failures[i] = e;
  }

  /** The cache key phase {@code i} was looked up under, or {@code null} when it has none. */
  void cacheKey(int i, String key) {
    cacheKeys[i] = key;
  }

  /** The cache key phase {@code i} was looked up under, or {@code null}. */
  String cacheKey(int i) {
    return cacheKeys[i];
  }

  PhaseSummary summary(int i) {
    return summaries[i];
  }

  /** Every problem of every phase, in phase order. */
  List<Diagnostic> problems() {
    List<Diagnostic> all = new ArrayList<>();
    for (List<Diagnostic> found : problems) {
      if (found != null) {
        all.addAll(found);
      }
    }
    return all;
  }

  /** Throws the unexpected failure of the first phase that had one, if any. */
  void throwFirstFailure() {
    RuntimeException failure = Arrays.stream(failures).filter(f -> f != null).findFirst().orElse(null);
    if (failure != null) {
      throw failure;
    }
  }

  /** The summaries of all phases, in order (all present once the build has no problems). */
  List<PhaseSummary> summaries() {
    return List.of(summaries);
  }

  /** The cache keys this build used: every other entry is stale. */
  Set<String> usedCacheKeys() {
    Set<String> used = new HashSet<>();
    for (String key : cacheKeys) {
      if (key != null) {
        used.add(key);
      }
    }
    return used;
  }

  /** What the report says of each phase, in order. */
  List<BuildReport.PhaseReport> reports() {
    List<BuildReport.PhaseReport> reports = new ArrayList<>(files.length);
    for (int i = 0; i < files.length; i++) {
      reports.add(new BuildReport.PhaseReport(files[i], fromCache[i], summaries[i].questionCount(),
          summaries[i].claimCount(), results[i]));
    }
    return reports;
  }
}
