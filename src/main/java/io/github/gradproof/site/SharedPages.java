package io.github.gradproof.site;

import io.github.gradproof.render.PhaseSummary;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The files of a site that need every phase: the root page, each language's index, the files of
 * a site with a base URL ({@link WebFiles}) and the theme's assets. {@code generate} writes them
 * into its staging folder and {@code check} only lists them, and both scan every page the same
 * way for the link check.
 */
final class SharedPages {

  private SharedPages() {}

  /**
   * Renders the shared files with {@code renderers} into {@code out}, scanning every page with
   * {@code links}; returns how many HTML pages were written.
   */
  static int write(ThemeRenderers renderers, List<String> languages, List<PhaseSummary> summaries, FileSink out,
      LinkChecker links) {
    int pages = 0;
    pages += page("index.html", renderers.pages().rootPage(), out, links);
    for (String language : languages) {
      pages += page(language + "/index.html", renderers.pages().indexPageOf(language, summaries), out, links);
    }
    pages += WebFiles.write(renderers.pages(), renderers.links(), summaries, out, links);
    ThemeAssets.copy(renderers.theme(), out);
    return pages;
  }

  private static int page(String relative, String html, FileSink out, LinkChecker links) {
    links.scan(relative, html);
    out.write(relative, html.getBytes(StandardCharsets.UTF_8));
    return 1;
  }
}
