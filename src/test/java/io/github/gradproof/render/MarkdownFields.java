package io.github.gradproof.render;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Generated quiz fields shared by the properties of the Markdown fast paths (pages and mirrors). */
final class MarkdownFields {

  private MarkdownFields() {}

  /**
   * Fields of words, code spans and emphasis separated by single spaces, as explanations are
   * written, with marks, underscores and stray stars now and then at and across the boundaries.
   */
  static Arbitrary<String> withEmphasis() {
    Arbitrary<String> words = Arbitraries.of("Word", "the gradient", "qué", "x2", "one_hot", "(see", "this)", "it.",
        "so,", "a_", "_b", "¿sí?");
    Arbitrary<String> noisy = Arbitraries.strings().withChars("abZ9 .,;:?!()é_*").ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> code = Arbitraries.strings().withChars("aB1 *_").ofMinLength(1).ofMaxLength(6).map(s -> "`" + s + "`");
    Arbitrary<String> inner = Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("not", "one hot", "x1", "Both", "a_b", "Z9 y", "qué")),
        Tuple.of(1, Arbitraries.strings().withChars("aZ9 _.,!é*").ofMinLength(1).ofMaxLength(8)));
    Arbitrary<String> emphasis = inner.flatMap(w -> Arbitraries.of("*", "**", "*", "**", "***", "_", "__")
        .map(d -> d + w + d))
        .flatMap(e -> Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")),
            Tuple.of(1, Arbitraries.of("(", "a", "_", "`x`"))).map(before -> before + e))
        .flatMap(e -> Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just("")),
            Tuple.of(1, Arbitraries.of(".", ",", "!", ")", "?", "a", "_", "*"))).map(after -> e + after));
    return Arbitraries.frequencyOf(Tuple.of(3, words), Tuple.of(1, noisy), Tuple.of(1, code), Tuple.of(3, emphasis))
        .list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
  }
}
