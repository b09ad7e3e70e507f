package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/**
 * The escaper of template values: exactly what Pebble's own "html" strategy (unbescape's
 * {@code escapeHtml4Xml}) writes, so that using it changes no page.
 */
class HtmlTest {

  @Test
  void everyCodePointIsEscapedAsPebblesHtmlStrategyDoes() {
    for (int c = 0; c < Character.MAX_CODE_POINT + 1; c++) {
      String s = "a" + new String(Character.toChars(c)) + "b";
      assertEquals(HtmlEscape.escapeHtml4Xml(s), Html.escape(s), () -> "U+" + Integer.toHexString(s.codePointAt(1)));
    }
  }

  @Test
  void textWithSeveralReferencesAfterPlainTextIsEscapedAsPebblesHtmlStrategyDoes() {
    String text = "plain — é then <a href=\"x\">'&'</a> & done";
    assertEquals(HtmlEscape.escapeHtml4Xml(text), Html.escape(text));
    assertEquals("plain — é then &lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; &amp; done", Html.escape(text));
  }

  @Test
  void emptyAndPlainTextComeBackUnchanged() {
    assertEquals("", Html.escape(""));
    assertEquals("dA = dC @ B.T", Html.escape("dA = dC @ B.T"));
  }
}
