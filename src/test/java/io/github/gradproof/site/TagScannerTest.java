package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * {@link TagScanner} against Jsoup's HTML5 parser: the same ids and links, in the same order, at
 * the same lines and columns, on the committed site, on awkward markup, and on generated markup
 * (nested elements with ids and links in every quoting and case, entities, comments of every
 * kind, raw-text elements holding fake tags, void and self-closing tags, stray end tags, MathML
 * and SVG).
 *
 * <p>The scanner models the HTML5 tokenizer, not the tree builder, so the generated markup is
 * markup whose tree keeps the order of its tags, as gradproof's pages do: elements close in order,
 * a paragraph holds only phrasing content (a block start tag such as {@code xmp} or {@code hr}
 * would close it and make the parser clone the formatting elements left open, ids and all), no
 * {@code a} holds an {@code a}, and stray end tags never name an element that may be open.
 */
class TagScannerTest {

  @Example
  void agreesWithJsoupOnTheCommittedSite() throws IOException {
    List<Path> pages;
    try (Stream<Path> walk = Files.walk(Path.of("site"))) {
      pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
    }
    for (Path page : pages) {
      String html = Files.readString(page, StandardCharsets.UTF_8);
      assertEquals(jsoup(html), LinkChecker.tags(html), page.toString());
    }
  }

  @Example
  void agreesWithJsoupOnAwkwardMarkup() {
    String html = "<!DOCTYPE html>\n<HTML lang=en><head><title>a <b id=x> title</title>"
        + "<style>a[href] { }</style><script>if (a < b) { x = '<a href=\"no\">'; }</script></head>\n"
        + "<body><!-- <a href=\"commented\"> -->\n  <a HREF='one.html#f' id=top>x</a><img src=pic.png alt=''>"
        + "<a href=\"x?a=1&amp;b=2\" id=\"dup\"></a>\n<p id=dup>t</p><svg><a href=\"#top\"/></svg>"
        + "<math><mi id=\"m\">x</mi></math><a id=''></a><area href = spaced.html></body></html>";
    assertEquals(jsoup(html), LinkChecker.tags(html));
  }

  @Example
  void agreesWithJsoupOnTheEdgesOfTheTokenizer() {
    String html = "<!--> <a href=c1> <!---> <a href=c2> <!-- x --!> <a href=c3> <!-- y ---> <a id=c4>\n"
        + "<script></scriptx><a href=s1></script ><a href=s2><textarea></textarea\t><a href=t1>"
        + "<xmp><a href=no></xmp><iframe><a href=no></iframe><noembed><a href=no></noembed>"
        + "<a = href=y><a href/=e><a href='&ampx &amp; &copy &copyx &#x41; &lt'>"
        + "</p title='>'><a href=after-end-tag><?php echo '<a href=no>' ?><a src=s id=i href=h>"
        + "<plaintext><a href=no>";
    assertEquals(jsoup(html), LinkChecker.tags(html));
    assertEquals(jsoup("<a href=x"), LinkChecker.tags("<a href=x"), "a tag cut off by the end is no tag");
  }

  @Property(tries = 400)
  void agreesWithJsoupOnGeneratedMarkup(@ForAll("pages") String html) {
    assertEquals(jsoup(html), LinkChecker.tags(html), html);
  }

  /** What Jsoup finds: every element with an id, then every element with a link, in document order. */
  static List<List<LinkChecker.Tag>> jsoup(String html) {
    Document document = Jsoup.parse(html, "", Parser.htmlParser().setTrackPosition(true));
    List<LinkChecker.Tag> ids = new ArrayList<>();
    for (Element e : document.select("[id]")) {
      ids.add(tag(e, "id"));
    }
    List<LinkChecker.Tag> links = new ArrayList<>();
    for (Element e : document.select("[href], [src]")) {
      links.add(tag(e, e.hasAttr("href") ? "href" : "src"));
    }
    return List.of(ids, links);
  }

  private static LinkChecker.Tag tag(Element e, String attribute) {
    return new LinkChecker.Tag(e.tagName(), attribute, e.attr(attribute), e.sourceRange().start().lineNumber(),
        e.sourceRange().start().columnNumber());
  }

  // ---- the markup generator ----

  private static final List<String> FLOW = List.of("div", "section", "nav", "main", "details", "summary", "li", "h2");
  private static final List<String> PHRASING = List.of("span", "em", "code", "label", "strong", "small");
  private static final List<String> VOID = List.of("img", "br", "link", "input", "area", "meta", "source");
  private static final List<String> RAW = List.of("script", "style", "title", "textarea", "iframe", "noembed");

  @Provide
  Arbitrary<String> pages() {
    return Combinators.combine(Arbitraries.of("", "<!DOCTYPE html>\n", "<!doctype html>"), flow(3))
        .as((doctype, body) -> doctype + body);
  }

  /** A sequence of flow content: block elements, paragraphs and everything phrasing content holds. */
  private Arbitrary<String> flow(int depth) {
    List<Arbitrary<String>> parts = new ArrayList<>(List.of(phrasingPart(depth), comment(), bogus(),
        rawText(Arbitraries.just("xmp")), voidTag(Arbitraries.just("hr"))));
    if (depth > 0) {
      parts.add(element(Arbitraries.of(FLOW), flow(depth - 1)));
      parts.add(element(Arbitraries.just("p"), phrasing(depth - 1)));
    }
    return join(Arbitraries.oneOf(parts).list().ofMaxSize(5));
  }

  /** A sequence of phrasing content. */
  private Arbitrary<String> phrasing(int depth) {
    return join(phrasingPart(depth).list().ofMaxSize(4));
  }

