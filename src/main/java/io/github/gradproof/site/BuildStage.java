package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.render.PhaseSummary;
import io.github.gradproof.verify.PhaseResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the phase tasks of one build share; slot {@code i} belongs to phase {@code i}. */
final class BuildStage {
  final List<Diagnostic>[] problems;
  final RuntimeException[] failures;
  final PhaseSummary[] summaries;
  final PhaseResult[] results;
  final String[] keys;
  final AtomicInteger fromCache = new AtomicInteger();
  final LongAdder verifyNanos = new LongAdder();
  final LongAdder renderNanos = new LongAdder();
  final LongAdder writeNanos = new LongAdder();

  BuildStage(int n) {
    problems = SiteGenerator.problemSlots(n);
    failures = new RuntimeException[n];
    summaries = new PhaseSummary[n];
    results = new PhaseResult[n];
    keys = new String[n];
  }

  Set<String> usedKeys() {
    Set<String> used = new HashSet<>();
    for (String key : keys) {
      if (key != null) {
        used.add(key);
      }
    }
    return used;
  }
}
