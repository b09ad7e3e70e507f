package io.github.gradproof.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a generated site's sitemap the way a search engine would: against the sitemap schema
 * in {@code src/test/resources/sitemap/} (written from the protocol's definition), then what a
 * schema cannot say: at most 50,000 entries and 50 MB per file, every URL under the base URL and
 * naming a file of the site, every language alternate listed back (hreflang pairs are
 * reciprocal) with an {@code x-default}, and every HTML page of the site (but {@code 404.html})
 * listed once.
 */
public final class SitemapValidator {

  private static final Schema SCHEMA = schema();

  private final Path site;
  private final String baseUrl;
  private final List<String> problems = new ArrayList<>();
  /** Every entry: its URL to its alternates (hreflang to URL). */
  private final Map<String, Map<String, String>> entries = new LinkedHashMap<>();

  private SitemapValidator(Path site, String baseUrl) {
    this.site = site;
    this.baseUrl = baseUrl;
  }

  /** Every problem of the sitemap of the site in {@code site}, published at {@code baseUrl}; empty when sound. */
  public static List<String> problems(Path site, String baseUrl) {
    SitemapValidator validator = new SitemapValidator(site, baseUrl);
    validator.file(Sitemap.FILE, true);
    validator.crossCheck();
    return validator.problems;
  }

  /** The schema-only problems of one XML text (for tests of the schema itself). */
  public static List<String> schemaProblems(Path file) {
    try {
      SCHEMA.newValidator().validate(new StreamSource(file.toFile()));
      return List.of();
    } catch (SAXException e) {
      return List.of(file.getFileName() + ": " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void file(String name, boolean indexAllowed) {
    Path file = site.resolve(name);
    if (!Files.isRegularFile(file)) {
      problems.add(name + ": missing");
      return;
    }
    List<String> schema = schemaProblems(file);
    if (!schema.isEmpty()) {
      problems.addAll(schema);
      return;
    }
    try {
      if (Files.size(file) > 52_428_800L) {
        problems.add(name + ": larger than 50 MB");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Element root = parse(file).getDocumentElement();
    if (root.getLocalName().equals("sitemapindex")) {
      if (!indexAllowed) {
        problems.add(name + ": a sitemap index may only list sitemaps, not other indexes");
        return;
      }
      for (Element sitemap : children(root, Sitemap.NAMESPACE, "sitemap")) {
        String loc = text(sitemap, "loc");
        if (inSite(name, loc)) {
          file(loc.substring(baseUrl.length()), false);
        }
      }
      return;
    }
    List<Element> urls = children(root, Sitemap.NAMESPACE, "url");
    if (urls.size() > 50_000) {
      problems.add(name + ": " + urls.size() + " entries, more than 50,000");
    }
    for (Element url : urls) {
      entry(name, url);
    }
  }

  private void entry(String name, Element url) {
    String loc = text(url, "loc");
    if (!inSite(name, loc)) {
      return;
    }
    Map<String, String> alternates = new LinkedHashMap<>();
    for (Element link : children(url, Sitemap.XHTML, "link")) {
      String href = link.getAttribute("href");
      if (alternates.put(link.getAttribute("hreflang"), href) != null) {
        problems.add(name + ": " + loc + " lists hreflang " + link.getAttribute("hreflang") + " twice");
      }
      inSite(name, href);
    }
    if (!alternates.isEmpty() && !alternates.containsKey(PageLinks.X_DEFAULT)) {
      problems.add(name + ": " + loc + " has language alternates but no x-default");
    }
    if (entries.put(loc, alternates) != null) {
      problems.add(name + ": " + loc + " is listed twice");
    }
  }

  /** Every alternate is an entry that lists the same alternates; every page of the site is an entry. */
  private void crossCheck() {
    for (Map.Entry<String, Map<String, String>> entry : entries.entrySet()) {
      for (Map.Entry<String, String> alternate : entry.getValue().entrySet()) {
        Map<String, String> other = entries.get(alternate.getValue());
        if (other == null) {
          problems.add(entry.getKey() + ": alternate " + alternate.getValue() + " is not in the sitemap");
        } else if (!alternate.getKey().equals(PageLinks.X_DEFAULT) && !other.equals(entry.getValue())) {
          problems.add(entry.getKey() + ": alternate " + alternate.getValue() + " does not list the same alternates back");
        }
      }
    }
    Set<String> listed = new HashSet<>();
    entries.keySet().forEach(loc -> listed.add(file(loc)));
    try (Stream<Path> walk = Files.walk(site)) {
      for (Path page : walk.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String relative = site.relativize(page).toString().replace('\\', '/');
        if (!relative.equals("404.html") && !listed.contains(relative)) {
          problems.add(relative + ": a page of the site that the sitemap does not list");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a URL is under the base URL and names a file of the site; records a problem if not. */
  private boolean inSite(String name, String url) {
    if (!url.startsWith(baseUrl)) {
      problems.add(name + ": " + url + " is not under " + baseUrl);
      return false;
    }
    try {
      if (!new URL(url).getHost().equals(new URL(baseUrl).getHost())) {
        problems.add(name + ": " + url + " is on another host");
        return false;
      }
    } catch (java.net.MalformedURLException e) {
      problems.add(name + ": " + url + " is not a URL");
      return false;
    }
    Path file = site.resolve(file(url)).normalize();
    if (!file.startsWith(site) || !Files.isRegularFile(file)) {
      problems.add(name + ": " + url + " names no file of the site (" + file(url) + ")");
      return false;
    }
    return true;
  }

  /** The site path a URL under the base URL serves: a folder's {@code index.html}. */
  private String file(String url) {
    String path = url.substring(baseUrl.length());
    return path.isEmpty() || path.endsWith("/") ? path + "index.html" : path;
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> children = new ArrayList<>();
    NodeList nodes = parent.getElementsByTagNameNS(namespace, name);
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i).getParentNode() == parent) {
        children.add((Element) nodes.item(i));
      }
    }
    return children;
  }

  private static String text(Element parent, String name) {
    return children(parent, Sitemap.NAMESPACE, name).get(0).getTextContent();
  }

  private static Document parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("cannot parse " + file + ": " + e.getMessage(), e);
    }
  }

  private static Schema schema() {
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file"); // the imported xhtml-link.xsd, nothing else
      URL xsd = SitemapValidator.class.getResource("/sitemap/sitemap.xsd");
      return factory.newSchema(xsd);
    } catch (SAXException e) {
      throw new IllegalStateException("the sitemap schema does not compile: " + e.getMessage(), e);
    }
  }
}