  private Arbitrary<String> phrasingPart(int depth) {
    List<Arbitrary<String>> parts = new ArrayList<>(List.of(text(), voidTag(Arbitraries.of(VOID)),
        rawText(Arbitraries.of(RAW)), foreign(), Arbitraries.of("</nosuch>", "</x-y >")));
    if (depth > 0) {
      parts.add(element(Arbitraries.of(PHRASING), phrasing(depth - 1)));
      parts.add(element(Arbitraries.just("a"), withoutLinks(depth - 1)));
    }
    return Arbitraries.oneOf(parts);
  }

  /** Phrasing content without {@code a} elements (an {@code a} inside an {@code a} is re-parented). */
  private Arbitrary<String> withoutLinks(int depth) {
    List<Arbitrary<String>> parts = new ArrayList<>(List.of(text(), voidTag(Arbitraries.of(VOID)), comment()));
    if (depth > 0) {
      parts.add(element(Arbitraries.of(PHRASING), withoutLinks(depth - 1)));
    }
    return join(Arbitraries.oneOf(parts).list().ofMaxSize(3));
  }

  private Arbitrary<String> element(Arbitrary<String> names, Arbitrary<String> content) {
    return Combinators.combine(names, casing(), attributes(), content, Arbitraries.of("", " ", "\n"))
        .as((name, upper, attributes, inner, space) -> {
          String shown = upper ? name.toUpperCase(Locale.ROOT) : name;
          return "<" + shown + attributes + ">" + inner + "</" + shown + space + ">";
        });
  }

  private Arbitrary<String> voidTag(Arbitrary<String> names) {
    return Combinators.combine(names, casing(), attributes(), Arbitraries.of(">", "/>", " />"))
        .as((name, upper, attributes, end) -> "<" + (upper ? name.toUpperCase(Locale.ROOT) : name) + attributes + end);
  }

  /** A raw-text element whose content looks like markup: none of it is. */
  private Arbitrary<String> rawText(Arbitrary<String> names) {
    Arbitrary<String> content = Arbitraries.of("<a href=\"inside\" id=in>", "</scriptx>", "</titles>", "x < y",
        "<!-- c -->", "'</' + 'p>'", "&amp;", "\n", "if (a) { b(); }").list().ofMaxSize(4).map(l -> String.join("", l));
    return Combinators.combine(names, casing(), attributes(), content, Arbitraries.of("", " ", "\n"))
        .as((name, upper, attributes, inner, space) -> {
          String shown = upper ? name.toUpperCase(Locale.ROOT) : name;
          return "<" + shown + attributes + ">" + inner + "</" + name + space + ">";
        });
  }

  /** MathML and SVG as the pages have them (lower-case names, no raw-text names inside). */
  private Arbitrary<String> foreign() {
    Arbitrary<String> math = Combinators.combine(attributes(), attributes(), text())
        .as((a, b, t) -> "<math" + a + "><mrow><mi" + b + ">" + t + "</mi><mo>=</mo></mrow></math>");
    Arbitrary<String> svg = Combinators.combine(attributes(), attributes(), attributes())
        .as((a, b, c) -> "<svg" + a + "><g" + b + "><path d=\"M0 0\"/><a" + c + "><text>t</text></a></g></svg>");
    return Arbitraries.oneOf(math, svg);
  }

  private Arbitrary<String> attributes() {
    Arbitrary<String> name = Arbitraries.of("id", "href", "src", "class", "alt", "ID", "Href", "SRC", "data-id", "title");
    Arbitrary<String> value = Arbitraries.of("x", "top", "#top", "a.html#f", "../es/p.html", "x?a=1&amp;b=2", "a b",
        "&lt;tag&gt;", "&#39;", "&#x41;", "&copy;", "&copy x", "a&b", "", "é", ">").list().ofMaxSize(2)
        .map(l -> String.join("", l));
    Arbitrary<String> attribute = Combinators.combine(Arbitraries.of(" ", "\n  ", "\t", "  "), name,
        Arbitraries.of("=\"", "='", "=", " = \"", "")).as((space, n, eq) -> space + n + eq)
        .flatMap(start -> value.map(v -> start + quote(start, v)));
    return attribute.list().ofMaxSize(3).map(l -> String.join("", l));
  }

  /** The value as the start of the attribute asks for: closed by its quote, or unquoted when it can be. */
  private static String quote(String start, String value) {
    if (start.endsWith("\"")) {
      return value.replace("\"", "") + "\"";
    }
    if (start.endsWith("'")) {
      return value.replace("'", "") + "'";
    }
    if (start.endsWith("=")) {
      String unquoted = value.replaceAll("[\\s\"'<>=`]", "");
      return unquoted.isEmpty() ? "v" : unquoted;
    }
    return "";
  }

  private Arbitrary<String> text() {
    return Arbitraries.of("text", " ", "\n", "a & b", "1 < 2", "<3", "x > y", "&amp;", "é", "\n\n  ")
        .list().ofMaxSize(3).map(l -> String.join("", l));
  }

  private Arbitrary<String> comment() {
    return Arbitraries.of("<!-- <a href=\"commented\" id=c> -->", "<!---->", "<!-->", "<!--->", "<!-- a --!>",
        "<!-- b --->", "<!--\n<p id=c>\n-->");
  }

  private Arbitrary<String> bogus() {
    return Arbitraries.of("<?xml version=\"1.0\"?>", "<!x <a href=no>", "</ x>", "</>", "< a href=text>");
  }

  private static Arbitrary<Boolean> casing() {
    return Arbitraries.of(false, false, true);
  }

  private static Arbitrary<String> join(Arbitrary<List<String>> parts) {
    return parts.map(l -> String.join("", l));
  }
}
