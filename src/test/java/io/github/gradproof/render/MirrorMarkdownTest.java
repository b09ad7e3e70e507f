package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The mirror's shortcut for plain one-line fields gives exactly what the full parse gives, and is
 * taken only where nothing in the text could start a Markdown construct.
 */
class MirrorMarkdownTest {

  /** Lines made of the plain alphabet, with markers and specials mixed in now and then. */
  @Provide
  Arbitrary<String> lines() {
    Arbitrary<Character> plain = Arbitraries.of('a', 'Z', 'é', 'ñ', '0', '7', ' ', ' ', '.', ',', ';', ':', '?', '¿',
        '¡', '\'', '"', '(', ')', '/', '+', '=', '%');
    Arbitrary<Character> special = Arbitraries.of('*', '_', '`', '[', ']', '<', '>', '#', '&', '!', '-', '|', '~',
        '\\', '\n', '\t', '1');
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, plain), net.jqwik.api.Tuple.of(1, special))
        .list().ofMinSize(1).ofMaxSize(40)
        .map(cs -> {
          StringBuilder b = new StringBuilder();
          cs.forEach(b::append);
          return b.toString();
        });
  }

  @Property(tries = 3000)
  void theShortcutAgreesWithTheParser(@ForAll("lines") String line) {
    String text = "W" + line; // most start with a letter, so the shortcut is often taken
    assertEquals(MirrorMarkdown.parsedBlock(text), MirrorMarkdown.block(text), text);
    assertEquals(MirrorMarkdown.parsedInline(text), MirrorMarkdown.inline(text), text);
    assertEquals(MirrorMarkdown.parsedBlock(line), MirrorMarkdown.block(line), line);
    assertEquals(MirrorMarkdown.parsedInline(line), MirrorMarkdown.inline(line), line);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Phase 8: tensors (and autograd)", "Qué gradiente; 50% de 2/3", "Softmax, then the loss"})
  void ordinaryTitlesTakeTheShortcut(String title) {
    assertTrue(MirrorMarkdown.isPlainLine(title), title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " leading", "trailing ", "two  spaces", "1. a list", "- item", "# heading", "a *b*",
      "snake_case", "a `code`", "x < y", "a & b", "bang!", "tab\there", "line\nbreak", "[link](x)", "a | b"})
  void anythingElseIsParsed(String text) {
    assertFalse(MirrorMarkdown.isPlainLine(text), text);
  }
}
