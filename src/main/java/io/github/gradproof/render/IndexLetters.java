package io.github.gradproof.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The index letters a reduction binds, one per axis it runs over: {@code i} for axis 0, {@code j}
 * for axis 1, and so on, as a textbook writes {@code ∑_i x_{i,:}}. A letter is never one the line
 * uses as a name (in either case: {@code k} would suggest a dim {@code K}) nor one an enclosing
 * reduction has bound; then the next free letter of the sequence stands in.
 */
final class IndexLetters {

  /** The sequence, in order of preference by axis: no {@code o} (it reads as 0). */
  private static final List<String> LETTERS =
      List.of("i", "j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "u", "v", "w");

  private final Set<String> taken;
  private final Deque<String> bound = new ArrayDeque<>();

  /** @param names the names the line uses */
  IndexLetters(Set<String> names) {
    this.taken = names.stream().filter(n -> n.length() == 1).map(n -> n.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Binds one letter per axis (non-negative, in order) until {@link #release}; {@code null} when the
   * letters run out.
   */
  List<String> bind(int[] axes) {
    List<String> out = new ArrayList<>(axes.length);
    for (int axis : axes) {
      String letter = free(axis < LETTERS.size() ? LETTERS.get(axis) : null, out);
      if (letter == null) {
        return null;
      }
      out.add(letter);
    }
    out.forEach(bound::push);
    return out;
  }

  /** Frees the letters of the innermost {@code count} axes bound. */
  void release(int count) {
    for (int i = 0; i < count; i++) {
      bound.pop();
    }
  }

  private String free(String preferred, List<String> pending) {
    if (preferred != null && available(preferred, pending)) {
      return preferred;
    }
    return LETTERS.stream().filter(l -> available(l, pending)).findFirst().orElse(null);
  }

  private boolean available(String letter, List<String> pending) {
    return !taken.contains(letter) && !bound.contains(letter) && !pending.contains(letter);
  }
}
