package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.PhaseSummary;
import io.github.gradproof.verify.PhaseResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one phase of a {@code generate} run, on a worker thread: from the build cache when its
 * key is unchanged, otherwise verify, render both languages and mirrors, and write. Outcomes go
 * to the phase's slot of the run.
 */
final class PhaseBuilder {

  private final StagedSite site;
  private final BuildRun run;

  PhaseBuilder(StagedSite site) {
    this.site = site;
    this.run = site.run;
  }

  /** Verifies, renders and writes phase {@code i}, or takes it from the cache. */
  void build(Phase phase, int i) {
    try {
      String key = site.cache.key(phase);
      run.slots().cacheKey(i, key);
      if (reuse(phase, i, key)) {
        return;
      }
      if (site.cache.isStandIn(phase)) {
        standInLost(phase, i, key);
      } else {
        verifyRenderWrite(phase, i, key);
      }
    } finally {
      site.json.offer(i, null); // no-op when the phase already offered its fragment
    }
  }

  /**
   * Copies a cached phase's files, link facts and {@code verification.json} entry; false on a miss.
   * The theme is asked only on a hit: a phase that must be verified starts at once, without waiting
   * for the theme that loads beside it (see {@link StagedSite#renderers()}).
   */
  private boolean reuse(Phase phase, int i, String key) {
    BuildCache.Entry entry = key == null ? null : site.cache.get(key);
    if (entry == null || site.renderers().pages() == null) {
      return false;
    }
    long t = System.nanoTime();
    if (!site.publisher.holds(entry.paths(), key)) {
      entry = entry.contents() != null ? entry : site.cache.stored(key);
      if (entry == null) {
        return false;
      }
      writeRotated(entry.paths(), entry.contents(), i, key);
    }
    for (int f = 0; f < entry.paths().size(); f++) {
      PhasePages.addToLinks(site.links, entry.paths().get(f), entry.facts().get(f));
    }
    run.writeNanos.add(System.nanoTime() - t);
    site.json.offer(i, entry.json());
    run.slots().reused(i, PhaseSummary.of(phase, entry.questionCount(), entry.verifiedCount(), entry.claimCount(),
        entry.partialCount()));
    return true;
  }

  /**
   * A file the load skipped because the cache held its phase, whose entry can no longer be read
   * (the cache folder was changed during the build): the phase has no questions to verify, so the
   * build fails, and the next build, without the entry (deleted now), loads the file again.
   */
  private void standInLost(Phase phase, int i, String key) {
    site.cache.forget(key); // so that the next build parses the file
    if (site.renderers().pages() == null) {
      return; // the theme's problem fails the build
    }
    run.slots().problems(i, List.of(Diagnostic.at(new SourceLocation(phase.sourcePath(), 1, 1),
        "the build cache entry of this unchanged file (" + key + ".bin in " + run.options().cacheDir()
        + ") could not be read while the site was being built, as if the cache folder was changed meanwhile;"
        + " run the build again (it will load this file anew)")));
  }

  private void verifyRenderWrite(Phase phase, int i, String key) {
    PhaseResult result = run.verify(phase, i);
    if (result == null || site.renderers().pages() == null) {
      return; // the build fails; verifying the others still reports all their problems
    }
    PhasePages.Rendered rendered = PhasePages.render(run, site.renderers(), site.links, phase, i, result);
    if (rendered == null) {
      return; // the failure is in the phase's slot
    }
    long t = System.nanoTime();
    try {
      write(phase, rendered, i, key);
    } catch (RuntimeException e) {
      run.slots().failed(i, e);
    } finally {
      run.writeNanos.add(System.nanoTime() - t);
    }
  }

  private void write(Phase phase, PhasePages.Rendered rendered, int i, String key) {
    List<byte[]> contents = new ArrayList<>(rendered.paths().size());
    for (int f = 0; f < rendered.paths().size(); f++) {
      contents.add(rendered.texts().get(f).getBytes(StandardCharsets.UTF_8));
      PhasePages.addToLinks(site.links, rendered.paths().get(f), rendered.facts().get(f));
    }
    writeRotated(rendered.paths(), contents, i, key);
    if (key != null) {
      PhaseSummary summary = run.slots().summary(i);
      site.cache.put(key, phase, new BuildCache.Entry(rendered.paths(), contents, rendered.facts(),
          rendered.fragment(), summary.questionCount(), summary.verifiedCount(), summary.claimCount(),
          summary.partialCount(), null));
    }
    site.json.offer(i, rendered.fragment());
  }

  /**
   * Writes a phase's files, starting with a different folder for consecutive phases: creating
   * files in one folder is serialised by the file system, so workers that write to different
   * folders at the same time finish sooner (measured: about twice as fast on two cores).
   */
  private void writeRotated(List<String> paths, List<byte[]> contents, int phase, String key) {
    int n = paths.size();
    for (int k = 0; k < n; k++) {
      int f = (k + phase) % n;
      site.publisher.write(paths.get(f), contents.get(f), key);
    }
  }
}
