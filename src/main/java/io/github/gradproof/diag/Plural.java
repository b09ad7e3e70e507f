package io.github.gradproof.diag;

import java.util.Locale;
import java.util.Objects;

/**
 * Counted nouns in build messages, which are English: {@code count(1, "phase")} is "1 phase",
 * {@code count(2, "phase")} is "2 phases", {@code count(1, "axis", "axes")} is "1 axis". Pages
 * in every language word their counts from UI strings instead ({@code key.one}/{@code key.other}).
 */
public final class Plural {

  private Plural() {}

  /**
   * {@code n} and the noun, with an "s" unless {@code n} is 1.
   *
   * @throws IllegalArgumentException if the noun's plural is not made with "s" (it ends in s, x,
   *     z, ch, sh or a consonant and y): give the plural with {@link #count(long, String, String)}
   */
  public static String count(long n, String singular) {
    Objects.requireNonNull(singular, "singular");
    if (!takesPlainS(singular)) {
      throw new IllegalArgumentException("the plural of '" + singular + "' is not '" + singular
          + "s'; give it with count(n, singular, plural)");
    }
    return count(n, singular, singular + "s");
  }

  /** {@code n} and the singular when {@code n} is 1, the plural otherwise. */
  public static String count(long n, String singular, String plural) {
    return n + " " + noun(n, singular, plural);
  }

  /** The singular when {@code n} is 1, the plural otherwise: "0 axes", "1 axis", "2 axes". */
  public static String noun(long n, String singular, String plural) {
    Objects.requireNonNull(singular, "singular");
    Objects.requireNonNull(plural, "plural");
    return n == 1 ? singular : plural;
  }

  /** Whether the noun's last word makes its plural by a plain "s". */
  private static boolean takesPlainS(String singular) {
    String word = singular.toLowerCase(Locale.ROOT);
    if (word.isBlank() || word.endsWith("s") || word.endsWith("x") || word.endsWith("z")
        || word.endsWith("ch") || word.endsWith("sh")) {
      return false;
    }
    return !(word.endsWith("y") && word.length() > 1 && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0);
  }
}
