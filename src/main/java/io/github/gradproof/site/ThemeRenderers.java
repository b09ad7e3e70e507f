package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.MarkdownRenderer;
import io.github.gradproof.render.PageLinks;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.Theme;
import io.github.gradproof.render.UiStrings;
import java.util.concurrent.CompletableFuture;

/**
 * What a build renders with, from its configuration's theme: the page renderer and the Markdown
 * mirror, or the theme's problems (missing or malformed UI strings, template syntax errors).
 * Loading never throws them, so a build reports them together with the problems of the quiz
 * files.
 *
 * @param theme the project's templates folder over the built-in theme
 * @param links the languages and base URL pages link with
 * @param pages the page renderer, or {@code null} when the theme has problems
 * @param mirror the Markdown mirror writer, or {@code null} when the theme has problems
 * @param problems the theme's problems, or {@code null}
 */
record ThemeRenderers(Theme theme, PageLinks links, PageRenderer pages, MarkdownMirror mirror,
    DiagnosticException problems) {

  /** Warns about the files of the project's templates folder that look like misspelt overrides. */
  static void logLikelyTypos(SiteConfig config, BuildLog log) {
    ThemeOverrides.likelyTypos(config.theme()).forEach(log::warn);
  }

  /**
   * Starts loading the theme on the build's workers, then {@linkplain PageRenderer#warmUp() warms}
   * its renderers, so that both overlap the loading and verifying of the phases (in a cold JVM,
   * loading the template and Markdown engines takes longer than verifying a small course). The
   * result is {@code null} if the worker ran out of memory (a question verified at the same time
   * may hold it): {@link #await} then loads the theme on the caller's thread.
   */
  static CompletableFuture<ThemeRenderers> start(SiteConfig config, Workers workers) {
    return workers.submit(() -> {
      try {
        ThemeRenderers renderers = load(config);
        if (renderers.pages() != null) {
          renderers.pages().warmUp();
          renderers.mirror().warmUp();
        }
        return renderers;
      } catch (OutOfMemoryError e) {
        return null;
      }
    });
  }

  /** The theme {@link #start} loads, loading it here if the worker could not. */
  static ThemeRenderers await(SiteConfig config, CompletableFuture<ThemeRenderers> started) {
    ThemeRenderers renderers = BuildRun.join(started);
    return renderers != null ? renderers : load(config);
  }

  private static ThemeRenderers load(SiteConfig config) {
    Theme theme = config.theme();
    PageLinks links = new PageLinks(config.languages(), config.baseUrl());
    try {
      UiStrings ui = UiStrings.load(theme, config.languages());
      PageRenderer pages = new PageRenderer(theme, ui, links, new MarkdownRenderer());
      return new ThemeRenderers(theme, links, pages, new MarkdownMirror(ui, config.languages()), null);
    } catch (DiagnosticException e) {
      return new ThemeRenderers(theme, links, null, null, e);
    }
  }
}
