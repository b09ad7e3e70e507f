package io.github.gradproof.render;

import java.util.Map;

/**
 * Counted phrases from UI strings: {@code key.one} for one, {@code key.other} for any other
 * number, with {@code {n}} replaced by the number ({@code 1 claim checked}, {@code 5 claims
 * checked}). Two forms are what the built-in languages need; a language with one form writes it
 * in both keys.
 */
final class Plurals {

  private Plurals() {}

  /** The phrase for {@code n} from {@code key.one} or {@code key.other}. */
  static Phrase count(Map<String, String> t, String key, long n) {
    String form = t.get(key + (n == 1 ? ".one" : ".other"));
    return Phrase.fill(form, Map.of("n", Phrase.text(Long.toString(n))));
  }
}
