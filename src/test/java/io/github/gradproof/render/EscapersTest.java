package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The escaper of each output language: HTML/XML ({@link Html}) and Markdown ({@link MirrorMarkdown}). */
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
  void markdownShowsRawHtmlAsTextAndKeepsCodeSpans() {
    assertEquals("\\<b\\>bold\\</b\\> `a < b` and ``x ` <y>`` \\& &#96;unclosed \\<",
        MirrorMarkdown.block("<b>bold</b> `a < b` and ``x ` <y>`` & `unclosed <"));
  }

  @Test
  void markdownCodeSurvivesBackticksAndCellsSurvivePipes() {
    assertEquals("`dA = dC @ B.T`", MirrorMarkdown.code("dA = dC @ B.T"));
    assertEquals("``a`b``", MirrorMarkdown.code("a`b"));
    assertEquals("`a \\| b`", MirrorMarkdown.cellCode("a | b"));
    assertEquals("a \\| b", MirrorMarkdown.text("a | b"));
  }

  @Test
  void markdownInlineJoinsLinesWithOneSpace() {
    assertEquals("first second third", MirrorMarkdown.inline("  first\n   second  \n third \n"));
    assertEquals("a b", MirrorMarkdown.inline("a\\\nb"), "a hard line break is a space on one line");
  }
}
