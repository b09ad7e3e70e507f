package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
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
    // Emphasis runs, most of them simple, some with a space, a mark or an underscore at a boundary.
    Arbitrary<String> emphasis = Arbitraries.strings().withChars("aZ9 _.,!é*").ofMinLength(1).ofMaxLength(8)
        .flatMap(w -> Arbitraries.of("*", "**", "***", "_", "__").map(d -> d + w + d));
    Arbitrary<String> spaced = Arbitraries.of(" ", "", "(", ")", ".", "a", "_").list().ofSize(2)
        .flatMap(around -> emphasis.map(e -> around.get(0) + e + around.get(1)));
    return Arbitraries.oneOf(words, code, spaced).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l));
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

  @Provide
  Arbitrary<String> emphasisFields() {
    return MarkdownFields.withEmphasis();
  }

  @Property(tries = 3000)
  void emphasisOnTheFastPathEqualsTheFullPath(@ForAll("emphasisFields") String field) {
    String fast = PlainMarkdown.inlineHtml(field);
    Statistics.label("fast path with emphasis")
        .collect(fast != null && (fast.contains("<em>") || fast.contains("<strong>")));
    Statistics.label("fast path with emphasis").coverage(c -> {
      c.check(true).percentage(p -> p > 4); // simple emphasis is taken (about 200 fields), not only refused
      c.check(false).percentage(p -> p > 10);
    });
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
  void simpleEmphasisAndSnakeCaseTakeTheFastPath() {
    for (String field : new String[] {"NumPy does **not** do this for you.", "*Only* `x` changes", "one_hot(y) is *1*!",
        "**Both**, and *either*: done"}) {
      assertNotNull(PlainMarkdown.inlineHtml(field), field);
      assertEquals(markdown.full(field), markdown.block(field), field);
      assertEquals(markdown.fullPlain(field), markdown.plain(field), field);
    }
  }

  @Test
  void markupTakesTheFullPath() {
    for (String field : new String[] {"NumPy does**not**", "***x***", "*x *", "* item", "**x*", "a _x_", "a__b",
        "(*x*)", "*x*y", "*`x`*", "[x](y)", "# heading", "1. item", "a | b", "a\nb", "<b>", "&amp;", "`` x ``",
        "a\\*"}) {
      assertNull(PlainMarkdown.inlineHtml(field), field);
    }
  }
}
