package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import io.github.gradproof.verify.PhaseVerifier;
import io.github.gradproof.quiz.TranslationReport;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.MarkdownRenderer;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.UiStrings;
import io.github.gradproof.render.VerificationJson;
import io.github.gradproof.verify.PhaseResult;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The pipeline: load every quiz file, verify every question, and (for {@link #generate()}) render
 * both languages into a staging folder, check its links and publish it in place of the old site.
 *
 * <p>Any problem anywhere (bad input, drifted answer, broken template) fails the whole build with
 * a {@link DiagnosticException} listing every problem found, and the old site stays as it was.
 */
public final class SiteGenerator {

  private final SiteConfig config;
  private final BuildLog log;
  private final Function<SiteConfig, List<Phase>> loader;
  private final Function<Phase, PhaseResult> verifier;

  /**
   * Creates a generator.
   *
   * @param loader reads and validates all quiz files of the configuration
   * @param verifier verifies one phase
   */
  public SiteGenerator(
      SiteConfig config, BuildLog log, Function<SiteConfig, List<Phase>> loader, Function<Phase, PhaseResult> verifier) {
    this.config = config;
    this.log = log;
    this.loader = loader;
    this.verifier = verifier;
  }

  /** The standard pipeline: the YAML loader and the autograd-backed verifier. */
  public static SiteGenerator standard(SiteConfig config, BuildLog log) {
    PhaseVerifier verifier = new PhaseVerifier();
    return new SiteGenerator(config, log,
        c -> QuizLoader.loadAll(c.dataDir(), c.display(c.dataDir()), c.languages()), verifier::verify);
  }

  /** Loads and verifies every phase; writes nothing. */
  public BuildReport check() {
    List<Phase> phases = loader.apply(config);
    List<PhaseResult> results = verifyAll(phases);
    reportTranslations(phases);
    return new BuildReport(results, 0, 0);
  }

  /** Loads, verifies, renders and publishes the site. */
  public BuildReport generate() {
    List<Phase> phases = loader.apply(config);
    List<PhaseResult> results = verifyAll(phases);
    reportTranslations(phases);
    String templatesDisplay = config.display(config.templatesDir());
    UiStrings ui = UiStrings.load(config.templatesDir(), templatesDisplay, config.languages());
    MarkdownRenderer markdown = new MarkdownRenderer();
    PageRenderer pages = new PageRenderer(config.templatesDir(), templatesDisplay, ui, config.languages(), markdown);
    try (Publisher publisher = Publisher.open(config.outputDir())) {
      int pageCount = writePages(publisher, pages, results);
      int mirrorCount = writeMirrors(publisher, ui, markdown, results);
      publisher.write("verification.json", VerificationJson.write(results));
      copyAssets(publisher);
      List<Diagnostic> broken = new LinkChecker(publisher.staging(), config.display(config.outputDir())).check();
      if (!broken.isEmpty()) {
        throw new DiagnosticException(broken);
      }
      publisher.publish();
      log.info("wrote " + pageCount + " pages, " + mirrorCount + " Markdown mirrors and verification.json to "
          + config.display(config.outputDir()));
      return new BuildReport(results, pageCount, pageCount + mirrorCount + 1);
    }
  }

  private List<PhaseResult> verifyAll(List<Phase> phases) {
    List<PhaseResult> results = new ArrayList<>(phases.size());
    List<Diagnostic> problems = new ArrayList<>();
    for (Phase phase : phases) {
      try {
        PhaseResult result = verifier.apply(phase);
        results.add(result);
        problems.addAll(result.problems());
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return results;
  }

  /** Logs the translation report; in strict mode its findings fail the build. */
  private void reportTranslations(List<Phase> phases) {
    List<Diagnostic> findings = phases.stream()
        .flatMap(p -> TranslationReport.of(p, config.languages()).stream())
        .map(TranslationReport.Finding::toDiagnostic)
        .toList();
    if (config.strictTranslations() && !findings.isEmpty()) {
      throw new DiagnosticException(findings);
    }
    String table = TranslationReport.format(phases, config.languages());
    if (!table.isEmpty()) {
      table.lines().forEach(findings.isEmpty() ? log::info : log::warn);
    }
  }

  private int writePages(Publisher publisher, PageRenderer pages, List<PhaseResult> results) {
    int count = 0;
    publisher.write("index.html", pages.rootPage());
    count++;
    for (String language : config.languages()) {
      publisher.write(language + "/index.html", pages.indexPage(language, results));
      count++;
      for (PhaseResult result : results) {
        publisher.write(language + "/" + result.phase().pageName() + ".html", pages.phasePage(language, result));
        count++;
      }
    }
    return count;
  }

  private int writeMirrors(Publisher publisher, UiStrings ui, MarkdownRenderer markdown, List<PhaseResult> results) {
    MarkdownMirror mirror = new MarkdownMirror(ui, config.languages());
    int count = 0;
    for (String language : config.languages()) {
      for (PhaseResult result : results) {
        publisher.write("md/" + language + "/" + result.phase().pageName() + ".md", mirror.render(language, result));
        count++;
      }
    }
    return count;
  }

  private void copyAssets(Publisher publisher) {
    java.nio.file.Path assets = config.templatesDir().resolve("assets");
    if (Files.isDirectory(assets)) {
      publisher.copyTree(assets, "assets");
    }
  }
}
