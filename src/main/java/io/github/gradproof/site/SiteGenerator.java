package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import io.github.gradproof.quiz.TranslationReport;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.PhaseSummary;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import io.github.gradproof.verify.QuestionVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The pipeline: load every quiz file, verify every question, and (for {@link #generate()}) render
 * both languages into a staging folder, check its links and publish it in place of the old site.
 *
 * <p>Any problem anywhere (bad input, drifted answer, broken template) fails the whole build with
 * a {@link DiagnosticException} listing every problem found, and the old site stays as it was.
 *
 * <p>Phases are independent, so each is verified, rendered and written by one task on a pool of
 * {@linkplain #withThreads worker threads}; every output file is a pure function of its phase
 * (and the shared, read-only templates), and results are gathered in phase order, so the bytes
 * and the order of diagnostics do not depend on the number of threads. Pages go to disk as soon as
 * they are rendered; only small per-phase summaries are kept for the index pages and
 * {@code verification.json}. With a {@linkplain #withCache build cache}, a phase whose inputs are
 * unchanged is taken from the cache instead: neither re-verified nor re-rendered.
 */
public final class SiteGenerator {

  private final SiteConfig config;
  private final BuildLog log;
  private final PhaseSource source;
  private final Function<Phase, PhaseResult> verifier;
  private int threads;
  private Path cacheDir;
  private String pipeline;
  private String generatorBuild;
  private boolean keepResults = true;

  /**
   * Creates a generator.
   *
   * @param loader reads and validates all quiz files of the configuration
   * @param verifier verifies one phase
   */
  public SiteGenerator(
      SiteConfig config, BuildLog log, Function<SiteConfig, List<Phase>> loader, Function<Phase, PhaseResult> verifier) {
    this(config, log, (c, problems) -> loader.apply(c), verifier);
  }

  /**
   * Creates a generator whose loader reports problems without stopping, so that the files that
   * did load are still verified and one run reports every problem in every file.
   *
   * @param source reads the quiz files; problems go to its list, their files are left out
   * @param verifier verifies one phase
   */
  public SiteGenerator(SiteConfig config, BuildLog log, PhaseSource source, Function<Phase, PhaseResult> verifier) {
    this.config = config;
    this.log = log;
    this.source = source;
    this.verifier = verifier;
  }

  /** Reads the phases of a configuration. */
  @FunctionalInterface
  public interface PhaseSource {
    /**
     * Loads every phase that can be loaded; adds a located diagnostic to {@code problems} for
     * every problem, leaving out the phases of the files that have one.
     */
    List<Phase> load(SiteConfig config, List<Diagnostic> problems);
  }

  /** The standard pipeline: the YAML loader and the autograd-backed verifier. */
  public static SiteGenerator standard(SiteConfig config, BuildLog log) {
    PhaseVerifier verifier = new PhaseVerifier();
    return new SiteGenerator(config, log,
        (PhaseSource) (c, problems) -> QuizLoader.loadAll(c.dataDir(), c.display(c.dataDir()), c.languages(),
            c.knownLanguages(), problems),
        verifier::verify)
        .withPipeline("PhaseVerifier seeds=" + QuestionVerifier.DEFAULT_SEEDS);
  }

  /** Uses {@code n} worker threads; 0 (the default) means one per available processor. */
  public SiteGenerator withThreads(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("threads must be 0 (all processors) or more, got " + n);
    }
    this.threads = n;
    return this;
  }

  /**
   * Keeps a build cache in {@code dir} (e.g. {@code target/gradproof-cache}): unchanged phases
   * are reused instead of verified and rendered again. See {@link BuildCache} for the key.
   */
  public SiteGenerator withCache(Path dir) {
    this.cacheDir = dir;
    return this;
  }

  /**
   * Names the verifier's settings for the cache key; the standard pipeline sets it. A generator
   * with a custom verifier and a cache should name what makes its verifier's results differ.
   */
  public SiteGenerator withPipeline(String id) {
    this.pipeline = id;
    return this;
  }

  /** Overrides the generator build that keys the cache (tests; production hashes its own jar). */
  SiteGenerator withGeneratorBuild(String build) {
    this.generatorBuild = build;
    return this;
  }

  /**
   * Whether {@link BuildReport#phases()} lists the full results (the default). A large site built
   * only for its pages can drop them, so that results are released as soon as their pages are
   * written.
   */
  public SiteGenerator keepResults(boolean keep) {
    this.keepResults = keep;
    return this;
  }

  /** Loads and verifies every phase; writes nothing. */
  public BuildReport check() {
    long start = System.nanoTime();
    List<Phase> phases = load();
    long loaded = System.nanoTime();
    LongAdder verifyNanos = new LongAdder();
    PhaseResult[] results = new PhaseResult[phases.size()];
    PhaseSummary[] summaries = new PhaseSummary[phases.size()];
    List<Diagnostic>[] problems = problemSlots(phases.size());
    int workers = workers();
    Workers.forEach(phases.size(), workers, i -> {
      long t = System.nanoTime();
      PhaseResult result = verify(verifier, phases.get(i), problems, i);
      if (result != null) {
        summaries[i] = PhaseSummary.of(result);
        results[i] = keepResults ? result : null;
      }
      verifyNanos.add(System.nanoTime() - t);
    });
    throwIfAny(problems, ThemeRenderers.load(config, log).problems());
    reportTranslations(phases);
    long end = System.nanoTime();
    List<PhaseResult> kept = Arrays.stream(results).filter(r -> r != null).toList();
    return new BuildReport(kept, 0, 0, phases.size(),
        Arrays.stream(summaries).mapToInt(PhaseSummary::questionCount).sum(),
        Arrays.stream(summaries).mapToInt(PhaseSummary::claimCount).sum(), 0,
        new BuildReport.Timings(loaded - start, verifyNanos.sum(), 0, 0, 0, end - start, workers));
  }

  /** Loads, verifies, renders and publishes the site. */
  public BuildReport generate() {
    OutputGuard.check(config); // refuse a wrong output before any work; Publisher.open checks again
    long start = System.nanoTime();
    BuildCache cache = cacheDir == null ? null : BuildCache.open(cacheDir, config, String.valueOf(pipeline),
        generatorBuild != null ? generatorBuild : BuildCache.generatorBuild());
    Map<String, String> keysBefore = cache == null ? Map.of() : keysBefore(cache);
    List<Phase> loadedPhases = load();
    int n = loadedPhases.size();
    long loaded = System.nanoTime();
    // The translation report is only logged after verification: computed beside the main pass.
    List<Phase> forReport = loadedPhases;
    java.util.concurrent.CompletableFuture<Translations> translations = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> translations(forReport), runnable -> {
          Thread thread = new Thread(runnable, "gradproof-translations");
          thread.setDaemon(true);
          thread.start();
        });
    // Each phase's model is released once its pages are written: only summaries stay.
    Phase[] phases = loadedPhases.toArray(new Phase[0]);
    loadedPhases = null;
    // A theme problem does not stop verification: the build reports it with the phases' problems.
    ThemeRenderers theme = ThemeRenderers.load(config, log);
    PageRenderer pages = theme.pages();
    MarkdownMirror mirror = theme.mirror();
    int workers = workers();
    BuildStage stage = new BuildStage(n);
    try (Publisher publisher = Publisher.open(config, log)) {
      for (String language : config.languages()) {
        createDirectories(publisher.staging().resolve(language));
        createDirectories(publisher.staging().resolve("md").resolve(language));
      }
      LinkChecker links = new LinkChecker(publisher.staging(), config.display(config.outputDir()), config.baseUrl());
      PhaseBuilder builder = new PhaseBuilder(config, verifier, keepResults, cache, keysBefore, pages, mirror,
          publisher, links, stage);
      long finishStart;
      List<PhaseSummary> summaries;
      int pageCount = 0;
      try (VerificationJsonSink json = new VerificationJsonSink(publisher.staging().resolve("verification.json"), n)) {
        Workers.forEach(n, workers, i -> {
          Phase phase = phases[i];
          phases[i] = null;
          builder.build(phase, i, json);
        });
        throwIfAny(stage.problems, theme.problems());
        report(joinTranslations(translations));
        for (RuntimeException failure : stage.failures) {
          if (failure != null) {
            throw failure;
          }
        }
        finishStart = System.nanoTime();
        json.finish();
        summaries = Arrays.asList(stage.summaries);
        String root = pages.rootPage();
        links.scan("index.html", root);
        publisher.write("index.html", root.getBytes(StandardCharsets.UTF_8));
        pageCount++;
        for (String language : config.languages()) {
          String index = pages.indexPageOf(language, summaries);
          links.scan(language + "/index.html", index);
          publisher.write(language + "/index.html", index.getBytes(StandardCharsets.UTF_8));
          pageCount++;
        }
        pageCount += WebFiles.write(pages, theme.links(), summaries, publisher, links);
        pageCount += n * config.languages().size();
      }
      ThemeAssets.copy(theme.theme(), publisher);
      links.scanTree(publisher.staging().resolve("assets")); // every other page was scanned as it was written
      List<Diagnostic> broken = links.finish();
      if (!broken.isEmpty()) {
        throw new DiagnosticException(broken);
      }
      publisher.publish();
      if (cache != null) {
        cache.retainOnly(stage.usedKeys());
      }
      long end = System.nanoTime();
      int mirrorCount = n * config.languages().size();
      log.info("wrote " + pageCount + " pages, " + mirrorCount + " Markdown mirrors and verification.json to "
          + config.display(config.outputDir())
          + (cache == null ? "" : " (" + stage.fromCache.get() + " of " + n + " phases unchanged, from the build cache)"));
      BuildReport.Timings timings = new BuildReport.Timings(loaded - start, stage.verifyNanos.sum(),
          stage.renderNanos.sum(), stage.writeNanos.sum(), end - finishStart, end - start, workers);
      List<PhaseResult> kept = new ArrayList<>();
      for (PhaseResult r : stage.results) {
        if (r != null) {
          kept.add(r);
        }
      }
      return new BuildReport(kept, pageCount, pageCount + mirrorCount + 1, n,
          summaries.stream().mapToInt(PhaseSummary::questionCount).sum(),
          summaries.stream().mapToInt(PhaseSummary::claimCount).sum(), stage.fromCache.get(), timings);
    }
  }

  /**
   * The cache keys of the quiz files as they are before loading, by shown path: a phase is cached
   * only when its file has the same key before and after loading, so an edit racing the build can
   * never store old output under the new file's key.
   */
  private Map<String, String> keysBefore(BuildCache cache) {
    Map<String, String> keys = new HashMap<>();
    try (Stream<Path> files = Files.list(config.dataDir())) {
      for (Path file : files.toList()) {
        String display = config.display(file);
        String key = cache.key(file, display);
        if (key != null) {
          keys.put(display, key);
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return keys;
  }

  /**
   * Loads every phase. When some files have problems, the others are still verified, and the
   * build fails with the problems of both stages, so one run reports everything.
   */
  private List<Phase> load() {
    List<Diagnostic> loadProblems = new ArrayList<>();
    List<Phase> phases = source.load(config, loadProblems);
    if (loadProblems.isEmpty()) {
      return phases;
    }
    List<Diagnostic>[] problems = problemSlots(phases.size());
    Workers.forEach(phases.size(), workers(), i -> verify(verifier, phases.get(i), problems, i));
    List<Diagnostic> all = new ArrayList<>(loadProblems);
    for (List<Diagnostic> found : problems) {
      if (found != null) {
        all.addAll(found);
      }
    }
    throw new DiagnosticException(all);
  }

  /** The phase's result, or {@code null} with its problems recorded in slot {@code i}. */
  static PhaseResult verify(Function<Phase, PhaseResult> verifier, Phase phase, List<Diagnostic>[] problems, int i) {
    try {
      PhaseResult result = verifier.apply(phase);
      if (!result.problems().isEmpty()) {
        problems[i] = result.problems();
        return null;
      }
      return result;
    } catch (DiagnosticException e) {
      problems[i] = e.diagnostics();
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Diagnostic>[] problemSlots(int n) {
    return (List<Diagnostic>[]) new List<?>[n];
  }

  /** Throws the phases' problems and then the theme's, if there are any. */
  private static void throwIfAny(List<Diagnostic>[] problems, DiagnosticException themeError) {
    List<Diagnostic> all = new ArrayList<>();
    for (List<Diagnostic> p : problems) {
      if (p != null) {
        all.addAll(p);
      }
    }
    if (themeError != null) {
      all.addAll(themeError.diagnostics());
    }
    if (!all.isEmpty()) {
      throw new DiagnosticException(all);
    }
  }

  private int workers() {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  /** The translation report of the loaded phases, applied once verification has passed. */
  private record Translations(List<Diagnostic> findings, String table) {}

  private static Translations joinTranslations(java.util.concurrent.CompletableFuture<Translations> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private Translations translations(List<Phase> phases) {
    List<Diagnostic> findings = phases.stream()
        .flatMap(p -> TranslationReport.of(p, config.languages()).stream())
        .map(TranslationReport.Finding::toDiagnostic)
        .toList();
    return new Translations(findings, TranslationReport.format(phases, config.languages()));
  }

  /** Logs the translation report; in strict mode its findings fail the build. */
  private void reportTranslations(List<Phase> phases) {
    report(translations(phases));
  }

  private void report(Translations translations) {
    if (config.strictTranslations() && !translations.findings().isEmpty()) {
      throw new DiagnosticException(translations.findings());
    }
    if (!translations.table().isEmpty()) {
      translations.table().lines().forEach(translations.findings().isEmpty() ? log::info : log::warn);
    }
  }
}
