package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.MarkdownRenderer;
import io.github.gradproof.render.PageLinks;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.Theme;
import io.github.gradproof.render.UiStrings;

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
 */
record ThemeRenderers(Theme theme, PageLinks links, PageRenderer pages, MarkdownMirror mirror,
    DiagnosticException problems) {

  /** Loads the theme of a configuration; warns about files that look like misspelt overrides. */
  static ThemeRenderers load(SiteConfig config, BuildLog log) {
    Theme theme = config.theme();
    ThemeOverrides.likelyTypos(theme).forEach(log::warn);
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
