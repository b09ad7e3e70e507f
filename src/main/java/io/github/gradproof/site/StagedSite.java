package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.Plural;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.PhaseSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The site a {@code generate} run is writing: its theme and renderers, the staging folder it writes into,
 * the link checker that scans every page as it is written, {@code verification.json} and the
 * build cache. Phase tasks ({@link PhaseBuilder}) share it; the run then writes the pages that
 * need every phase, checks the links and publishes. Closing its publisher without publishing
 * discards the staging folder, so a failed build leaves the old site as it was.
 */
final class StagedSite implements AutoCloseable {

  final BuildRun run;
  final PhaseCache cache;
  private final CompletableFuture<ThemeRenderers> theme;
  private ThemeRenderers renderers;
  final Publisher publisher;
  final LinkChecker links;
  final VerificationJsonSink json;
  private int pagesWritten;

  private StagedSite(BuildRun run, PhaseCache cache, CompletableFuture<ThemeRenderers> theme, Publisher publisher) {
    this.run = run;
    this.cache = cache;
    this.theme = theme;
    this.publisher = publisher;
    this.links = new LinkChecker(publisher.staging(), run.config.display(run.config.outputDir()),
        run.config.baseUrl());
    this.json = new VerificationJsonSink(publisher.staging().resolve("verification.json"), run.slots().size());
  }

  /**
   * Takes the output's lock, checks what the output holds and opens a fresh, stamped staging folder
   * beside it ({@link Publisher#open}), keeping the output's record between builds when the cache is
   * on; warns about likely misspelt overrides. The caller closes it: a build that fails leaves the
   * old site as it was.
   */
  static Publisher openPublisher(BuildRun run, PhaseCache cache) {
    ThemeRenderers.logLikelyTypos(run.config, run.log);
    BuildMemory memory = run.options().memory();
    return Publisher.open(run.config, run.log, memory == null || !cache.enabled() ? null : memory.published(),
        memory == null && cache.enabled() ? cache.recordFile(run.config.outputDir()) : null);
  }

  /**
   * The site the loaded phases of {@code run} are written to through {@code publisher} (which the
   * caller closes), rendered with {@code theme} (loading beside the phases, see
   * {@link ThemeRenderers#start}). A theme problem does not stop verification: the run reports it
   * with the phases'.
   */
  static StagedSite open(BuildRun run, PhaseCache cache, CompletableFuture<ThemeRenderers> theme,
      Publisher publisher) {
    for (String language : run.config.languages()) {
      createDirectories(publisher.staging().resolve(language));
      createDirectories(publisher.staging().resolve("md").resolve(language));
    }
    return new StagedSite(run, cache, theme, publisher);
  }

  /**
   * The theme's renderers: the first caller waits until the theme has loaded beside the phases
   * (phase tasks ask after verifying, so verification never waits for the theme).
   */
  synchronized ThemeRenderers renderers() {
    if (renderers == null) {
      renderers = ThemeRenderers.await(run.config, theme);
    }
    return renderers;
  }

  /** Verify, render and write: one task per phase; each phase is released once written. */
  void buildPhases(Phase[] phases) {
    PhaseBuilder builder = new PhaseBuilder(this);
    run.workers.forEach(phases.length, i -> {
      Phase phase = phases[i];
      phases[i] = null;
      builder.build(phase, i);
    });
  }

  /** The theme's problems (UI strings, template syntax), or {@code null}: reported with the phases'. */
  DiagnosticException themeProblems() {
    return renderers().problems();
  }

  /**
   * Write the pages that need every phase: fails first on a phase that could not be rendered,
   * then ends {@code verification.json}, writes the index pages and the files of a site with a
   * base URL (404 page, sitemap) and copies the theme's assets.
   */
  void writeSharedFiles() {
    run.slots().throwFirstFailure();
    run.startFinishing();
    json.finish();
    json.close();
    publisher.adopt("verification.json");
    List<PhaseSummary> summaries = run.slots().summaries();
    pagesWritten += SharedPages.write(renderers(), run.config.languages(), summaries, publisher, links);
    pagesWritten += summaries.size() * run.config.languages().size();
  }

  /** Check links: every page was scanned as it was written; the copied assets are scanned now. */
  void checkLinks() {
    links.scanTree(publisher.staging().resolve(ThemeAssets.FOLDER));
    List<Diagnostic> broken = links.finish();
    if (!broken.isEmpty()) {
      forgetPhasesOf(links.brokenPages());
      throw new DiagnosticException(broken);
    }
  }

  /**
   * Drops the cache entries of the phases whose pages have a broken link or id: the next build then
   * renders them anew from their quiz files, which locates the problem in the file again (a phase
   * taken from the cache has no quiz text to trace its links to).
   */
  private void forgetPhasesOf(Set<String> pages) {
    for (int i = 0; i < run.slots().size(); i++) {
      PhaseSummary summary = run.slots().summary(i);
      String key = run.slots().cacheKey(i);
      if (summary == null || key == null) {
        continue;
      }
      for (String language : run.config.languages()) {
        if (pages.contains(language + "/" + summary.pageName() + ".html")) {
          cache.forget(key);
          break;
        }
      }
    }
  }

  /** Publish: the staging folder replaces the output folder; unused cache entries go. */
  void publish() {
    publisher.publish(run.workers);
    cache.retainOnly(run.slots().usedCacheKeys());
  }

  /**
   * Report: logs what was written at debug level (the caller logs the build's one summary line,
   * {@link BuildSummary}) and returns the build's report.
   */
  BuildReport report() {
    int phases = run.slots().size();
    int mirrors = phases * run.config.languages().size();
    long fromCache = run.slots().reports().stream().filter(BuildReport.PhaseReport::fromCache).count();
    run.log.debug("wrote " + Plural.count(pagesWritten, "page") + ", " + Plural.count(mirrors, "Markdown mirror")
        + " and verification.json to " + run.config.display(run.config.outputDir())
        + (cache.enabled() ? " (" + fromCache + " of " + Plural.count(phases, "phase") + " unchanged, from the build"
            + " cache)" : ""));
    return run.report(pagesWritten, pagesWritten + mirrors + 1);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** Closes {@code verification.json}; the publisher is its opener's to close. */
  @Override
  public void close() {
    json.close();
  }
}
