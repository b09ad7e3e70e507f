package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Test
  void rendersInlineCodeAndEmphasis() {
    assertEquals("<code>dA = dC @ B.T</code> is <em>right</em>", markdown.inline("`dA = dC @ B.T` is *right*"));
  }

  @Test
  void blockKeepsParagraphs() {
    assertEquals("<p>one</p>\n<p>two</p>", markdown.block("one\n\ntwo"));
  }

  @Test
  void rawHtmlIsShownAsTextNeverAsMarkup() {
    String html = markdown.block("<script>alert(1)</script> and <img src=x onerror=alert(1)>");
    assertFalse(html.contains("<script"), html);
    assertFalse(html.contains("<img"), html);
    assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt;</p>", html);
  }

  @Test
  void javascriptLinksLoseTheirTarget() {
    String html = markdown.inline("[x](javascript:alert(1))");
    assertFalse(html.contains("javascript:"), html);
  }

  @Test
  void relativeLinksSurvive() {
    assertEquals("<a href=\"../es/index.html\">x</a>", markdown.inline("[x](../es/index.html)"));
  }

  @Test
  void plainTextForTitles() {
    assertEquals("Phase 8 — Quizzes", markdown.plain("Phase 8 — *Quizzes*"));
  }
}
