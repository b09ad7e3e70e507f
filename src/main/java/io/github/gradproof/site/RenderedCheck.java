package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The site a {@code check} run renders in memory and writes nowhere, so that it reports every
 * problem {@code generate} would: each phase is verified and rendered as {@code generate} renders
 * it ({@link PhasePages}), then the shared pages ({@link SharedPages}), and the same
 * {@link LinkChecker} judges the links and ids of every page. Only the pages' link facts are kept.
 */
final class RenderedCheck implements FileSink {

  private final BuildRun run;
  private final CompletableFuture<ThemeRenderers> theme;
  private final LinkChecker links;
  private ThemeRenderers renderers;

  /** A check of the phases {@code run} loaded, rendered with {@code theme} (loading beside them). */
  RenderedCheck(BuildRun run, CompletableFuture<ThemeRenderers> theme) {
    this.run = run;
    this.theme = theme;
    this.links = LinkChecker.inMemory(run.config.outputDir(), run.config.display(run.config.outputDir()),
        run.config.baseUrl());
    links.addFile("verification.json");
  }

  /** The theme's renderers, loaded beside the phases: the first caller waits for them. */
  private synchronized ThemeRenderers renderers() {
    if (renderers == null) {
      renderers = ThemeRenderers.await(run.config, theme);
    }
    return renderers;
  }

  /** Verify and render every phase on the workers, keeping the link facts of its pages. */
  void checkPhases(List<Phase> phases) {
    run.workers.forEach(phases.size(), i -> check(phases.get(i), i));
  }

  private void check(Phase phase, int i) {
    PhaseResult result = run.verify(phase, i);
    if (result == null || renderers().pages() == null) {
      return; // the build fails; verifying the others still reports all their problems
    }
    PhasePages.Rendered rendered = PhasePages.render(run, renderers(), links, phase, i, result);
    if (rendered != null) {
      for (int f = 0; f < rendered.paths().size(); f++) {
        PhasePages.addToLinks(links, rendered.paths().get(f), rendered.facts().get(f));
      }
    }
  }

  /** The theme's problems (UI strings, template syntax), or {@code null}: reported with the phases'. */
  DiagnosticException themeProblems() {
    return renderers().problems();
  }

  /**
   * Renders the shared pages and checks the links and ids of the whole site, as {@code generate}
   * does before publishing; fails first on a phase that could not be rendered.
   */
  void checkLinks() {
    run.slots().throwFirstFailure();
    run.startFinishing();
    SharedPages.write(renderers(), run.config.languages(), run.slots().summaries(), this, links);
    List<Diagnostic> broken = links.finish();
    if (!broken.isEmpty()) {
      throw new DiagnosticException(broken);
    }
  }

  /**
   * Lists a shared file in the site without writing it; a page among the theme's assets is
   * scanned, as {@code generate} scans the assets it copied.
   */
  @Override
  public void write(String relative, byte[] content) {
    if (relative.startsWith(ThemeAssets.FOLDER + "/") && relative.endsWith(".html")) {
      links.scan(relative, new String(content, StandardCharsets.UTF_8));
    } else {
      links.addFile(relative);
    }
  }
}
