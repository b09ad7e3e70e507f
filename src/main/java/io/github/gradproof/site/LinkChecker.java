package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.Suggestions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a staged site before it is published: every internal link and resource ({@code href},
 * {@code src}) resolves to a staged file, every fragment to an element id on the target page,
 * ids are unique per page, and nothing points to the network. Problems are located in the
 * generated file with line and column, unless the page was {@linkplain #trace traced} to its quiz
 * file: a link written in a quiz text, or an id made from a question id, is then located there
 * and the message says what to change.
 *
 * <p>The checker streams: each page is {@linkplain #scan scanned} once, from the string that is
 * being written (any thread), into small {@link PageFacts} (its ids and links); only those facts
 * are kept, never the documents. {@link #finish()} then resolves the links against the files and
 * ids of the whole site. Scanning uses {@link TagScanner}, which reads start tags and attributes
 * as Jsoup's parser does (a test compares the two on generated pages).
 *
 * <p>For a site with a base URL, an absolute link under that URL (a canonical or alternate link,
 * the links of {@code 404.html}) is a link into the site: its file must exist like any other's,
 * and an address ending in {@code /} means that folder's {@code index.html}.
 */
final class LinkChecker {

  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

  private final Path root;
  /** Where the links and ids of phase pages come from in the quiz files ({@link #trace}). */
  private final Map<String, Map<String, AuthorOrigins.Origin>> origins = new ConcurrentHashMap<>();
  /** Files of the site that are not pages ({@link #addFile}). */
  private final Set<String> otherFiles = ConcurrentHashMap.newKeySet();
  private final String displayRoot;
  private final String baseUrl;
  /** Whether a file the checker was not told of may still be on disk under the root. */
  private final boolean onDisk;
  private final Map<String, PageFacts> pages = new ConcurrentHashMap<>();
  /** The pages {@link #finish} found a problem on. */
  private final Set<String> brokenPages = new TreeSet<>();
  /** Whether a linked non-page file exists, asked once per file (the stylesheet is linked from every page). */
  private final Map<Path, Boolean> files = new ConcurrentHashMap<>();
  /** Link targets by the linking page's folder and the link's path (see {@link #target}). */
  private final Map<String, String> targets = new HashMap<>();
  /** The target of a link that leaves the site's folder. */
  private static final String OUTSIDE = "\0outside";

  LinkChecker(Path root, String displayRoot) {
    this(root, displayRoot, null);
  }

  /** A checker for a site published at {@code baseUrl} (normalised, ending in {@code /}; or null). */
  LinkChecker(Path root, String displayRoot, String baseUrl) {
    this(root, displayRoot, baseUrl, true);
  }

  private LinkChecker(Path root, String displayRoot, String baseUrl, boolean onDisk) {
    this.root = root;
    this.displayRoot = displayRoot;
    this.baseUrl = baseUrl;
    this.onDisk = onDisk;
  }

  /**
   * A checker of a site that exists only in memory, to be published at {@code root}: its files are
   * only those it is told of ({@link #scan}, {@link #add}, {@link #addFile}), never what is on disk.
   */
  static LinkChecker inMemory(Path root, String displayRoot, String baseUrl) {
    return new LinkChecker(root, displayRoot, baseUrl, false);
  }

  /**
   * An id or link-bearing element of a page, with its position (1-based line and column), and,
   * for a link already judged on its own page, the problem found ({@code null} when none).
   */
  record Tag(String name, String attribute, String value, int line, int column, String problem) {
    Tag(String name, String attribute, String value, int line, int column) {
      this(name, attribute, value, line, column, null);
    }
  }

  /**
   * What the checker keeps of a page: its ids (targets of fragments), the problems with its ids,
   * and, in document order, its links that need other pages to be judged together with the
   * problems of those judged on the page itself (empty, disallowed scheme, network resource,
   * missing fragment on the same page). Links judged sound on the page are dropped.
   */
  record PageFacts(List<String> ids, List<Tag> idProblems, List<Tag> links) {}

  /** Scans one page ({@code relative} to the root, with forward slashes) and keeps its facts. */
  void scan(String relative, String html) {
    pages.put(relative, pageFacts(html));
  }

  /** The facts of one page's HTML, with this site's base URL. */
  PageFacts pageFacts(String html) {
    return facts(html, baseUrl);
  }

  /**
   * Records that the site has a file at {@code relative} that is not a scanned page (a Markdown
   * mirror), so links to it hold without looking for it on disk: a build that updates the output
   * in place does not write unchanged files into its staging folder.
   */
  void addFile(String relative) {
    otherFiles.add(relative);
  }

  /**
   * Records where the links and ids of {@code page} come from in its quiz file: their problems are
   * then located there and say what to change in the quiz file (see {@link AuthorOrigins}).
   */
  void trace(String page, Map<String, AuthorOrigins.Origin> pageOrigins) {
    if (!pageOrigins.isEmpty()) {
      origins.put(page, pageOrigins);
    }
  }

  /** Adds the facts of an already scanned page (a page reused from the build cache). */
  void add(String relative, PageFacts facts) {
    pages.put(relative, facts);
  }

  /** Every element with an id and every link of a page, in document order (ids, then links). */
  static List<List<Tag>> tags(String html) {
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
    return List.of(ids, links);
  }

  /** The facts of one page's HTML, for a site without a base URL. */
  static PageFacts facts(String html) {
    return facts(html, null);
  }

  /** The facts of one page's HTML; links under {@code baseUrl} (if not null) are links into the site. */
  static PageFacts facts(String html, String baseUrl) {
    List<List<Tag>> tags = tags(html);
    Set<String> seen = new HashSet<>();
    List<String> ids = new ArrayList<>();
    List<Tag> idProblems = new ArrayList<>();
    for (Tag tag : tags.get(0)) {
      if (seen.add(tag.value())) {
        ids.add(tag.value());
      } else {
        idProblems.add(withProblem(tag,
            "duplicate id '" + tag.value() + "' on one page; make question ids and template ids unique"));
      }
    }
    List<Tag> links = new ArrayList<>();
    for (Tag tag : tags.get(1)) {
      boolean intoSite = baseUrl != null && tag.value().startsWith(baseUrl);
      String problem = intoSite ? null : localProblem(tag, seen);
      if (problem != null) {
        links.add(withProblem(tag, problem));
      } else if (intoSite || !isLocal(tag.value())) {
        links.add(new Tag(tag.name().intern(), tag.attribute(), tag.value().intern(), tag.line(), tag.column()));
      }
    }
    return new PageFacts(List.copyOf(ids), List.copyOf(idProblems), List.copyOf(links));
  }

  private static Tag withProblem(Tag tag, String problem) {
    return new Tag(tag.name(), tag.attribute(), tag.value(), tag.line(), tag.column(), problem);
  }

  /** Whether a link is judged on its own page: empty, with a scheme, or a bare fragment. */
  private static boolean isLocal(String link) {
    return link.isEmpty() || link.startsWith("//") || SCHEME.matcher(link).matches() || link.startsWith("#");
  }

  /** The problem of a link that its own page can judge, or {@code null}. */
  private static String localProblem(Tag tag, Set<String> ids) {
    String link = tag.value();
    if (link.isEmpty()) {
      return "empty link";
    }
    if (link.startsWith("//") && tag.name().equals("a")) {
      return "link '" + link + "' is protocol-relative: it leaves the site for the host " + host(link)
          + "; write the full address (https://...) for a page of another site, or a relative link into this one";
    }
    if (link.startsWith("//") || SCHEME.matcher(link).matches()) {
      if (!link.startsWith("//") && !link.startsWith("mailto:") && !link.startsWith("https:") && !link.startsWith("http:")) {
        return "link '" + link + "' uses a scheme the site does not allow";
      } else if (!tag.name().equals("a")) {
        return "resource '" + link + "' would load from the network at view time; ship it under templates/assets/";
      }
      return null;
    }
    if (link.startsWith("#") && link.length() > 1 && !ids.contains(link.substring(1))) {
      return "link '" + link + "' names an id that the target page does not have";
    }
    return null;
  }

  /** The host a protocol-relative link names. */
  private static String host(String link) {
    String rest = link.substring(2);
    int end = 0;
    while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
      end++;
    }
    return "'" + rest.substring(0, end) + "'";
  }

  /**
   * Checks every HTML page under the root, reading the ones not already scanned; returns the
   * problems found (empty when sound), in page order.
   */
  List<Diagnostic> check() {
    scanTree(root);
    return finish();
  }

  /** Scans the HTML pages under {@code dir} (inside the root) that were not scanned yet. */
  void scanTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    for (Path page : htmlPages(dir)) {
      String relative = relative(page);
      if (!pages.containsKey(relative)) {
        try {
          scan(relative, Files.readString(page, StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** Resolves the links of every scanned page; the problems found, in page order. */
  List<Diagnostic> finish() {
    TreeMap<String, PageFacts> sorted = new TreeMap<>(pages);
    List<Diagnostic> problems = new ArrayList<>();
    for (Map.Entry<String, PageFacts> page : sorted.entrySet()) {
      for (Tag tag : page.getValue().idProblems()) {
        problems.add(idProblem(page.getKey(), tag));
        brokenPages.add(page.getKey());
      }
    }
    Map<String, Set<String>> idSets = new HashMap<>();
    for (Map.Entry<String, PageFacts> page : sorted.entrySet()) {
      int before = problems.size();
      for (Tag tag : page.getValue().links()) {
        if (tag.problem() != null) {
          problems.add(problem(page.getKey(), tag, tag.problem(), tag.value().startsWith("#") ? "link to an id the"
              + " page has, such as a question id" + closest(tag.value().substring(1), new TreeSet<>(page.getValue().ids()))
              : null));
        } else {
          checkLink(page.getKey(), tag, idSets, problems);
        }
      }
      if (problems.size() > before) {
        brokenPages.add(page.getKey());
      }
    }
    return List.copyOf(new LinkedHashSet<>(problems)); // a problem traced to one quiz text from two pages once
  }

  /** The pages {@link #finish} found a problem on, as paths relative to the root. */
  Set<String> brokenPages() {
    return brokenPages;
  }

  private static List<Path> htmlPages(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String relative(Path page) {
    return root.relativize(page).toString().replace('\\', '/');
  }

  /** Judges a link to another file: the file must be in the site, and the fragment on that page. */
  private void checkLink(String page, Tag tag, Map<String, Set<String>> idSets, List<Diagnostic> problems) {
    String link = tag.value();
    int hash = link.indexOf('#');
    String path = hash < 0 ? link : link.substring(0, hash);
    String fragment = hash < 0 ? null : link.substring(hash + 1);
    int slash = page.lastIndexOf('/');
    String target = path.isEmpty() ? page
        : targets.computeIfAbsent(page.substring(0, slash + 1) + '\n' + path, k -> target(page, path));
    if (target.equals(OUTSIDE) || !isFile(target)) {
      problems.add(problem(page, tag, "link '" + link + "' points to a file that is not in the site",
          "fix the link target, or link to an existing page (a phase page is phase-NN-slug.html)" + closest(path, pagesBeside(page))));
      return;
    }
    if (fragment == null || fragment.isEmpty()) {
      return;
    }
    PageFacts targetFacts = pages.get(target);
    if (targetFacts == null) {
      return;
    }
    Set<String> targetIds = idSets.computeIfAbsent(target, k -> new HashSet<>(targetFacts.ids()));
    if (!targetIds.contains(fragment)) {
      problems.add(problem(page, tag, "link '" + link + "' names an id that the target page does not have",
          "link to an id the page has, such as a question id" + closest(fragment, new TreeSet<>(targetIds))));
    }
  }

  /**
   * The file a non-empty link path of {@code page} points to, relative to the root, or
   * {@link #OUTSIDE}; the same for every page of one folder, so it is computed once per folder.
   */
  private String target(String page, String path) {
    Path target;
    if (baseUrl != null && path.startsWith(baseUrl)) {
      String inSite = path.substring(baseUrl.length());
      target = root.resolve(inSite.isEmpty() || inSite.endsWith("/") ? inSite + "index.html" : inSite).normalize();
    } else {
      target = root.resolve(page).getParent().resolve(path).normalize();
    }
    return target.startsWith(root) ? relative(target) : OUTSIDE;
  }

  private boolean isFile(String target) {
    return pages.containsKey(target) || otherFiles.contains(target)
        || onDisk && files.computeIfAbsent(root.resolve(target), Files::isRegularFile);
  }

  /** A duplicate id: at the question whose id makes it, if any, else in the page. */
  private Diagnostic idProblem(String page, Tag tag) {
    AuthorOrigins.Origin origin = origin(page, "id:", tag);
    if (origin == null) {
      return problem(page, tag, tag.problem(), null);
    }
    return Diagnostic.at(origin.location(), "question id '" + origin.questionId() + "' gives its page the id '"
        + tag.value() + "', which another element of the page already has (the theme's or another question's);"
        + " give the question another id");
  }

  /**
   * A link's problem: in the quiz file text that holds the link, with {@code advice} for its author
   * (when not {@code null}), if the page was {@linkplain #trace traced} to it; else in the page.
   */
  private Diagnostic problem(String page, Tag tag, String message, String advice) {
    AuthorOrigins.Origin origin = origin(page, "link:", tag);
    if (origin == null) {
      String file = displayRoot + "/" + page;
      return Diagnostic.at(new SourceLocation(file, Math.max(1, tag.line()), Math.max(1, tag.column())), message);
    }
    String quoted = "'" + tag.value() + "'";
    String located = message.replace(quoted, quoted + " in " + origin.field() + " (on " + page + ")");
    return Diagnostic.at(origin.location(), advice == null ? located : located + "; " + advice);
  }

  private AuthorOrigins.Origin origin(String page, String kind, Tag tag) {
    Map<String, AuthorOrigins.Origin> pageOrigins = origins.get(page);
    return pageOrigins == null ? null : pageOrigins.get(kind + tag.value());
  }

  /** The pages in the folder of {@code page}, by the name a link from it uses. */
  private Set<String> pagesBeside(String page) {
    String folder = page.substring(0, page.lastIndexOf('/') + 1);
    Set<String> names = new TreeSet<>();
    for (String other : pages.keySet()) {
      if (other.startsWith(folder) && other.indexOf('/', folder.length()) < 0) {
        names.add(other.substring(folder.length()));
      }
    }
    return names;
  }

  /** ": did you mean 'X'?" for the candidate closest to {@code word}, or nothing. */
  private static String closest(String word, Set<String> candidates) {
    return Suggestions.closest(word, candidates).map(c -> ": did you mean '" + c + "'?").orElse("");
  }
}
