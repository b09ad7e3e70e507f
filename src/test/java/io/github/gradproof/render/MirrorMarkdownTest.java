package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
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
        '¡', '\'', '"', '(', ')', '/', '+', '=', '%', '-', '@', '^', '_', '_', '—', '–', '→', '≈', '≤', 'ε', '²', '«',
        '»', '…', '×', '·', '€', 'ℓ', '中', '\u0301', '“', '”');
    Arbitrary<Character> special = Arbitraries.of('*', '_', '`', '[', ']', '<', '>', '#', '&', '!', '-', '|', '~',
        '\\', '\n', '\t', '1', '\u00a0', '\u2028', '\u2029', '\u200b', '\u3000', '\ufeff', '\u0000', '\r', '$',
        '{', '}', '\u203f', '\u20dd');
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(20, plain), net.jqwik.api.Tuple.of(1, special))
        .list().ofMinSize(1).ofMaxSize(40)
        .map(cs -> {
          StringBuilder b = new StringBuilder();
          cs.forEach(b::append);
          return b.toString();
        });
  }

  @Property(tries = 5000)
  void theShortcutAgreesWithTheParser(@ForAll("lines") String line) {
    String text = "W" + line; // most start with a letter, so the shortcut is often taken
    Statistics.label("shortcut").collect(MirrorMarkdown.isPlainLine(text));
    Statistics.label("shortcut").coverage(c -> {
      c.check(true).percentage(p -> p > 10); // the shortcut is exercised, not only the parse
      c.check(false).percentage(p -> p > 20);
    });
    assertEquals(MirrorMarkdown.parsedBlock(text), MirrorMarkdown.block(text), text);
    assertEquals(MirrorMarkdown.parsedInline(text), MirrorMarkdown.inline(text), text);
    assertEquals(MirrorMarkdown.parsedBlock(line), MirrorMarkdown.block(line), line);
    assertEquals(MirrorMarkdown.parsedInline(line), MirrorMarkdown.inline(line), line);
    for (String question : new String[] {"¿" + line, "¡" + line}) { // Spanish questions and exclamations
      assertEquals(MirrorMarkdown.parsedBlock(question), MirrorMarkdown.block(question), question);
      assertEquals(MirrorMarkdown.parsedInline(question), MirrorMarkdown.inline(question), question);
    }
  }

  /**
   * One-line fields of words and code spans, as prompts and explanations are written, with
   * every character the pages' shortcut passes as text and specials inside and outside the spans.
   */
  @Provide
  Arbitrary<String> fieldsWithCode() {
    Arbitrary<String> words = Arbitraries.strings().withChars("aZé0 .,;:?!()'\"/-+=%@^{}$—≠").ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> code = Arbitraries.strings().withChars("aB1 ()@.,<>&\"'*_-=|#~[]!\\`ñ").ofMinLength(1).ofMaxLength(8)
        .map(c -> "`" + c + "`");
    Arbitrary<String> emphasis = Arbitraries.strings().withChars("aZ9 _.,é*").ofMinLength(1).ofMaxLength(8)
        .flatMap(w -> Arbitraries.of("*", "**", "***", "_").map(d -> d + w + d))
        .flatMap(e -> Arbitraries.of(" ", "", ".", "a", "(").map(before -> before + e));
    return Arbitraries.oneOf(words, code, emphasis).list().ofMinSize(1).ofMaxSize(6)
        .map(parts -> String.join("", parts));
  }

  @Property(tries = 4000)
  void theCodeSpanShortcutAgreesWithTheParser(@ForAll("fieldsWithCode") String field) {
    Statistics.label("shortcut").collect(MirrorMarkdown.isPlainField(field));
    Statistics.label("shortcut").coverage(c -> {
      c.check(true).percentage(p -> p > 10); // the shortcut is exercised, not only the parse
      c.check(false).percentage(p -> p > 20);
    });
    assertEquals(MirrorMarkdown.parsedBlock(field), MirrorMarkdown.block(field), field);
    assertEquals(MirrorMarkdown.parsedInline(field), MirrorMarkdown.inline(field), field);
    String sentence = "Take " + field;
    assertEquals(MirrorMarkdown.parsedBlock(sentence), MirrorMarkdown.block(sentence), sentence);
    assertEquals(MirrorMarkdown.parsedInline(sentence), MirrorMarkdown.inline(sentence), sentence);
  }

  @Provide
  Arbitrary<String> emphasisFields() {
    return MarkdownFields.withEmphasis();
  }

  @Property(tries = 3000)
  void theEmphasisShortcutAgreesWithTheParser(@ForAll("emphasisFields") String field) {
    Statistics.label("shortcut with emphasis").collect(MirrorMarkdown.isPlainField(field) && field.contains("*"));
    Statistics.label("shortcut with emphasis").coverage(c -> c.check(true).percentage(p -> p > 4));
    assertEquals(MirrorMarkdown.parsedBlock(field), MirrorMarkdown.block(field), field);
    assertEquals(MirrorMarkdown.parsedInline(field), MirrorMarkdown.inline(field), field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"`C = A @ B` with `A: (7, 6)`. Which formulas are right?", "Why is `dx = 2 * x`?",
      "`x.shape == (3,)`, `dx` — qué forma tiene?", "NumPy does **not** sum `grad` for you.",
      "¿Por qué diferencias centrales en gradcheck?", "`x` *y* and one_hot"})
  void promptsWithCodeTakeTheShortcut(String prompt) {
    assertTrue(MirrorMarkdown.isPlainField(prompt), prompt);
    assertEquals(MirrorMarkdown.parsedBlock(prompt), prompt);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a `code`!", "``double``", "` padded `", "`a`` b`", "1. `x`", "- `x`", "`x` *y *", "`x` <b>",
      "`x`  two", "`x` a__b", "`x` \\ y", "`unclosed", "`x`\n`y`", "`x` _y_"})
  void otherCodeFieldsAreParsed(String text) {
    assertFalse(MirrorMarkdown.isPlainField(text), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Phase 8: tensors (and autograd)", "Qué gradiente; 50% de 2/3", "Softmax, then the loss",
      "Phase 8 — Tensor autograd", "Multiply by a one-hot vector", "snake_case and one_hot(y)",
      "x ≈ 1e-4 → ε² ≤ y", "Fase «8» … a @ b ^ c", "Gradiente de softmax-CE por lotes"})
  void ordinaryTitlesTakeTheShortcut(String title) {
    assertTrue(MirrorMarkdown.isPlainLine(title), title);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " leading", "trailing ", "two  spaces", "1. a list", "- item", "# heading", "a *b*",
      "a `code`", "x < y", "a & b", "bang!", "tab\there", "line\nbreak", "[link](x)", "a | b", "a_b_", "x__y",
      "a _b_", "a_é", "no\u00a0break", "line\u2028separator", "zero\u200bwidth", "a ~b", "a $b", "a {b}"})
  void anythingElseIsParsed(String text) {
    assertFalse(MirrorMarkdown.isPlainLine(text), text);
  }

  /** Text on one line: every line break {@code \R} matches (CR LF as one) becomes one space, as before. */
  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\r\nb", "a\rb", "a\u000bb", "a\fb", "a\u0085b", "a\u2028b", "a\u2029b",
      "a\n\nb", "a\r\n\r\nb", "a\n\rb", "plain", ""})
  void lineBreaksBecomeSpaces(String text) {
    String expected = text.replaceAll("\\R", " ");
    assertEquals(expected, MirrorMarkdown.text(text), text);
    if (!text.isEmpty()) {
      assertEquals("`" + expected + "`", MirrorMarkdown.code(text), text);
    }
  }
}
