package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a staged site before it is published: every internal link and resource ({@code href},
 * {@code src}) resolves to a staged file, every fragment to an element id on the target page,
 * ids are unique per page, and nothing points to the network. Problems are located in the
 * generated file with line and column.
 *
 * <p>The checker streams: each page is {@linkplain #scan scanned} once, from the string that is
 * being written (any thread), into small {@link PageFacts} (its ids and links); only those facts
 * are kept, never the documents. {@link #finish()} then resolves the links against the files and
 * ids of the whole site. Scanning uses {@link TagScanner}, which reads start tags and attributes
 * as Jsoup's parser does (a test compares the two on generated pages).
 */
final class LinkChecker {

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private final Path root;
  private final String displayRoot;
  private final Map<String, PageFacts> pages = new ConcurrentHashMap<>();

  LinkChecker(Path root, String displayRoot) {
    this.root = root;
    this.displayRoot = displayRoot;
  }

  /** An id or link-bearing element of a page, with its position (1-based line and column). */
  record Tag(String name, String attribute, String value, int line, int column) {}

  /** What the checker keeps of a page: its ids in order and its links in order. */
  record PageFacts(List<Tag> ids, List<Tag> links) {}

  /** Scans one page ({@code relative} to the root, with forward slashes) and keeps its facts. */
  void scan(String relative, String html) {
    pages.put(relative, facts(html));
  }

  /** Adds the facts of an already scanned page (a page reused from the build cache). */
  void add(String relative, PageFacts facts) {
    pages.put(relative, facts);
  }

  /** The facts of one page's HTML. */
  static PageFacts facts(String html) {
    List<Tag> ids = new ArrayList<>();
    List<Tag> links = new ArrayList<>();
    TagScanner.scan(html, (name, id, href, src, line, column) -> {
      if (id != null) {
        ids.add(new Tag(name, "id", id, line, column));
      }
      if (href != null) {
        links.add(new Tag(name, "href", href, line, column));
      } else if (src != null) {
        links.add(new Tag(name, "src", src, line, column));
      }
    });
    return new PageFacts(List.copyOf(ids), List.copyOf(links));
  }

  /**
   * Checks every HTML page under the root, reading the ones not already scanned; returns the
   * problems found (empty when sound), in page order.
   */
  List<Diagnostic> check() {
    for (Path page : htmlPages()) {
      String relative = relative(page);
      if (!pages.containsKey(relative)) {
        try {
          scan(relative, Files.readString(page, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return finish();
  }

  /** Resolves the links of every scanned page; the problems found, in page order. */
  List<Diagnostic> finish() {
    TreeMap<String, PageFacts> sorted = new TreeMap<>(pages);
    Map<String, Set<String>> idsByPage = new TreeMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Map.Entry<String, PageFacts> page : sorted.entrySet()) {
      Set<String> ids = new HashSet<>();
      for (Tag tag : page.getValue().ids()) {
        if (!ids.add(tag.value())) {
          problems.add(problem(page.getKey(), tag,
              "duplicate id '" + tag.value() + "' on one page; make question ids and template ids unique"));
        }
      }
      idsByPage.put(page.getKey(), ids);
    }
    for (Map.Entry<String, PageFacts> page : sorted.entrySet()) {
      for (Tag tag : page.getValue().links()) {
        checkLink(page.getKey(), tag, idsByPage, problems);
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

  private String relative(Path page) {
    return root.relativize(page).toString().replace('\\', '/');
  }

  private void checkLink(String page, Tag tag, Map<String, Set<String>> idsByPage, List<Diagnostic> problems) {
    String link = tag.value();
    if (link.isEmpty()) {
      problems.add(problem(page, tag, "empty link"));
      return;
    }
    if (link.startsWith("//") || SCHEME.matcher(link).matches()) {
      if (!link.startsWith("mailto:") && !link.startsWith("https:") && !link.startsWith("http:")) {
        problems.add(problem(page, tag, "link '" + link + "' uses a scheme the site does not allow"));
      } else if (!tag.name().equals("a")) {
        problems.add(problem(page, tag,
            "resource '" + link + "' would load from the network at view time; ship it under templates/assets/"));
      }
      return;
    }
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    String fragment = hash < 0 ? null : link.substring(hash + 1);
    Path pageFile = root.resolve(page);
    Path target = path.isEmpty() ? pageFile : pageFile.getParent().resolve(path).normalize();
    if (!target.startsWith(root) || !isFile(target)) {
      problems.add(problem(page, tag, "link '" + link + "' points to a file that is not in the site"));
      return;
    }
    Set<String> targetIds = idsByPage.get(relative(target));
    if (fragment != null && !fragment.isEmpty() && targetIds != null && !targetIds.contains(fragment)) {
      problems.add(problem(page, tag, "link '" + link + "' names an id that the target page does not have"));
    }
  }

  private boolean isFile(Path target) {
    return pages.containsKey(relative(target)) || Files.isRegularFile(target);
  }

  private Diagnostic problem(String page, Tag tag, String message) {
    String file = displayRoot + "/" + page;
    return Diagnostic.at(new SourceLocation(file, Math.max(1, tag.line()), Math.max(1, tag.column())), message);
  }
}
