package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The fast path must give exactly the bytes of the full flexmark + Jsoup path, or step aside. */
class PlainMarkdownTest {

  private final MarkdownRenderer markdown = new MarkdownRenderer();

  @Provide
  Arbitrary<String> fields() {
    Arbitrary<String> words = Arbitraries.strings()
        .withChars("abcXYZ019 .,;:?!()'\"/-+=%@^{}$`*_[]<>&\\#|~\u00e9\u00f1\u00bf\u2014\u2192\u00a0\u03c3\u00b2\t")
        .ofMinLength(0).ofMaxLength(30);
    Arbitrary<String> code = Arbitraries.strings().withChars("aB1 ()@.,<>&\"'*_-=").ofMinLength(1).ofMaxLength(8)
        .map(s -> "`" + s + "`");
    return Arbitraries.oneOf(words, code).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
  }

  @Property(tries = 3000)
  void fastPathEqualsFullPath(@ForAll("fields") String field) {
    String fast = PlainMarkdown.inlineHtml(field);
    if (fast != null) {
      assertEquals(markdown.full(field), "<p>" + fast + "</p>", field);
    }
    String plain = PlainMarkdown.plainText(field);
    if (plain != null) {
      assertEquals(markdown.fullPlain(field), plain, field);
    }
  }

  @Test
  void typicalFieldsTakeTheFastPath() {
    String prompt = "`a + b` with `a.shape = (3,)`, `b.shape = (4, 3)`. How does `a` get a `(3,)` gradient?";
    assertNotNull(PlainMarkdown.inlineHtml(prompt));
    assertEquals(markdown.full(prompt), markdown.block(prompt));
    String spanish = "¿Cómo recibe `a` un gradiente de forma `(3,)`? — `x < y & z`";
    assertNotNull(PlainMarkdown.inlineHtml(spanish));
    assertEquals(markdown.full(spanish), markdown.block(spanish));
  }

  @Test
  void markupTakesTheFullPath() {
    for (String field : new String[] {"NumPy does **not**", "[x](y)", "# heading", "1. item", "a | b", "a\nb",
        "<b>", "&amp;", "`` x ``", "a\\*"}) {
      assertNull(PlainMarkdown.inlineHtml(field), field);
    }
  }
}
