package io.github.gradproof.browser;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.TestProject;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The site the browser, validity and accessibility tests look at, generated once per test run
 * into {@code target/browser-site/} by the real pipeline (loader and verifier) from the
 * {@linkplain CourseFixture course fixture} and the theme — pages like the ones readers get, with
 * every question kind, a plot and wrong choices with and without claims, whatever {@code data/}
 * holds. Every test finds its pages through {@link #phasePage(String)} and {@link #htmlPages()},
 * never by a hard-coded phase name.
 */
public final class TestSite {

  /** Where the site is written, relative to the project folder. */
  public static final Path OUTPUT = Path.of("target", "browser-site");

  private static Path root;

  private TestSite() {}

  /** Generates the site on first use and returns its folder (absolute). */
  public static synchronized Path root() {
    if (root == null) {
      generate(TestProject.ROOT);
      root = TestProject.ROOT.resolve(OUTPUT);
    }
    return root;
  }

  /** Builds the site into {@link #OUTPUT} exactly as {@code mvn site:generate} would. */
  private static void generate(Path project) {
    SiteConfig config = new SiteConfig(project, CourseFixture.DIR, Path.of(SiteConfig.DEFAULT_TEMPLATES),
        OUTPUT, SiteConfig.DEFAULT_LANGUAGES);
    SiteGenerator.standard(config, BuildLog.silent()).generate();
  }

  /** Where the same site published at {@link #BASE_URL} is written. */
  public static final Path WEB_OUTPUT = Path.of("target", "browser-site-web");

  /** The base URL of the published variant. */
  public static final String BASE_URL = "https://example.org/course/";

  private static Path webRoot;

  /**
   * The same site as {@link #root()}, built with a base URL: absolute canonical and alternate
   * links, {@code sitemap.xml} and {@code 404.html}. Generated on first use.
   */
  public static synchronized Path webRoot() {
    if (webRoot == null) {
      Path project = TestProject.ROOT;
      SiteConfig config = new SiteConfig(project, CourseFixture.DIR,
          Path.of(SiteConfig.DEFAULT_TEMPLATES), WEB_OUTPUT, SiteConfig.DEFAULT_LANGUAGES).withBaseUrl(BASE_URL);
      SiteGenerator.standard(config, BuildLog.silent()).generate();
      webRoot = project.resolve(WEB_OUTPUT);
    }
    return webRoot;
  }

  /** Every HTML page of the published variant, sorted by path. */
  public static List<Path> webPages() {
    try (Stream<Path> files = Files.walk(webRoot())) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The pages a reader can be shown: every page of {@link #root()} and the published variant's
   * {@code 404.html}, the one page only the published site has.
   */
  public static List<Path> readerPages() {
    List<Path> pages = new java.util.ArrayList<>(htmlPages());
    webPages().stream().filter(p -> p.endsWith("404.html")).forEach(pages::add);
    return pages;
  }

  /**
   * Opens a page in the browser as its reader gets it: a page of the published variant links its
   * stylesheet at {@link #BASE_URL}, which is pointed at the same file of {@link #webRoot()}, as
   * the web server would serve it.
   */
  public static void open(Browser browser, Path page) {
    browser.open(page);
    if (page.startsWith(webRoot())) {
      Boolean loaded = browser.js("const l = document.querySelector('link[rel=stylesheet]');"
          + " return new Promise(r => { l.addEventListener('load', () => r(true)); l.addEventListener('error', () => r(false));"
          + " l.href = l.href.replace(arguments[0], arguments[1]); });", BASE_URL, webRoot().toUri().toString());
      if (!Boolean.TRUE.equals(loaded)) {
        throw new IllegalStateException("the stylesheet of " + name(page) + " did not load from " + webRoot());
      }
    }
  }

  /** The languages of the site, in order. */
  public static List<String> languages() {
    return SiteConfig.DEFAULT_LANGUAGES;
  }

  /** The first phase page of a language (the one holding the convergence plot in every fixture). */
  public static Path phasePage(String language) {
    return phasePages(language).get(0);
  }

  /** Every phase page of a language, sorted by file name. */
  public static List<Path> phasePages(String language) {
    try (Stream<Path> files = Files.list(root().resolve(language))) {
      List<Path> pages = files.filter(f -> f.getFileName().toString().matches("phase-.*\\.html")).sorted().toList();
      if (pages.isEmpty()) {
        throw new IllegalStateException("no phase page under " + root().resolve(language));
      }
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every HTML page of the site, sorted by path. */
  public static List<Path> htmlPages() {
    try (Stream<Path> files = Files.walk(root())) {
      return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A page's path relative to its site's root, with forward slashes, for messages. */
  public static String name(Path page) {
    Path web = Path.of("").toAbsolutePath().resolve(WEB_OUTPUT);
    if (page.startsWith(web)) {
      return WEB_OUTPUT.getFileName() + ":" + web.relativize(page).toString().replace('\\', '/');
    }
    return root().relativize(page).toString().replace('\\', '/');
  }
}
