package io.github.gradproof.render;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.verify.PhaseResult;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the site's HTML pages from the Pebble templates of a {@link Theme}: the root page, one
 * index per language, one page per phase and language, and (for a site with a base URL) the
 * {@code 404.html} page. Templates are compiled once and reused; rendering is thread-safe.
 *
 * <p>Links between pages are relative, so the site works from {@code file://}; with a base URL
 * ({@link PageLinks}) pages also carry an absolute canonical URL and absolute language
 * alternates.
 */
public final class PageRenderer {

  /** The name of the escaping strategy for template values: {@link Html#escape}. */
  private static final String ESCAPING = "gradproof-html";
  private final PebbleEngine engine;
  private final Theme theme;
  private final UiStrings ui;
  private final List<String> languages;
  private final PageLinks links;
  private final MarkdownRenderer markdown;
  private final PebbleTemplate root;
  private final PebbleTemplate index;
  private final PebbleTemplate phase;
  private final PebbleTemplate notFound;

  /**
   * Compiles the templates of the project's templates folder laid over the built-in theme, for a
   * site without a base URL.
   *
   * @throws DiagnosticException if a template is missing or has a syntax error, located in the
   *     template file
   */
  public PageRenderer(
      Path templatesDir, String templatesDisplay, UiStrings ui, List<String> languages, MarkdownRenderer markdown) {
    this(Theme.layered(templatesDir, templatesDisplay), ui, new PageLinks(languages, null), markdown);
  }

  /**
   * Compiles the templates of a theme.
   *
   * @param links the site's languages and base URL
   * @throws DiagnosticException if a template is missing or has a syntax error, located in the
   *     template file (in the project's folder or the built-in theme)
   */
  public PageRenderer(Theme theme, UiStrings ui, PageLinks links, MarkdownRenderer markdown) {
    this.theme = theme;
    this.engine =
        new PebbleEngine.Builder()
            .loader(new ThemeLoader(theme))
            .strictVariables(true)
            .autoEscaping(true)
            // Pebble's own "html" strategy escapes these same five characters the same way, but
            // first builds unbescape's tables of every HTML entity, a cost each cold build paid.
            .addEscapingStrategy(ESCAPING, Html::escape)
            .defaultEscapingStrategy(ESCAPING)
            .cacheActive(true)
            .build();
    this.ui = ui;
    this.languages = links.languages();
    this.links = links;
    this.markdown = markdown;
    this.root = compile("root.peb");
    this.index = compile("index.peb");
    this.phase = compile("phase.peb");
    this.notFound = links.absolute() ? compile("404.peb") : null;
  }

  /**
   * Renders, and discards, what every build renders first: the root page and a typical field
   * ({@link MarkdownRenderer#warmUp()}). A build calls it on a worker while it loads and verifies
   * the phases, so that loading and initialising the template engine's classes overlaps that work
   * instead of delaying the first page; the pages themselves are rendered later, exactly as
   * without it.
   */
  public void warmUp() {
    rootPage();
    markdown.warmUp();
  }

  /** {@code site/index.html}: leads to every language. */
  public String rootPage() {
    String first = languages.get(0);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("lang", first);
    context.put("t", ui.of(first));
    context.put("pageTitle", "gradproof");
    context.put("description", ui.get(first, "site.tagline"));
    context.put("canonical", links.canonical("index.html"));
    context.put("alternates", links.alternates("", "index.html"));
    List<Map<String, Object>> choices = new ArrayList<>();
    for (String language : languages) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("lang", language);
      choice.put("href", language + "/index.html");
      choice.put("siteTitle", ui.get(language, "site.title"));
      choice.put("tagline", ui.get(language, "site.tagline"));
      choices.add(choice);
    }
    context.put("languages", choices);
    return render(root, "root.peb", context);
  }

  /** {@code site/<lang>/index.html}: every phase, in order. */
  public String indexPage(String language, List<PhaseResult> phases) {
    return indexPageOf(language, phases.stream().map(PhaseSummary::of).toList());
  }

  /** {@code site/<lang>/index.html} from phase summaries (fresh or from the build cache). */
  public String indexPageOf(String language, List<PhaseSummary> phases) {
    Map<String, Object> context = pageContext(language, "index.html", ui.get(language, "site.title"),
        ui.get(language, "site.tagline"));
    List<Map<String, Object>> items = new ArrayList<>(phases.size());
    for (PhaseSummary summary : phases) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("href", summary.pageName() + ".html");
      item.put("title", markdown.inline(summary.title().in(language)));
      item.put("summary", markdown.block(summary.summary().in(language)));
      item.put("questionCount", summary.questionCount());
      item.put("verifiedCount", summary.verifiedCount());
      item.put("questions", Plurals.count(ui.of(language), "index.questions", summary.questionCount()).plain());
      item.put("verified", Plurals.count(ui.of(language), "index.verified", summary.verifiedCount()).plain());
      item.put("partial", summary.partialCount() == 0 ? null
          : Plurals.count(ui.of(language), "index.partial", summary.partialCount()).plain());
      items.add(item);
    }
    context.put("phases", items);
    context.put("isHome", true);
    return render(index, "index.peb", context);
  }

  /** {@code site/<lang>/phase-NN-slug.html}. */
  public String phasePage(String language, PhaseResult result) {
    String page = result.phase().pageName() + ".html";
    String title = markdown.plain(result.phase().title().in(language));
    Map<String, Object> context = pageContext(language, page, title + " · " + ui.get(language, "site.title"),
        oneLine(markdown.plain(result.phase().summary().in(language))));
    Map<String, Object> phaseView = new LinkedHashMap<>();
    phaseView.put("title", markdown.inline(result.phase().title().in(language)));
    phaseView.put("summary", markdown.block(result.phase().summary().in(language)));
    phaseView.put("source", result.phase().sourcePath());
    QuestionView questions = new QuestionView(markdown, language, ui.of(language));
    phaseView.put("questions", result.questions().stream().map(questions::build).toList());
    context.put("phase", phaseView);
    return render(phase, "phase.peb", context);
  }

  /**
   * {@code site/404.html}, in the root language, for a web server to send for a missing page: it
   * may be served at any depth, so its links are absolute. Only for a site with a base URL.
   */
  public String notFoundPage() {
    if (notFound == null) {
      throw new IllegalStateException("a 404 page needs a base URL: without one the site has no fixed address");
    }
    String first = languages.get(0);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("lang", first);
    context.put("t", ui.of(first));
    context.put("root", links.url("index.html"));
    context.put("pageTitle", ui.get(first, "notfound.title") + " · " + ui.get(first, "site.title"));
    context.put("description", ui.get(first, "notfound.text"));
    context.put("canonical", null);
    context.put("homeHref", links.url(first + "/index.html"));
    context.put("languagesHref", links.url("index.html"));
    context.put("isHome", false);
    context.put("alternates", List.of());
    List<Map<String, String>> switches = new ArrayList<>();
    for (String other : languages.subList(1, languages.size())) {
      switches.add(languageSwitch(other, links.url(other + "/index.html")));
    }
    context.put("switches", switches);
    return render(notFound, "404.peb", context);
  }

  private Map<String, Object> pageContext(String language, String page, String pageTitle, String description) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("lang", language);
    context.put("t", ui.of(language));
    context.put("root", "../");
    context.put("pageTitle", pageTitle);
    context.put("description", description);
    context.put("canonical", links.canonical(language + "/" + page));
    context.put("homeHref", "index.html");
    context.put("languagesHref", "../index.html");
    context.put("isHome", false);
    context.put("alternates", links.alternates("../", page));
    List<Map<String, String>> switches = new ArrayList<>();
    for (String other : languages) {
      if (!other.equals(language)) {
        switches.add(languageSwitch(other, "../" + other + "/" + page));
      }
    }
    context.put("switches", switches);
    return context;
  }

  /** A link to another language's version, named and described in that language. */
  private Map<String, String> languageSwitch(String language, String href) {
    Map<String, String> link = new LinkedHashMap<>();
    link.put("lang", language);
    link.put("href", href);
    link.put("name", ui.get(language, "language.name"));
    link.put("label", ui.get(language, "language.read"));
    return link;
  }

  /** Text for an attribute: one line, spaces collapsed. */
  private static String oneLine(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private PebbleTemplate compile(String name) {
    try {
      return engine.getTemplate(name);
    } catch (PebbleException e) {
      throw templateError(name, e);
    }
  }

  private String render(PebbleTemplate template, String name, Map<String, Object> context) {
    StringBuilderWriter out = new StringBuilderWriter(32 * 1024);
    try {
      template.evaluate(out, context);
    } catch (PebbleException e) {
      throw templateError(name, e);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  private DiagnosticException templateError(String name, PebbleException e) {
    String file = e.getFileName() == null ? name : e.getFileName();
    String display = theme.find(file).map(ThemeFile::display).orElse(theme.projectDisplay(file));
    int line = e.getLineNumber() == null ? 1 : e.getLineNumber();
    String message = e.getPebbleMessage() == null ? String.valueOf(e.getMessage()) : e.getPebbleMessage();
    return new DiagnosticException(
        Diagnostic.at(
            new SourceLocation(display, line, 1),
            "template error: " + message + "; fix the template (see docs/THEMES.md for the variables each page gets)"));
  }
}
