package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import io.github.gradproof.SampleQuiz;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.ChoiceResult;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Markdown mirrors are as safe as the pages: each mirror is rendered by a CommonMark renderer
 * that lets raw HTML through (flexmark with its defaults, plus GFM tables, as a Git host would
 * render it before its own sanitiser), parsed with Jsoup, and must hold no element, attribute or
 * link the mirror did not mean to write: only Markdown's own elements, the mirror's
 * {@code <details>}, links under the pages' policy, and no image.
 */
class MirrorSafetyTest {

  private static final Set<String> ELEMENTS = Set.of("html", "head", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6",
      "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br", "a", "table", "thead", "tbody",
      "tr", "th", "td", "details", "summary");
  private static final Map<String, Set<String>> ATTRIBUTES = Map.of(
      "a", Set.of("href"), "ol", Set.of("start"), "th", Set.of("align"), "td", Set.of("align"), "code", Set.of("class"));

  private static final Parser PARSER;
  private static final HtmlRenderer RENDERER;

  static {
    MutableDataSet options = new MutableDataSet();
    options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
    PARSER = Parser.builder(options).build();
    RENDERER = HtmlRenderer.builder(options).build();
  }

  static Stream<String> injections() throws IOException, URISyntaxException {
    Path corpus = Path.of(MirrorSafetyTest.class.getResource("/mirror/injections.md").toURI());
    return Arrays.stream(Files.readString(corpus, StandardCharsets.UTF_8).split("\n%%%%\n")).map(String::strip);
  }

  /** Renders Markdown as a Git host would before sanitising: raw HTML passes. */
  static Document render(String markdown) {
    return Jsoup.parse(RENDERER.render(PARSER.parse(markdown)));
  }

  /** Fails on anything live: an unknown element or attribute, a link out of policy, an image. */
  static void assertNothingLive(String markdown) {
    Document document = render(markdown);
    for (Element element : document.getAllElements()) {
      if (element == document) {
        continue;
      }
      String tag = element.tagName();
      if (!ELEMENTS.contains(tag)) {
        fail("live <" + tag + "> in:\n" + markdown + "\nrendered as:\n" + document.body().html());
      }
      for (Attribute attribute : element.attributes()) {
        if (!ATTRIBUTES.getOrDefault(tag, Set.of()).contains(attribute.getKey())) {
          fail("live attribute " + attribute + " on <" + tag + "> in:\n" + markdown);
        }
        if (attribute.getKey().equals("href")) {
          assertTrue(safeHref(attribute.getValue()), "link out of policy: " + attribute + " in:\n" + markdown);
        }
        if (attribute.getKey().equals("class")) {
          assertTrue(attribute.getValue().matches("language-[A-Za-z0-9_+.#-]+"), attribute.toString());
        }
      }
    }
  }

  /** The pages' policy, checked independently: a relative link, or http, https or mailto. */
  private static boolean safeHref(String href) {
    String cleaned = href.replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
    int colon = cleaned.indexOf(':');
    int end = cleaned.replaceAll("[/?#].*", "").length();
    if (colon < 0 || colon > end) {
      return true;
    }
    return cleaned.startsWith("http:") || cleaned.startsWith("https:") || cleaned.startsWith("mailto:");
  }

  @ParameterizedTest
  @MethodSource("injections")
  void everyFieldOfAMirrorStaysInert(String payload) {
    PhaseResult result = hostileResult(payload);
    UiStrings ui = UiStrings.load(Path.of("templates"), "templates", List.of("en", "es"));
    String page = new MarkdownMirror(ui, List.of("en", "es")).render("en", result);
    assertNothingLive(page);
    Document document = render(page);
    // Per question: the answer, and inside it the proof's technical details.
    assertEquals(4, document.select("details").size(), "the mirror's own structure is intact:\n" + page);
    assertEquals(4, document.select("details > summary").size(), page);
  }

