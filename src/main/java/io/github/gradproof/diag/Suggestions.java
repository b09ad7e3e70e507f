package io.github.gradproof.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * "Did you mean …?" for misspelt keys, names and functions: the closest candidate by edit
 * distance, if it is close enough to be a plausible typo.
 */
public final class Suggestions {

  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, or empty when none is plausible.
   *
   * <p>Distance is the Levenshtein distance with adjacent transpositions counting as one edit
   * (optimal string alignment), compared case-insensitively; a candidate differing only in case
   * is always suggested. A candidate qualifies when its distance is at most a third of the longer
   * word's length (at least 1, at most 3); between one-letter names only a case difference
   * qualifies ({@code m} suggests {@code M}, but {@code M} does not suggest {@code N}). Ties go to the candidate met first in iteration order,
   * so callers get deterministic output by passing an ordered collection. The word itself is
   * never suggested.
   *
   * @throws NullPointerException if {@code word} or {@code candidates} is null
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    Objects.requireNonNull(word, "word");
    Objects.requireNonNull(candidates, "candidates");
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(word)) {
        continue;
      }
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      int longer = Math.max(word.length(), candidate.length());
      int limit = longer <= 1 ? 0 : Math.min(3, Math.max(1, longer / 3));
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Edit distance with insertions, deletions, substitutions and adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
