package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Checks a staged site before it is published: every internal link and resource ({@code href},
 * {@code src}) resolves to a staged file, every fragment to an element id on the target page,
 * ids are unique per page, and nothing points to the network. Problems are located in the
 * generated file with line and column.
 */
final class LinkChecker {

  private final Path root;
  private final String displayRoot;
  private final Map<Path, Set<String>> idsByPage = new HashMap<>();

  LinkChecker(Path root, String displayRoot) {
    this.root = root;
    this.displayRoot = displayRoot;
  }

  /** Checks every HTML page under the root; returns the problems found (empty when sound). */
  List<Diagnostic> check() {
    List<Path> pages = htmlPages();
    Map<Path, Document> documents = new HashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Path page : pages) {
      Document document = parse(page);
      documents.put(page, document);
      idsByPage.put(page, uniqueIds(page, document, problems));
    }
    for (Path page : pages) {
      for (Element element : documents.get(page).select("[href], [src]")) {
        String attribute = element.hasAttr("href") ? "href" : "src";
        checkLink(page, element, element.attr(attribute), problems);
      }
    }
    return problems;
  }

  private List<Path> htmlPages() {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document parse(Path page) {
    try {
      Parser parser = Parser.htmlParser().setTrackPosition(true);
      return org.jsoup.Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8), "", parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Set<String> uniqueIds(Path page, Document document, List<Diagnostic> problems) {
    Set<String> ids = new HashSet<>();
    for (Element element : document.select("[id]")) {
      if (!ids.add(element.id())) {
        problems.add(problem(page, element, "duplicate id '" + element.id() + "' on one page; make question ids and template ids unique"));
      }
    }
    return ids;
  }

  private void checkLink(Path page, Element element, String link, List<Diagnostic> problems) {
    if (link.isEmpty()) {
      problems.add(problem(page, element, "empty link"));
      return;
    }
    if (link.startsWith("//") || link.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      if (!link.startsWith("mailto:") && !link.startsWith("https:") && !link.startsWith("http:")) {
        problems.add(problem(page, element, "link '" + link + "' uses a scheme the site does not allow"));
      } else if (!element.tagName().equals("a")) {
        problems.add(problem(page, element, "resource '" + link + "' would load from the network at view time; ship it under templates/assets/"));
      }
      return;
    }
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    String fragment = hash < 0 ? null : link.substring(hash + 1);
    Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    if (!target.startsWith(root) || !Files.isRegularFile(target)) {
      problems.add(problem(page, element, "link '" + link + "' points to a file that is not in the site"));
      return;
    }
    if (fragment != null && !fragment.isEmpty() && idsByPage.containsKey(target)
        && !idsByPage.get(target).contains(fragment)) {
      problems.add(problem(page, element, "link '" + link + "' names an id that the target page does not have"));
    }
  }

  private Diagnostic problem(Path page, Element element, String message) {
    String file = displayRoot + "/" + root.relativize(page).toString().replace('\\', '/');
    int line = Math.max(1, element.sourceRange().start().lineNumber());
    int column = Math.max(1, element.sourceRange().start().columnNumber());
    return Diagnostic.at(new SourceLocation(file, line, column), message);
  }
}
