package io.github.gradproof.verify;

import io.github.gradproof.autograd.Rng;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The dims a question's claims are tried at besides the author's: a claim is a general statement
 * about every size, so one that holds only at the sizes its author happened to pick (a {@code / K}
 * that should be {@code / B} when {@code B = K = 3}, a {@code reshape} that works only when the
 * broadcast axis has length 1, a transposed convolution without the {@code output_padding} an odd
 * {@code T - K} needs) must fail somewhere.
 *
 * <p>There are {@code F} fresh assignments for {@code n} symbolic dims, {@code F} the number of
 * binary digits of {@code n} (1 for one dim, 2 for two or three, 3 for four to seven). In each,
 * every dim gets a fresh value: the values are pairwise distinct, at least 2 (so no axis has length
 * 1), none is a literal size of an input's shape or class count, and no dim gets a value the author
 * gave it. The dims are ranked from the smallest author size to the largest (ties at random) and
 * the values assigned in that order, so relations such as a kernel no larger than its input
 * survive and no two dims simply swap sizes. Parities are chosen, not left to chance: in
 * assignment {@code k} the dim of rank {@code r} has the parity of the author's first value
 * flipped exactly when bit {@code k} of {@code r + 1} is set. So every dim's parity differs from
 * the author's in some assignment, and so does the parity of every difference (or sum) of two
 * dims: a claim that holds only for the author's parities fails in one of them. Values come from
 * the smallest {@code max(6, n + 3)} such integers (the pool widens only if no draw fits), so trials
 * stay as cheap as the author's. The draws depend only on the question id.
 *
 * <p>All of this is about the free dims: a derived dim ({@code E: NH * DH}) is never drawn but
 * computed from the fresh values ({@link Setup#sizes}), so it keeps its relation to them and has
 * none of the properties above; one that is no positive size there is an authoring error.
 */
final class FreshDims {

  /** The trial index whose seed draws the fresh dims; no real trial reaches it. */
  private static final int DRAW = Integer.MAX_VALUE - 2;

  /** The largest size a derived dim may reach at fresh dims, as the author's (the most elements of a tensor). */
  private static final long SIZE_LIMIT = 1_000_000;

  /** Draws from one pool before it is widened by one value. */
  private static final int ATTEMPTS = 32;

  /** How many times (by 2 each) {@link #stretched} widens the top of a draw the forward lines are undefined on. */
  static final int STRETCHES = 8;

  private FreshDims() {}

  /**
   * The fresh dims assignments of a setup, each in setup order; empty when the setup has no dims or
   * its claims are meant at the author's dims only ({@link Setup#exactDims()}).
   */
  static List<Map<String, Integer>> of(String questionId, Setup setup) {
    return of(questionId, setup, dims -> true);
  }

  /**
   * {@link #of(String, Setup)}, with every draw on which {@code defined} is false (the forward lines
   * cannot be evaluated there: a kernel dilated past its input) replaced by the first of its
   * {@link #stretched} forms on which it is true, if any (else the draw is kept, and its trial
   * reports the line). A draw that {@code defined} accepts is the one {@link #of(String, Setup)}
   * gives, so assignments defined there are unchanged.
   */
  static List<Map<String, Integer>> of(String questionId, Setup setup, Predicate<Map<String, Integer>> defined) {
    if (setup.dims().isEmpty() || setup.exactDims()) {
      return List.of();
    }
    Set<Integer> literals = new TreeSet<>();
    for (InputSpec in : setup.inputs()) {
      in.shape().stream().filter(FreshDims::isLiteral).map(Integer::valueOf).forEach(literals::add);
      if (in.classes() != null && isLiteral(in.classes())) {
        literals.add(Integer.valueOf(in.classes()));
      }
    }
    List<String> ranked = ranked(setup, new Rng(Seeds.of(questionId, DRAW)));
    int n = ranked.size();
    List<Map<String, Integer>> assignments = new ArrayList<>();
    for (int k = 0; k < count(n); k++) {
      Rng rng = new Rng(Seeds.of(questionId, DRAW + 1 + k));
      assignments.add(assignment(questionId, setup, ranked, literals, k, rng, defined));
    }
    return List.copyOf(assignments);
  }

  /** A literal size ({@code 3}), not a dim or an expression over dims ({@code 2 * C}, whose 2 is no size). */
  private static boolean isLiteral(String axis) {
    return axis.matches("[0-9]{1,9}");
  }

  /**
   * The fresh values of the free dims with the derived dims computed from them; a derived dim that
   * is no positive size there is an authoring error at it.
   */
  private static Map<String, Integer> derive(String questionId, Setup setup, Map<String, Integer> free) {
    try {
      return setup.sizes(free, SIZE_LIMIT);
    } catch (Setup.DerivedDimException e) {
      SourceLocation at = setup.dimLocations().getOrDefault(e.dim(), setup.location());
      throw new DiagnosticException(Diagnostic.at(at, questionId + ": " + e.getMessage() + ", fresh dims drawn to try"
          + " the claims at other sizes than the author's (distinct, at least 2, none the author's; see CLAIMS.md,"
          + " 'What holds means'); write the derived dim so that it is a positive size at any sizes of the dims it"
          + " names, or, if the question means exactly its sizes, set exact_dims: true with an exact_dims_reason"));
    }
  }

  /** How many fresh assignments {@code n} dims get: the number of binary digits of {@code n}. */
  static int count(int n) {
    return 32 - Integer.numberOfLeadingZeros(n);
  }

  /** Whether assignment {@code k} flips the parity of the dim of rank {@code rank}. */
  static boolean flips(int k, int rank) {
    return ((rank + 1) >> k & 1) == 1;
  }

  /**
   * Assignment {@code k}: the first draw that fits, with its derived dims; when the forward lines
   * are not {@code defined} on it, the first of its {@link #stretched} forms on which they are, if any.
   */
  private static Map<String, Integer> assignment(String questionId, Setup setup, List<String> ranked,
      Set<Integer> literals, int k, Rng rng, Predicate<Map<String, Integer>> defined) {
    for (int size = Math.max(6, ranked.size() + 3), attempt = 0; ; attempt++) {
      if (attempt == ATTEMPTS) { // this pool is too tight for the author's sizes and parities: widen it
        size++;
        attempt = 0;
      }
      Map<String, Integer> byName = draw(ranked, pool(literals, size), rng);
      if (fits(setup, ranked, byName, k)) {
        Map<String, Integer> sizes = derive(questionId, setup, inSetupOrder(setup, byName));
        if (defined.test(sizes)) {
          return sizes;
        }
        Map<String, Integer> wider = stretched(setup, ranked, literals, k, byName, defined);
        return wider != null ? wider : sizes;
      }
    }
  }

  /**
   * The draw {@code byName} with the dims from rank {@code r} up each {@code 2 j} larger, for
   * {@code r} from the largest dim down and {@code j} from 1 to {@value #STRETCHES}: the first that
   * still fits (no author's value, no literal size) and on which the forward lines are {@code
   * defined}, or {@code null}. Stretching the top keeps the order, the distinctness and the parities
   * of the draw and widens the gaps a forward line may need: a kernel of 9 dilated by 2 spans 17,
   * more than an input of 10 (at 18 it fits).
   */
  private static Map<String, Integer> stretched(Setup setup, List<String> ranked, Set<Integer> literals, int k,
      Map<String, Integer> byName, Predicate<Map<String, Integer>> defined) {
    for (int r = ranked.size() - 1; r >= 0; r--) {
      for (int j = 1; j <= STRETCHES; j++) {
        Map<String, Integer> wider = new LinkedHashMap<>(byName);
        for (int i = r; i < ranked.size(); i++) {
          wider.merge(ranked.get(i), 2 * j, Integer::sum);
        }
        if (!fits(setup, ranked, wider, k) || wider.values().stream().anyMatch(literals::contains)) {
          continue;
        }
        Map<String, Integer> sizes = derivedOrNull(setup, inSetupOrder(setup, wider));
        if (sizes != null && defined.test(sizes)) {
          return sizes;
        }
      }
    }
    return null;
  }

  private static Map<String, Integer> inSetupOrder(Setup setup, Map<String, Integer> byName) {
    Map<String, Integer> fresh = new LinkedHashMap<>();
    setup.dims().keySet().forEach(d -> fresh.put(d, byName.get(d)));
    return fresh;
  }

  /** {@link #derive} without the error: {@code null} where a derived dim is no size. */
  private static Map<String, Integer> derivedOrNull(Setup setup, Map<String, Integer> free) {
    try {
      return setup.sizes(free, SIZE_LIMIT);
    } catch (Setup.DerivedDimException e) {
      return null;
    }
  }

  /** No dim takes a value the author gave it, and each has the parity assignment {@code k} asks of it. */
  private static boolean fits(Setup setup, List<String> ranked, Map<String, Integer> byName, int k) {
    for (int r = 0; r < ranked.size(); r++) {
      String dim = ranked.get(r);
      List<Integer> authored = setup.dims().get(dim);
      int value = byName.get(dim);
      boolean flipped = (value - authored.get(0)) % 2 != 0;
      if (authored.contains(value) || flipped != flips(k, r)) {
        return false;
      }
    }
    return true;
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
