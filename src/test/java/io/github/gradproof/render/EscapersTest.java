package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The escaper of each output language: HTML/XML ({@link Html}) and Markdown ({@link MarkdownText}). */
class EscapersTest {

  @Test
  void htmlEscapeIsSafeInContentAndInQuotedAttributes() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; é", Html.escape("a <b> & \"c\" 'd' é"));
  }

  @Test
  void htmlTextEscapesOnlyWhatElementContentNeeds() {
    StringBuilder out = new StringBuilder();
    Html.appendText(out, "x < y && \"z\" > 'w'");
    assertEquals("x &lt; y &amp;&amp; \"z\" &gt; 'w'", out.toString());
  }

  @Test
  void markdownKeepsCodeSpansAndEscapesRawHtmlElsewhere() {
    assertEquals("&lt;b&gt;bold&lt;/b&gt; `a < b` and ``x ` <y>`` &amp; `unclosed &lt;",
        MarkdownText.escapeHtml("<b>bold</b> `a < b` and ``x ` <y>`` & `unclosed <"));
  }

  @Test
  void markdownCodeSurvivesBackticksAndCellsSurvivePipes() {
    assertEquals("`dA = dC @ B.T`", MarkdownText.code("dA = dC @ B.T"));
    assertEquals("`` a`b ``", MarkdownText.code("a`b"));
    assertEquals("a \\| b", MarkdownText.cell("a | b"));
  }

  @Test
  void markdownOneLineJoinsLinesWithOneSpace() {
    assertEquals("first second third", MarkdownText.oneLine("  first\n   second  \n third \n"));
  }
}
