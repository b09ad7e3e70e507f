package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.TestProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseUrlTest {

  @ParameterizedTest
  @CsvSource({
      "https://example.org/course/, https://example.org/course/",
      "https://example.org/course, https://example.org/course/",
      "HTTPS://Example.ORG/Course, https://example.org/Course/",
      "http://example.org, http://example.org/",
      "https://example.org:8443/a/b, https://example.org:8443/a/b/",
      "'  https://example.org/x  ', https://example.org/x/",
      "https://example.org/cursó, https://example.org/curs%C3%B3/",
      "https://example.org/a%20b/, https://example.org/a%20b/"})
  void normalizes(String given, String expected) {
    assertEquals(expected, BaseUrl.normalize(given));
  }

  @Test
  void blankMeansNone() {
    assertNull(BaseUrl.normalize(null));
    assertNull(BaseUrl.normalize("  "));
  }

  @Test
  void refusesWhatIsNotAWebAddressSayingWhy() {
    assertEquals("baseUrl 'example.org/course' is not usable: it must start with https:// or http://; give the address"
        + " the site is published at, such as https://example.org/course/", message("example.org/course"));
    assertEquals("baseUrl 'ftp://example.org/' is not usable: it must start with https:// or http://; give the address"
        + " the site is published at, such as https://example.org/course/", message("ftp://example.org/"));
    assertEquals("baseUrl 'https://example.org/?page=1' is not usable: it must not have a query (?) or a fragment (#);"
        + " give the address the site is published at, such as https://example.org/course/",
        message("https://example.org/?page=1"));
    assertEquals("baseUrl 'https://me@example.org/' is not usable: it must name a host, without a user name; give the"
        + " address the site is published at, such as https://example.org/course/", message("https://me@example.org/"));
    assertEquals("baseUrl 'https:///course' is not usable: it must name a host, without a user name; give the"
        + " address the site is published at, such as https://example.org/course/", message("https:///course"));
    assertEquals(true, message("https://exa mple.org/").startsWith("baseUrl 'https://exa mple.org/' is not usable: it is"
        + " not a URL (Illegal character in authority at index 8)"));
  }

  @Test
  void theConfigurationCarriesTheNormalizedUrl() {
    SiteConfig config = TestProject.defaults(java.nio.file.Path.of("/tmp/p")).withBaseUrl("https://example.org/c");
    assertEquals("https://example.org/c/", config.baseUrl());
    assertNull(config.withBaseUrl("").baseUrl());
  }

  private static String message(String url) {
    return assertThrows(IllegalArgumentException.class, () -> BaseUrl.normalize(url)).getMessage();
  }
}
