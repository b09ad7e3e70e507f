package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.SitemapValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site published at a base URL: canonical and hreflang links, sitemap, 404 page; and one without. */
class WebSiteTest {

  private static final String BASE = "https://example.org/course/";

  @TempDir Path project;

  private Path generate(String baseUrl) {
    SiteConfig config = new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of("site"),
        List.of("en", "es")).withBaseUrl(baseUrl);
    Phase phase = SampleQuiz.phase("Phase 3 — Sample");
    TestPipeline.generator(config, List.of(phase), SampleQuiz::result).generate();
    return project.resolve("site");
  }

  private static List<Path> pages(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site)) {
      return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Document parse(Path page) throws IOException {
    return Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
  }

  private static String sitePath(Path site, Path page) {
    return site.relativize(page).toString().replace('\\', '/');
  }

  @Test
  void theSitemapIsValidAndListsEveryPageWithItsAlternates() {
    Path site = generate(BASE);
    assertEquals(List.of(), SitemapValidator.problems(site, BASE));
  }

  @Test
  void everyPageHasAnAbsoluteCanonicalUrlAndAlternatesWithXDefault() throws IOException {
    Path site = generate(BASE);
    for (Path page : pages(site)) {
      String path = sitePath(site, page);
      if (path.equals("404.html")) {
        continue;
      }
      Document html = parse(page);
      String url = BASE + (path.endsWith("index.html") ? path.substring(0, path.length() - "index.html".length()) : path);
      assertEquals(url, html.selectFirst("link[rel=canonical]").attr("href"), path);
      assertEquals(List.of("en", "es", "x-default"), html.select("link[rel=alternate]").eachAttr("hreflang"), path);
      String own = html.selectFirst("link[rel=alternate][hreflang=" + html.selectFirst("html").attr("lang") + "]").attr("href");
      assertEquals(path.equals("index.html") ? BASE + "en/" : url, own, path);
      for (String href : html.select("link[rel=alternate]").eachAttr("href")) {
        assertTrue(href.startsWith(BASE), path + ": " + href);
      }
    }
  }

  @Test
  void everyPageHasADescriptionFromItsSummary() throws IOException {
    Path site = generate(BASE);
    for (Path page : pages(site)) {
      Element description = parse(page).selectFirst("head meta[name=description]");
      assertFalse(description == null || description.attr("content").isBlank(), sitePath(site, page));
    }
    assertEquals("Una muestra.", parse(site.resolve("es/phase-03-sample.html")).selectFirst("meta[name=description]").attr("content"));
  }

  @Test
  void theNotFoundPageIsInTheRootLanguageWithLinksThatWorkAtAnyDepth() throws IOException {
    Path site = generate(BASE);
    Document notFound = parse(site.resolve("404.html"));
    assertEquals("en", notFound.selectFirst("html").attr("lang"));
    assertEquals("Page not found", notFound.selectFirst("h1").text());
    assertEquals("noindex", notFound.selectFirst("meta[name=robots]").attr("content"));
    List<String> links = new ArrayList<>(notFound.select("[href]").eachAttr("href"));
    links.addAll(notFound.select("[src]").eachAttr("src"));
    for (String link : links) {
      assertTrue(link.startsWith("#") || link.startsWith(BASE), link);
    }
    assertEquals(BASE + "es/", notFound.selectFirst("a.lang-switch").attr("href"));
  }

  @Test
  void withoutABaseUrlTheSiteStaysRelative() throws IOException {
    Path site = generate(null);
    assertFalse(Files.exists(site.resolve("sitemap.xml")));
    assertFalse(Files.exists(site.resolve("404.html")));
    for (Path page : pages(site)) {
      Document html = parse(page);
      assertTrue(html.select("link[rel=canonical], link[hreflang=x-default]").isEmpty(), sitePath(site, page));
      for (String href : html.select("link[href]").eachAttr("href")) {
        assertFalse(href.contains("://"), sitePath(site, page) + ": " + href);
      }
    }
  }

  @Test
  void anAbsoluteLinkUnderTheBaseUrlMustNameAFileOfTheSite() throws IOException {
    Path layout = project.resolve("templates/layout.peb");
    Files.createDirectories(layout.getParent());
    String builtIn = TestProject.defaults(project).theme().findBuiltIn("layout.peb").orElseThrow().readText();
    Files.writeString(layout, builtIn.replace("</head>", "<link rel=\"help\" href=\"" + BASE + "en/missing.html\">\n</head>"));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generate(BASE));
    assertTrue(e.getMessage().lines().anyMatch(line -> line.matches("site/en/index\\.html:\\d+:1: link '" + BASE
        + "en/missing\\.html' points to a file that is not in the site")), e.getMessage());
    assertTrue(Files.readString(layout).contains("missing.html"));
    Files.writeString(layout, builtIn.replace("</head>", "<link rel=\"help\" href=\"" + BASE + "en/\">\n</head>"));
    generate(BASE); // the folder URL names en/index.html, which exists
  }

  @Test
  void aLinkToAnotherSiteIsStillNotAResourceOfThisOne() throws IOException {
    Path layout = project.resolve("templates/layout.peb");
    Files.createDirectories(layout.getParent());
    String builtIn = TestProject.defaults(project).theme().findBuiltIn("layout.peb").orElseThrow().readText();
    Files.writeString(layout, builtIn.replace("</head>", "<link rel=\"stylesheet\" href=\"https://example.org/other/x.css\">\n</head>"));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generate(BASE));
    assertTrue(e.getMessage().contains("resource 'https://example.org/other/x.css' would load from the network"),
        e.getMessage());
  }
}
