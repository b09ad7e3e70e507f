package io.github.gradproof.site;

import io.github.gradproof.render.PageLinks;
import io.github.gradproof.render.PageRenderer;
import io.github.gradproof.render.PhaseSummary;
import io.github.gradproof.render.Sitemap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The files only a site published at a base URL gets: {@code 404.html} in the root language
 * (scanned by the link checker like every page) and the sitemap with every page's language
 * alternates. A site without a base URL has no fixed address, so it gets neither.
 */
final class WebFiles {

  private WebFiles() {}

  /** Writes the files into {@code out}, scanning {@code 404.html}; returns how many HTML pages were written. */
  static int write(PageRenderer pages, PageLinks links, List<PhaseSummary> phases, FileSink out,
      LinkChecker checker) {
    if (!links.absolute()) {
      return 0;
    }
    String notFound = pages.notFoundPage();
    checker.scan("404.html", notFound);
    out.write("404.html", notFound.getBytes(StandardCharsets.UTF_8));
    List<String> names = new ArrayList<>();
    names.add("index.html");
    for (PhaseSummary phase : phases) {
      names.add(phase.pageName() + ".html");
    }
    for (Map.Entry<String, String> file : new Sitemap().files(links, names).entrySet()) {
      out.write(file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8));
    }
    return 1;
  }
}
