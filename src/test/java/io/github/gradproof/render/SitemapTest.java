package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sitemap writer, its split into an index, and the schema and checks it is validated with. */
class SitemapTest {

  private static final String BASE = "https://example.org/course/";
  private static final PageLinks LINKS = new PageLinks(List.of("en", "es"), BASE);
  private static final List<String> PAGES = List.of("index.html", "phase-01-a.html", "phase-02-b.html");

  @TempDir Path site;

  /** A site folder with every page the sitemap lists, and the given sitemap files. */
  private void site(Map<String, String> sitemap) throws IOException {
    for (String page : List.of("index.html", "en/index.html", "es/index.html", "en/phase-01-a.html",
        "es/phase-01-a.html", "en/phase-02-b.html", "es/phase-02-b.html")) {
      Files.createDirectories(site.resolve(page).getParent());
      Files.writeString(site.resolve(page), "<!DOCTYPE html>");
    }
    for (Map.Entry<String, String> file : sitemap.entrySet()) {
      Files.writeString(site.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void oneSitemapListsEveryPageWithItsLanguageAlternates() throws IOException {
    Map<String, String> files = new Sitemap().files(LINKS, PAGES);
    assertEquals(List.of("sitemap.xml"), List.copyOf(files.keySet()));
    String xml = files.get("sitemap.xml");
    assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/"
        + "schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n<url>\n<loc>" + BASE + "</loc>\n"), xml);
    assertTrue(xml.contains("<url>\n<loc>" + BASE + "es/phase-02-b.html</loc>\n"
        + "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"" + BASE + "en/phase-02-b.html\"/>\n"
        + "<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"" + BASE + "es/phase-02-b.html\"/>\n"
        + "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"" + BASE + "en/phase-02-b.html\"/>\n</url>\n"), xml);
    assertEquals(7, xml.split("<url>", -1).length - 1);
    site(files);
    assertEquals(List.of(), SitemapValidator.problems(site, BASE));
  }

  @Test
  void aSiteOverTheLimitsGetsNumberedSitemapsAndAnIndex() throws IOException {
    Map<String, String> files = new Sitemap(3, Integer.MAX_VALUE).files(LINKS, PAGES);
    assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"), List.copyOf(files.keySet()));
    assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/"
        + "sitemap/0.9\">\n<sitemap>\n<loc>" + BASE + "sitemap-1.xml</loc>\n</sitemap>\n<sitemap>\n<loc>" + BASE
        + "sitemap-2.xml</loc>\n</sitemap>\n<sitemap>\n<loc>" + BASE + "sitemap-3.xml</loc>\n</sitemap>\n"
        + "</sitemapindex>\n", files.get("sitemap.xml"));
    site(files);
    assertEquals(List.of(), SitemapValidator.problems(site, BASE));
  }

  @Test
  void theByteLimitSplitsToo() throws IOException {
    String one = new Sitemap().files(new PageLinks(List.of("en", "es"), BASE), List.of()).get("sitemap.xml");
    Map<String, String> files = new Sitemap(50_000, one.length() + 10).files(LINKS, PAGES);
    assertEquals(8, files.size(), "one entry per file, and the index");
    for (Map.Entry<String, String> file : files.entrySet()) {
      if (!file.getKey().equals("sitemap.xml")) {
        assertEquals(1, file.getValue().split("<url>", -1).length - 1, file.getKey());
      }
    }
    site(files);
    assertEquals(List.of(), SitemapValidator.problems(site, BASE));
  }

  @Test
  void theValidatorFindsAPageThatIsNotListedAndAUrlThatNamesNoFile() throws IOException {
    site(new Sitemap().files(LINKS, PAGES));
    Files.writeString(site.resolve("en/phase-03-c.html"), "<!DOCTYPE html>");
    Files.delete(site.resolve("es/phase-01-a.html"));
    List<String> problems = SitemapValidator.problems(site, BASE);
    assertTrue(problems.contains("en/phase-03-c.html: a page of the site that the sitemap does not list"), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.contains(BASE + "es/phase-01-a.html names no file of the site")),
        problems.toString());
  }

  @Test
  void theValidatorFindsAlternatesThatAreNotReciprocal() throws IOException {
    Map<String, String> files = new Sitemap().files(LINKS, PAGES);
    site(Map.of("sitemap.xml", files.get("sitemap.xml").replaceFirst(
        "hreflang=\"es\" href=\"" + BASE + "es/phase-01-a.html\"", "hreflang=\"es\" href=\"" + BASE + "es/phase-02-b.html\"")));
    assertFalse(SitemapValidator.problems(site, BASE).isEmpty());
  }

  /** Each one breaks one rule of the protocol; the schema must refuse every one. */
  @ParameterizedTest
  @ValueSource(strings = {
      "<url><loc>en/index.html</loc></url>",
      "<url><lastmod>2024-01-01</lastmod></url>",
      "<url><loc>https://example.org/a</loc><priority>1.5</priority></url>",
      "<url><loc>https://example.org/a</loc><changefreq>sometimes</changefreq></url>",
      "<url><loc>https://example.org/a</loc><lastmod>yesterday</lastmod></url>",
      "<url><loc>https://example.org/a</loc><xhtml:link rel=\"alternate\" hreflang=\"English\" href=\"https://example.org/b\"/></url>",
      "<url><loc>https://example.org/a</loc><xhtml:link rel=\"next\" hreflang=\"en\" href=\"https://example.org/b\"/></url>",
      "<url><loc>https://example.org/a</loc><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"b.html\"/></url>",
      "<url><loc>https://example.org/a</loc><image>x</image></url>",
      ""})
  void theSchemaRefusesWhatTheProtocolForbids(String urls) throws IOException {
    Path file = site.resolve("bad.xml");
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/"
        + "sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">" + urls + "</urlset>\n");
    assertFalse(SitemapValidator.schemaProblems(file).isEmpty(), urls);
  }

  @Test
  void theSchemaAcceptsEveryOptionalElementOfTheProtocol() throws IOException {
    Path file = site.resolve("full.xml");
    Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/"
        + "sitemap/0.9\"><url><loc>https://example.org/a</loc><lastmod>2005-05-10T17:33:30+08:00</lastmod>"
        + "<changefreq>monthly</changefreq><priority>0.8</priority></url></urlset>\n");
    assertEquals(List.of(), SitemapValidator.schemaProblems(file));
  }
}
