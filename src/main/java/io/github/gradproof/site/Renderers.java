package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.MarkdownMirror;
import io.github.gradproof.render.MarkdownRenderer;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.UiStrings;

/**
 * The renderers of one {@code generate} run, made once and shared by every phase task.
 *
 * @param pages the HTML pages; {@code null} when the templates do not compile
 * @param mirror the Markdown mirrors
 * @param templateError why the templates do not compile, or {@code null}: reported after
 *     verification, so one run reports the quiz problems too
 */
record Renderers(PageRenderer pages, MarkdownMirror mirror, DiagnosticException templateError) {

  static Renderers load(SiteConfig config) {
    String templatesDisplay = config.display(config.templatesDir());
    UiStrings ui = UiStrings.load(config.templatesDir(), templatesDisplay, config.languages());
    MarkdownMirror mirror = new MarkdownMirror(ui, config.languages());
    try {
      return new Renderers(new PageRenderer(config.templatesDir(), templatesDisplay, ui, config.languages(),
          new MarkdownRenderer()), mirror, null);
    } catch (DiagnosticException e) {
      return new Renderers(null, mirror, e);
    }
  }
}
