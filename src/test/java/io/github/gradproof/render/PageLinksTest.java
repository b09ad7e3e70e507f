package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageLinksTest {

  private static final List<String> LANGUAGES = List.of("en", "es", "fr");
  private static final String BASE = "https://example.org/course/";

  @Test
  void withoutABaseUrlAlternatesAreRelativeAndThereIsNoCanonicalNorXDefault() {
    PageLinks links = new PageLinks(LANGUAGES, null);
    assertEquals(List.of(Map.of("lang", "en", "href", "../en/phase-01-a.html"),
        Map.of("lang", "es", "href", "../es/phase-01-a.html"), Map.of("lang", "fr", "href", "../fr/phase-01-a.html")),
        links.alternates("../", "phase-01-a.html"));
    assertNull(links.canonical("en/phase-01-a.html"));
    assertThrows(IllegalStateException.class, () -> links.url("index.html"));
  }

  @Test
  void withABaseUrlEveryLinkIsAbsoluteAndIndexPagesArePublishedAsTheirFolder() {
    PageLinks links = new PageLinks(LANGUAGES, BASE);
    assertEquals(BASE, links.url("index.html"));
    assertEquals(BASE + "es/", links.url("es/index.html"));
    assertEquals(BASE + "es/phase-01-a.html", links.canonical("es/phase-01-a.html"));
    assertEquals(BASE + "md/en/phase-01-a.md", links.url("md/en/phase-01-a.md"));
  }

  @Test
  void xDefaultIsTheChooserForIndexPagesAndTheRootLanguageOtherwise() {
    PageLinks links = new PageLinks(LANGUAGES, BASE);
    assertEquals(Map.of("lang", "x-default", "href", BASE), links.alternates("../", "index.html").get(3));
    assertEquals(List.of(Map.of("lang", "en", "href", BASE + "en/phase-01-a.html"),
        Map.of("lang", "es", "href", BASE + "es/phase-01-a.html"), Map.of("lang", "fr", "href", BASE + "fr/phase-01-a.html"),
        Map.of("lang", "x-default", "href", BASE + "en/phase-01-a.html")), links.alternates("../", "phase-01-a.html"));
  }

  @Test
  void aBaseUrlMustEndWithASlash() {
    assertThrows(IllegalArgumentException.class, () -> new PageLinks(LANGUAGES, "https://example.org/course"));
  }
}
