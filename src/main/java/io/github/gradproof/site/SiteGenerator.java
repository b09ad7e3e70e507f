package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The build: load every quiz file, verify every question, and (for {@link #generate()}) render
 * both languages into a staging folder, check its links and publish it in place of the old site.
 *
 * <p>Any problem anywhere (bad input, drifted answer, broken template) fails the whole build with
 * a {@link DiagnosticException} listing every problem found, and the old site stays as it was.
 *
 * <p>Phases are independent, so each is verified, rendered and written by one task on the build's
 * {@linkplain BuildOptions#threads() worker threads}; every output file is a pure function of its
 * phase (and the shared, read-only templates), and outcomes are gathered in phase order, so the
 * bytes and the order of diagnostics do not depend on the number of threads. Pages go to disk as
 * soon as they are rendered; only small per-phase summaries are kept for the index pages and
 * {@code verification.json}. With a {@linkplain BuildOptions#cacheDir() build cache}, a phase
 * whose inputs are unchanged is taken from the cache instead: neither re-verified nor re-rendered.
 */
public final class SiteGenerator {

  private final SiteConfig config;
  private final BuildLog log;
  private final Pipeline pipeline;
  private final BuildOptions options;

  /** A generator of the site of {@code config}, running {@code pipeline} with {@code options}. */
  public SiteGenerator(SiteConfig config, BuildLog log, Pipeline pipeline, BuildOptions options) {
    this.config = config;
    this.log = log;
    this.pipeline = pipeline;
    this.options = options;
  }

  /**
   * The standard pipeline (the YAML loader and the autograd-backed verifier, under the
   * configuration's limits) with {@code options}.
   */
  public static SiteGenerator standard(SiteConfig config, BuildLog log, BuildOptions options) {
    return new SiteGenerator(config, log, Pipeline.standard(config.limits()), options);
  }

  /** The standard pipeline with the default options. */
  public static SiteGenerator standard(SiteConfig config, BuildLog log) {
    return standard(config, log, BuildOptions.DEFAULT);
  }

  /**
   * Loads and verifies every phase, renders every page in memory and checks their links and ids
   * as {@link #generate()} does; writes nothing. It fails on every problem {@code generate} would
   * report before publishing, an output folder {@code generate} would refuse included.
   */
  public BuildReport check() {
    OutputGuard.check(config); // generate would refuse this output: so does check, reading only
    try (BuildRun run = new BuildRun(config, log, pipeline, options)) {
      CompletableFuture<ThemeRenderers> theme = ThemeRenderers.start(config, run.workers);
      List<Phase> phases = run.load();
      CompletableFuture<Translations> translations = run.startTranslationReport(phases);
      ThemeRenderers.logLikelyTypos(config, log);
      RenderedCheck site = new RenderedCheck(run, theme);
      site.checkPhases(phases); // verify and render in memory: one task per phase
      run.finishVerification(translations, site.themeProblems());
      site.checkLinks();
      return run.report(0, 0);
    }
  }

  /** Loads, verifies, renders and publishes the site. */
  public BuildReport generate() {
    // Refuse a wrong output before any work: what and where it is now, what it holds once the
    // publisher has its lock, before any phase is loaded (listing a large site twice would cost
    // as much as loading it from the cache).
    OutputGuard.checkPlace(config);
    if (options.cacheDir() != null) {
      OutputGuard.checkCache(config, options.cacheDir()); // the cache deletes stale files: never someone's
    }
    try (BuildRun run = new BuildRun(config, log, pipeline, options)) {
      CompletableFuture<ThemeRenderers> theme = ThemeRenderers.start(config, run.workers);
      PhaseCache cache = PhaseCache.open(run);
      try (Publisher publisher = StagedSite.openPublisher(run, cache)) {
        Phase[] phases = cache.load(run).toArray(new Phase[0]);
        CompletableFuture<Translations> translations = run.startTranslationReport(List.of(phases), cache::translations);
        try (StagedSite site = StagedSite.open(run, cache, theme, publisher)) {
          return build(run, site, phases, translations);
        }
      }
    }
  }

  private static BuildReport build(BuildRun run, StagedSite site, Phase[] phases,
      CompletableFuture<Translations> translations) {
    site.buildPhases(phases); // verify, render and write: one task per phase
    run.finishVerification(translations, site.themeProblems());
    site.writeSharedFiles();
    site.checkLinks();
    site.publish();
    return site.report();
  }
}