  @ParameterizedTest
  @MethodSource("injections")
  void eachKindOfFieldStaysInert(String payload) {
    assertNothingLive("# " + MirrorMarkdown.inline(payload) + "\n\n" + MirrorMarkdown.block(payload) + "\n\n1. " + MirrorMarkdown.inline(payload)
        + "\n\n| a | b |\n|---|---|\n| " + MirrorMarkdown.cellCode(payload) + " | " + MirrorMarkdown.text(payload)
        + " |\n\n" + MirrorMarkdown.code(payload) + " " + MirrorMarkdown.lineText(payload) + "\n");
  }

  @ParameterizedTest
  @MethodSource("injections")
  void showsTheSameTextAsThePage(String payload) {
    String page = Jsoup.parse(new MarkdownRenderer().block(payload)).text();
    // GFM reads "\|" in a table cell as "|", even in code; flexmark keeps code spans whole.
    String mirrored = render(MirrorMarkdown.block(payload)).text().replace("\\|", "|");
    assertEquals(page, mirrored, "the mirror shows what the page shows for:\n" + payload);
  }

  @Test
  void theIssuesExamplesAreShownAsText() {
    assertEquals("\\</title\\>\\<script\\>alert(1)\\</script\\>", MirrorMarkdown.inline("</title><script>alert(1)</script>"));
    assertEquals("<p>`&lt;img src=x onerror=alert(1)&gt;`</p>",
        render(MirrorMarkdown.block("\\`<img src=x onerror=alert(1)>\\`")).body().html());
    assertEquals("<p>x</p>", render(MirrorMarkdown.block("[x](javascript:alert(1))")).body().html());
    assertEquals("<p>x</p>", render(MirrorMarkdown.block("[x](data:text/html,hi)")).body().html());
    Document image = render(MirrorMarkdown.block("a ![x](http://evil.example/x.png) b"));
    assertEquals("a b", image.text());
    assertTrue(image.select("img").isEmpty());
  }

  @Test
  void keepsTheMarkdownOfOrdinaryFields() {
    assertEquals("Sum the gradient along the broadcast (replicated) axes → `(3,)`.",
        MirrorMarkdown.block("Sum the gradient along the broadcast (replicated) axes → `(3,)`."));
    assertEquals("NumPy does **not** do *this*; see [the docs](https://numpy.org/doc/) and `x_y`.",
        MirrorMarkdown.block("NumPy does **not** do *this*; see [the docs](https://numpy.org/doc/) and `x_y`."));
    assertEquals("- one\n- two `a`", MirrorMarkdown.block("* one\n* two `a`"));
    assertEquals("| a | b |\n|---|:---:|\n| `x` | 2 |", MirrorMarkdown.block("| a | b |\n|---|:-:|\n| `x` | 2 |"));
    assertEquals("```a `` b```", MirrorMarkdown.code("a `` b"));
    assertEquals("`` `x` ``", MirrorMarkdown.code("`x`"));
    assertEquals("2024\\. was a year", MirrorMarkdown.inline("2024\\. was a year"));
  }

  @Test
  void linkPolicy() {
    for (String allowed : List.of("https://example.org/a?b=1&c=2#d", "http://x", "mailto:a@b.example", "../en/x.html",
        "#q-08-01", "//example.org/x", "x.html?a=b:c")) {
      assertEquals(allowed, LinkPolicy.allowedHref(allowed), allowed);
    }
    for (String refused : List.of("javascript:alert(1)", " JAVASCRIPT:x", "java\tscript:x", "jav\nascript:x",
        "data:text/html,x", "vbscript:x", "file:///etc/passwd", "1x:y", "a b:c")) {
      assertNull(LinkPolicy.allowedHref(refused), refused);
    }
    assertFalse(LinkPolicy.imagesAllowed());
  }

