package io.github.gradproof.render;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Turns the Markdown of quiz fields into safe HTML.
 *
 * <p>Raw HTML written in a quiz is escaped by flexmark, so it shows as text; the result is then
 * cleaned with a Jsoup {@link Safelist}, so no script, event handler or {@code javascript:} URL
 * can reach a page whatever the Markdown contains. One instance is reused for every field: the
 * parser and renderer are immutable and thread-safe.
 *
 * <p>Most fields are one line of words with {@code `code`} spans; {@link PlainMarkdown} renders
 * those directly, byte for byte as the full path would, which makes rendering several times
 * faster. Everything else takes the full path.
 */
public final class MarkdownRenderer {

  /** A one-line field as most are written: words, a code span and emphasis, which the fast path renders. */
  static final String WARM_UP_FIELD = "Some **warm** text with `code` and *emphasis*, ¿sí?";

  /**
   * flexmark's parser and renderer and Jsoup's safelist, built when the first field needs the full
   * path (class initialisation makes that thread-safe). A course whose fields all take the fast
   * path never loads either library's parser: in a cold JVM that was half of the theme's cost.
   */
  static final class Full {
    private static final MutableDataSet OPTIONS = new MutableDataSet()
        .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
        .set(HtmlRenderer.ESCAPE_HTML, true)
        .set(HtmlRenderer.SOFT_BREAK, " ");
    static final Parser PARSER = Parser.builder(OPTIONS).build();
    static final HtmlRenderer RENDERER = HtmlRenderer.builder(OPTIONS).build();
    static final Safelist SAFELIST =
        Safelist.relaxed()
            .removeTags("img")
            .removeProtocols("a", "href", "ftp")
            .preserveRelativeLinks(true);
  }

  /** Creates a renderer with tables enabled and raw HTML escaped. */
  public MarkdownRenderer() {}

  /**
   * Renders, and discards, a one-line field with a code span and emphasis through the fast path,
   * so that its classes are loaded on a worker while a build still verifies (see
   * {@link PageRenderer#warmUp()}). It does not load the full path: a build loads that only for a
   * field that needs it.
   */
  public void warmUp() {
    block(WARM_UP_FIELD);
    inline(WARM_UP_FIELD);
    plain(WARM_UP_FIELD);
  }

  /** Renders block Markdown (paragraphs, lists, code blocks) to sanitised HTML. */
  public String block(String markdown) {
    String fast = PlainMarkdown.inlineHtml(markdown);
    if (fast != null) {
      return "<p>" + fast + "</p>";
    }
    return full(markdown);
  }

  /** The full path: flexmark, then Jsoup's cleaner; what {@link PlainMarkdown} must equal. */
  String full(String markdown) {
    Node document = Full.PARSER.parse(markdown);
    return clean(Full.RENDERER.render(document)).strip();
  }

  /**
   * Renders a one-line field (titles, choices) to sanitised inline HTML: a single paragraph loses
   * its {@code <p>} wrapper.
   */
  public String inline(String markdown) {
    String fast = PlainMarkdown.inlineHtml(markdown);
    if (fast != null) {
      return fast;
    }
    String html = full(markdown);
    if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
      return html.substring(3, html.length() - 4);
    }
    return html;
  }

  /** Renders Markdown to plain text (for {@code <title>} and attributes). */
  public String plain(String markdown) {
    String fast = PlainMarkdown.plainText(markdown);
    return fast != null ? fast : fullPlain(markdown);
  }

  /** The full path of {@link #plain}. */
  String fullPlain(String markdown) {
    return Jsoup.parse(full(markdown)).text();
  }

  private String clean(String html) {
    Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
    return Jsoup.clean(html, "http://relative.invalid/", Full.SAFELIST, settings);
  }
}
