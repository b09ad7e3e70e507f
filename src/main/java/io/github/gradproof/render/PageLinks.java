package io.github.gradproof.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the pages of a site point at each other's language versions. Without a base URL every link
 * is relative, so the site works from {@code file://}; with one (e.g.
 * {@code https://example.org/course/}) each page also gets an absolute canonical URL and absolute
 * {@code hreflang} alternates with an {@code x-default}, as search engines want them.
 *
 * <p>Pages are named by their path in the site ({@code en/phase-08-x.html}); an
 * {@code index.html} is published as its folder ({@code https://example.org/course/en/}).
 * {@code x-default} is the language chooser for the index pages and the first language's version
 * for every other page.
 */
public final class PageLinks {

  /** The {@code hreflang} value for readers whose language has no version. */
  public static final String X_DEFAULT = "x-default";

  private final List<String> languages;
  private final String baseUrl;

  /**
   * @param languages the site's languages; the first is the root language
   * @param baseUrl the absolute URL of the site's root, ending in {@code /}, or {@code null}
   */
  public PageLinks(List<String> languages, String baseUrl) {
    if (baseUrl != null && !baseUrl.endsWith("/")) {
      throw new IllegalArgumentException("base URL must end with '/': " + baseUrl);
    }
    this.languages = List.copyOf(languages);
    this.baseUrl = baseUrl;
  }

  /** Whether links are absolute (a base URL is set). */
  public boolean absolute() {
    return baseUrl != null;
  }

  /** The site's languages, in order. */
  public List<String> languages() {
    return languages;
  }

  /** The published URL of a site path; only with a base URL. */
  public String url(String sitePath) {
    if (baseUrl == null) {
      throw new IllegalStateException("no base URL");
    }
    if (sitePath.equals("index.html")) {
      return baseUrl;
    }
    if (sitePath.endsWith("/index.html")) {
      return baseUrl + sitePath.substring(0, sitePath.length() - "index.html".length());
    }
    return baseUrl + sitePath;
  }

  /** The canonical URL of a site path, or {@code null} without a base URL. */
  public String canonical(String sitePath) {
    return baseUrl == null ? null : url(sitePath);
  }

  /**
   * The language versions of a page, {@code page} being its name inside a language folder
   * ({@code index.html}, {@code phase-08-x.html}): each as {@code lang} and {@code href}. Relative
   * links start with {@code prefix} (the way from the linking page to the site root); absolute
   * ones end with the {@code x-default} version.
   */
  public List<Map<String, String>> alternates(String prefix, String page) {
    List<Map<String, String>> alternates = new ArrayList<>();
    for (String language : languages) {
      String path = language + "/" + page;
      alternates.add(link(language, baseUrl == null ? prefix + path : url(path)));
    }
    if (baseUrl != null) {
      alternates.add(link(X_DEFAULT, url(xDefault(page))));
    }
    return alternates;
  }

  /** The site path readers without a matching language get: the chooser, or the root language. */
  private String xDefault(String page) {
    return page.equals("index.html") ? "index.html" : languages.get(0) + "/" + page;
  }

  private static Map<String, String> link(String language, String href) {
    Map<String, String> link = new LinkedHashMap<>();
    link.put("lang", language);
    link.put("href", href);
    return link;
  }
}