  @Test
  void theMirrorKeepsNoLinkThePagesDrop() {
    MarkdownRenderer pages = new MarkdownRenderer();
    for (String url : List.of("https://example.org/a?b=1&c=2#d", "http://x", "mailto:a@b.example", "../en/x.html",
        "#q-08-01", "//example.org/x", "javascript:alert(1)", "JAVASCRIPT:x", "java&#x09;script:x",
        "java&#115;cript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "1x:y", "ftp://example.org/")) {
      boolean onPage = !Jsoup.parse(pages.inline("[x](" + url + ")")).select("a[href]").isEmpty();
      boolean inMirror = !render(MirrorMarkdown.inline("[x](" + url + ")")).select("a[href]").isEmpty();
      assertTrue(onPage || !inMirror, "the mirror keeps a link the page drops: " + url);
      if (url.matches("(?i)(java|data|vbscript|file|ftp).*")) {
        assertFalse(onPage || inMirror, "neither keeps " + url);
      }
    }
  }

  @Property(tries = 500)
  void randomMarkdownStaysInert(@ForAll("markdown") String field) {
    assertNothingLive("# " + MirrorMarkdown.inline(field) + "\n\n" + MirrorMarkdown.block(field) + "\n\n| a |\n|---|\n| "
        + MirrorMarkdown.cellCode(field) + " |\n\n" + MirrorMarkdown.lineText(field) + "\n");
  }

  @Provide
  Arbitrary<String> markdown() {
    return Arbitraries.of("<", ">", "&", "`", "``", "\\", "*", "_", "[", "]", "(", ")", "!", "#", "|", "~", "-", "+",
            "=", ".", ":", "/", " ", "\n", "\n\n", "    ", "a", "1", "\"", "'", "script", "img src=x onerror=alert(1)",
            "javascript:", "data:", "http://e.example/", "&#106;", "&lt;", "<!--", "-->", "</title>", "---", "1.",
            "> ", "```", "~~~", "|---|", "&colon;", "\t", "[r]: ", "![", "](", "<a href=", "<details>")
        .list().ofMinSize(1).ofMaxSize(40).map(parts -> String.join("", parts));
  }

  /** The sample phase with {@code payload} in every field the mirror writes. */
  private static Phase hostile(String payload) {
    Phase sample = SampleQuiz.phase("x");
    Localized text = new Localized(Map.of("en", payload, "es", payload), SampleQuiz.at(1, 1));
    Question multi = sample.questions().get(0);
    List<Choice> choices = List.of(
        new Choice(1, null, List.of(claim(payload, multi.choices().get(0).claims().get(0))), SampleQuiz.at(10, 7)),
        new Choice(2, null, List.of(claim(payload, multi.choices().get(1).claims().get(0))), SampleQuiz.at(11, 7)),
        new Choice(3, text, List.of(), SampleQuiz.at(12, 7)));
    Question first = new Question(multi.id(), multi.kind(), text, text, multi.setup(), choices, multi.answer(), text,
        false, text, multi.location());
    Question free = sample.questions().get(1);
    Question second = new Question(free.id(), free.kind(), text, text, free.setup(), free.choices(),
        new io.github.gradproof.quiz.Answer(List.of(), text, free.answer().claims(), free.answer().location()), text,
        true, null, free.location());
    return new Phase(sample.sourcePath(), sample.number(), sample.slug(), text, text, List.of(first, second));
  }

  /**
   * The sample's results for {@link #hostile}: the same verdicts and parsed claims, with the
   * payload as the source the claims show (a payload is rarely a claim that parses).
   */
  private static PhaseResult hostileResult(String payload) {
    Phase phase = hostile(payload);
    PhaseResult sample = SampleQuiz.result(SampleQuiz.phase("x"));
    List<QuestionResult> questions = new ArrayList<>();
    for (int i = 0; i < phase.questions().size(); i++) {
      QuestionResult result = sample.questions().get(i);
      List<ChoiceResult> choices = result.choices().stream().map(c -> new ChoiceResult(c.number(),
          c.claims().stream().map(r -> showing(payload, r)).toList(), c.verdict(), c.keyed())).toList();
      questions.add(new QuestionResult(phase.questions().get(i), choices, result.answerClaims(), result.trials(),
          result.engineTrials(), result.sizes(),
          result.engineError(), result.experiment(), result.problems()));
    }
    return new PhaseResult(phase, questions);
  }

  private static ClaimResult showing(String source, ClaimResult r) {
    return new ClaimResult(claim(source, r.claim()), r.line(), r.shape(), r.error(), r.engineError(), r.trials(),
        r.verdict(), r.reason());
  }

  private static SourceSpan claim(String source, SourceSpan like) {
    return new SourceSpan(source, like.location(), like.sourceLine());
  }
}
