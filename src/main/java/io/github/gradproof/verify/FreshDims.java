package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dims a question's claims are tried at besides the author's: a claim is a general statement
 * about every size, so one that holds only at the sizes its author happened to pick (a {@code / K}
 * that should be {@code / B} when {@code B = K = 3}, a {@code reshape} that works only when the
 * broadcast axis has length 1) must fail somewhere.
 *
 * <p>Every symbolic dim gets a fresh value: the values are pairwise distinct, at least 2 (so no axis
 * has length 1), none is a literal size of an input's shape or class count, and no dim gets a value
 * the author gave it. They are drawn from the smallest {@code max(6, n + 3)} such integers
 * ({@code n} dims; the pool widens only if no draw fits), so trials stay as cheap as the author's,
 * and assigned in the order of the author's sizes (the largest author dim gets the largest fresh
 * value, ties broken at random), so relations such as a kernel no larger than its input survive
 * and no two dims simply swap sizes. The draw depends only on the question id.
 */
final class FreshDims {

  /** The trial index whose seed draws the fresh dims; no real trial reaches it. */
  private static final int DRAW = Integer.MAX_VALUE - 2;

  /** Draws from one pool before it is widened by one value. */
  private static final int ATTEMPTS = 32;

  private FreshDims() {}

  /**
   * The fresh dims assignment of a setup, in setup order; {@code null} when the setup has no dims or
   * its claims are meant at the author's dims only ({@link Setup#exactDims()}).
   */
  static Map<String, Integer> of(String questionId, Setup setup) {
    if (setup.dims().isEmpty() || setup.exactDims()) {
      return null;
    }
    Set<Integer> literals = new TreeSet<>();
    for (InputSpec in : setup.inputs()) {
      in.shape().stream().filter(a -> !setup.dims().containsKey(a)).map(Integer::valueOf).forEach(literals::add);
      if (in.classes() != null && !setup.dims().containsKey(in.classes())) {
        literals.add(Integer.valueOf(in.classes()));
      }
    }
    List<String> ranked = ranked(setup, new Rng(Seeds.of(questionId, DRAW)));
    Rng rng = new Rng(Seeds.of(questionId, DRAW + 1));
    int n = ranked.size();
    for (int size = Math.max(6, n + 3), attempt = 0; ; attempt++) {
      if (attempt == ATTEMPTS) { // this pool is too tight for the author's sizes: widen it
        size++;
        attempt = 0;
      }
      Map<String, Integer> byName = draw(ranked, pool(literals, size), rng);
      if (byName.entrySet().stream().noneMatch(e -> setup.dims().get(e.getKey()).contains(e.getValue()))) {
        Map<String, Integer> fresh = new LinkedHashMap<>();
        setup.dims().keySet().forEach(d -> fresh.put(d, byName.get(d)));
        return fresh;
      }
    }
  }

  /** The dims from the smallest author size to the largest, ties in random order. */
  private static List<String> ranked(Setup setup, Rng rng) {
    List<String> names = new ArrayList<>(setup.dims().keySet());
    for (int i = names.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      String swap = names.get(i);
      names.set(i, names.get(j));
      names.set(j, swap);
    }
    names.sort(Comparator.comparingInt(d -> largest(setup, d))); // stable: ties stay in random order
    return names;
  }

  /** The smallest {@code size} integers from 2 up that are no literal size. */
  private static List<Integer> pool(Set<Integer> literals, int size) {
    List<Integer> pool = new ArrayList<>();
    for (int v = 2; pool.size() < size; v++) {
      if (!literals.contains(v)) {
        pool.add(v);
      }
    }
    return pool;
  }

  /** Distinct values from the pool, the larger ones to the dims ranked later. */
  private static Map<String, Integer> draw(List<String> ranked, List<Integer> pool, Rng rng) {
    List<Integer> left = new ArrayList<>(pool);
    List<Integer> values = new ArrayList<>();
    for (int i = 0; i < ranked.size(); i++) {
      values.add(left.remove(rng.nextInt(left.size())));
    }
    values.sort(Comparator.naturalOrder());
    Map<String, Integer> byName = new LinkedHashMap<>();
    for (int i = 0; i < ranked.size(); i++) {
      byName.put(ranked.get(i), values.get(i));
    }
    return byName;
  }

  private static int largest(Setup setup, String dim) {
    return setup.dims().get(dim).stream().mapToInt(Integer::intValue).max().orElse(1);
  }
}
