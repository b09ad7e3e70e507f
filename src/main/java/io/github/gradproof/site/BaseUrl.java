package io.github.gradproof.site;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks and normalises the address a site is published at: an absolute {@code http} or
 * {@code https} URL with a host, no user, query or fragment, written in ASCII (other characters
 * percent-encoded), with a lower-case scheme and host and a path that ends in {@code /}, so that
 * {@code base + "en/index.html"} is the address of that page.
 */
final class BaseUrl {

  private BaseUrl() {}

  /**
   * The normalised URL, or {@code null} for {@code null} or blank (no base URL).
   *
   * @throws IllegalArgumentException naming the URL and what is wrong with it
   */
  static String normalize(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    String text = url.strip();
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid(text, "it is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw invalid(text, "it must start with https:// or http://");
    }
    if (uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw invalid(text, "it must name a host, without a user name");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(text, "it must not have a query (?) or a fragment (#)");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String normalized = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port + path
        + (path.endsWith("/") ? "" : "/");
    try {
      return new URI(normalized).toASCIIString();
    } catch (URISyntaxException e) {
      throw invalid(text, "it is not a URL (" + e.getReason() + ")");
    }
  }

  private static IllegalArgumentException invalid(String url, String why) {
    return new IllegalArgumentException("baseUrl '" + url + "' is not usable: " + why
        + "; give the address the site is published at, such as https://example.org/course/");
  }
}
