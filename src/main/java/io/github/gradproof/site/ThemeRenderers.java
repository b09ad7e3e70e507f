package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.MarkdownRenderer;
import io.github.gradproof.render.PageLinks;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.Theme;
import io.github.gradproof.render.UiStrings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a build renders with, from its configuration's theme: the page renderer and the Markdown
 * mirror, or the theme's problems (missing or malformed UI strings, template syntax errors).
 * Loading never throws them, so a build reports them together with the problems of the quiz
 * files; {@code check} loads the theme only for its problems.
 *
 * @param theme the project's templates folder over the built-in theme
 * @param links the languages and base URL pages link with
 * @param pages the page renderer, or {@code null} when the theme has problems
 * @param mirror the Markdown mirror writer, or {@code null} when the theme has problems
 * @param problems the theme's problems, or {@code null}
 * @param warnings files of the project's templates folder that look like misspelt overrides
 */
record ThemeRenderers(Theme theme, PageLinks links, PageRenderer pages, MarkdownMirror mirror,
    DiagnosticException problems, List<String> warnings) {

  /** Loads the theme of a configuration and logs its {@linkplain #warnings() warnings}. */
  static ThemeRenderers load(SiteConfig config, BuildLog log) {
    ThemeRenderers renderers = load(config);
    renderers.logWarnings(log);
    return renderers;
  }

  /**
   * Starts loading the theme on the build's workers, then {@linkplain PageRenderer#warmUp() warms}
   * its renderers, so that both overlap the loading and verifying of the phases (in a cold JVM,
   * loading the template and Markdown engines takes longer than verifying a small course). The
   * caller logs the warnings when it takes the result, so the log's order does not depend on timing.
   */
  static CompletableFuture<ThemeRenderers> start(SiteConfig config, Workers workers) {
    return workers.submit(() -> {
      ThemeRenderers renderers = load(config);
      if (renderers.pages() != null) {
        renderers.pages().warmUp();
        renderers.mirror().warmUp();
      }
      return renderers;
    });
  }

  /** Logs the files that look like misspelt overrides. */
  void logWarnings(BuildLog log) {
    warnings.forEach(log::warn);
  }

  private static ThemeRenderers load(SiteConfig config) {
    Theme theme = config.theme();
    List<String> warnings = ThemeOverrides.likelyTypos(theme);
    PageLinks links = new PageLinks(config.languages(), config.baseUrl());
    try {
      UiStrings ui = UiStrings.load(theme, config.languages());
      PageRenderer pages = new PageRenderer(theme, ui, links, new MarkdownRenderer());
      return new ThemeRenderers(theme, links, pages, new MarkdownMirror(ui, config.languages()), null, warnings);
    } catch (DiagnosticException e) {
      return new ThemeRenderers(theme, links, null, null, e, warnings);
    }
  }
}
