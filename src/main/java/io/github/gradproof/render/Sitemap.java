package io.github.gradproof.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sitemap of a site published at a base URL, in the sitemaps.org 0.9 format: one
 * {@code <url>} per page with its absolute {@code <loc>} and, as {@code xhtml:link} alternates,
 * every language version of the page and the {@code x-default} one. No {@code lastmod}: the
 * build writes no clock times, so the same input gives the same bytes.
 *
 * <p>The protocol caps a sitemap file at 50,000 URLs and 50 MB; a larger site gets numbered files
 * ({@code sitemap-1.xml}, …) and {@code sitemap.xml} becomes the sitemap index that lists them.
 */
public final class Sitemap {

  /** The file search engines are pointed to. */
  public static final String FILE = "sitemap.xml";

  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private final int maxUrls;
  private final int maxBytes;

  /** The protocol's limits: 50,000 URLs and 50 MB (52,428,800 bytes) per file. */
  public Sitemap() {
    this(50_000, 52_428_800);
  }

  /** Other limits per file (tests). */
  Sitemap(int maxUrls, int maxBytes) {
    this.maxUrls = maxUrls;
    this.maxBytes = maxBytes;
  }

  /**
   * The sitemap files of a site, file name to content, {@value #FILE} first.
   *
   * @param links the languages and the base URL (which must be set)
   * @param pages the pages inside each language folder, in order: {@code index.html} and the
   *     phase pages; the site's root page is listed first, as the chooser of the index pages
   */
  public Map<String, String> files(PageLinks links, List<String> pages) {
    if (!links.absolute()) {
      throw new IllegalStateException("a sitemap lists absolute URLs: it needs a base URL");
    }
    List<String> entries = new ArrayList<>();
    entries.add(entry(links, "index.html", "index.html"));
    for (String page : pages) {
      for (String language : links.languages()) {
        entries.add(entry(links, language + "/" + page, page));
      }
    }
    List<List<String>> chunks = chunks(entries);
    Map<String, String> files = new LinkedHashMap<>();
    if (chunks.size() == 1) {
      files.put(FILE, urlset(chunks.get(0)));
      return files;
    }
    StringBuilder index = new StringBuilder(HEADER).append("<sitemapindex xmlns=\"").append(NAMESPACE).append("\">\n");
    Map<String, String> parts = new LinkedHashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      String name = "sitemap-" + (i + 1) + ".xml";
      parts.put(name, urlset(chunks.get(i)));
      index.append("<sitemap>\n<loc>").append(Html.escape(links.url(name))).append("</loc>\n</sitemap>\n");
    }
    files.put(FILE, index.append("</sitemapindex>\n").toString());
    files.putAll(parts);
    return files;
  }

  private static String entry(PageLinks links, String sitePath, String page) {
    StringBuilder out = new StringBuilder(256);
    out.append("<url>\n<loc>").append(Html.escape(links.url(sitePath))).append("</loc>\n");
    for (Map<String, String> alternate : links.alternates("", page)) {
      out.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(Html.escape(alternate.get("lang")))
          .append("\" href=\"").append(Html.escape(alternate.get("href"))).append("\"/>\n");
    }
    return out.append("</url>\n").toString();
  }

  /** Splits the entries into files within both limits, in order. */
  private List<List<String>> chunks(List<String> entries) {
    int frame = utf8(urlset(List.of()));
    List<List<String>> chunks = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    long bytes = frame;
    for (String entry : entries) {
      int size = utf8(entry);
      if (!chunk.isEmpty() && (chunk.size() == maxUrls || bytes + size > maxBytes)) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
        bytes = frame;
      }
      chunk.add(entry);
      bytes += size;
    }
    chunks.add(chunk);
    return chunks;
  }

  private static String urlset(List<String> entries) {
    StringBuilder out = new StringBuilder(HEADER).append("<urlset xmlns=\"").append(NAMESPACE)
        .append("\" xmlns:xhtml=\"").append(XHTML).append("\">\n");
    entries.forEach(out::append);
    return out.append("</urlset>\n").toString();
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
