package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fresh dims assignments: how many, and that each dim's parity, and the parity of the
 * difference of every two dims, differs from the author's in at least one of them, besides the
 * rules every assignment keeps (distinct values of at least 2, none the author's, none a literal
 * size, the author's order of sizes).
 */
class FreshDimsTest {

  private static final SourceLocation AT = new SourceLocation("test.yaml", 1, 1);

  @Test
  void oneDimGetsOneAssignmentTwoOrThreeGetTwoUpToSevenGetThree() {
    assertEquals(1, FreshDims.count(1));
    assertEquals(2, FreshDims.count(2));
    assertEquals(2, FreshDims.count(3));
    assertEquals(3, FreshDims.count(4));
    assertEquals(3, FreshDims.count(7));
    assertEquals(4, FreshDims.count(8));
  }

  @Test
  void parityFlipsFollowTheBinaryDigitsOfTheRankPlusOne() {
    // rank 0 -> 1 (01), rank 1 -> 2 (10), rank 2 -> 3 (11)
    assertTrue(FreshDims.flips(0, 0));
    assertFalse(FreshDims.flips(1, 0));
    assertFalse(FreshDims.flips(0, 1));
    assertTrue(FreshDims.flips(1, 1));
    assertTrue(FreshDims.flips(0, 2));
    assertTrue(FreshDims.flips(1, 2));
  }

  @Test
  void anExactDimsSetupOrOneWithoutDimsHasNone() {
    Setup exact = new Setup(Map.of("N", List.of(3)), Map.of(), List.of(input("x", "N")), List.of(), AT,
        new Localized(Map.of("en", "the sizes are the point"), AT));
    assertEquals(List.of(), FreshDims.of("q-01-01", exact));
    Setup none = new Setup(Map.of(), Map.of(), List.of(input("x", "3")), List.of(), AT);
    assertEquals(List.of(), FreshDims.of("q-01-01", none));
  }

  @Test
  void theStridedConvolutionsDimsGetAnOddDifference() {
    Map<String, List<Integer>> dims = new LinkedHashMap<>();
    dims.put("T", List.of(9));
    dims.put("K", List.of(3));
    Setup setup = new Setup(dims, Map.of(), List.of(input("x", "T"), input("w", "K")), List.of(), AT);
    List<Map<String, Integer>> fresh = FreshDims.of("q-27-01", setup);
    assertEquals(2, fresh.size());
    assertTrue(fresh.stream().anyMatch(f -> (f.get("T") - f.get("K")) % 2 != 0), fresh.toString());
  }

  /**
   * The sweep's finding 11: {@code conv1d(x, w, dilation=2)} needs {@code 2 (K - 1) + 1 <= T}, which
   * the first draws {@code T = 10, K = 9} do not keep; each such assignment is replaced by the draw
   * with its larger dims made larger, with the parities, the order and the other dims of the first.
   */
  @Test
  void aDrawTheForwardLinesAreUndefinedOnIsWidened() {
    Map<String, List<Integer>> dims = new LinkedHashMap<>();
    for (String d : List.of("N=1", "C=2", "O=3", "T=9", "K=3")) {
      dims.put(d.substring(0, 1), List.of(Integer.valueOf(d.substring(2))));
    }
    Setup setup = new Setup(dims, Map.of(), List.of(input("x", "T"), input("w", "K")), List.of(), AT);
    java.util.function.Predicate<Map<String, Integer>> dilated = f -> 2 * (f.get("K") - 1) + 1 <= f.get("T");
    List<Map<String, Integer>> first = FreshDims.of("q-14-01", setup);
    List<Map<String, Integer>> widened = FreshDims.of("q-14-01", setup, dilated);
    assertFalse(first.stream().allMatch(dilated), "the first draws break the rule: " + first);
    assertTrue(widened.stream().allMatch(dilated), widened.toString());
    for (int k = 0; k < first.size(); k++) {
      Map<String, Integer> a = first.get(k);
      Map<String, Integer> b = widened.get(k);
      assertEquals(a.get("K"), b.get("K"), "only the dims above the kernel grow: " + a + " → " + b);
      assertTrue(b.get("T") >= a.get("T") && !odd(b.get("T") - a.get("T")), a + " → " + b);
      assertTrue(b.get("T") <= a.get("T") + 2 * FreshDims.STRETCHES, a + " → " + b);
    }
    assertEquals(first, FreshDims.of("q-14-01", setup, f -> true), "a defined draw is kept as it is");
    assertEquals(first, FreshDims.of("q-14-01", setup, f -> false), "when no wider draw helps, the first is kept");
  }

  /** The widening goes up to 2 × STRETCHES and no further: a draw that needs more is kept as it was. */
  @Test
  void theWideningStopsAtItsBound() {
    Map<String, List<Integer>> dims = new LinkedHashMap<>();
    dims.put("T", List.of(9));
    dims.put("K", List.of(3));
    Setup setup = new Setup(dims, Map.of(), List.of(input("x", "T"), input("w", "K")), List.of(), AT);
    List<Map<String, Integer>> first = FreshDims.of("q-27-01", setup);
    int most = 2 * FreshDims.STRETCHES;
    List<Map<String, Integer>> inside = FreshDims.of("q-27-01", setup,
        f -> first.stream().anyMatch(a -> a.get("K").equals(f.get("K")) && f.get("T") >= a.get("T") + most));
    for (int k = 0; k < first.size(); k++) {
      assertEquals(first.get(k).get("T") + most, inside.get(k).get("T"), first + " → " + inside);
    }
    List<Map<String, Integer>> outside = FreshDims.of("q-27-01", setup,
        f -> first.stream().anyMatch(a -> a.get("K").equals(f.get("K")) && f.get("T") > a.get("T") + most));
    assertEquals(first, outside);
  }

  @Provide
  Arbitrary<Map<String, List<Integer>>> authorDims() {
    Arbitrary<List<Integer>> values = Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(2)
        .uniqueElements();
    return values.list().ofMinSize(1).ofMaxSize(6).map(lists -> {
      Map<String, List<Integer>> dims = new LinkedHashMap<>();
      for (int i = 0; i < lists.size(); i++) {
        dims.put("D" + i, lists.get(i));
      }
      return dims;
    });
  }

  @Property(tries = 400)
  void everyParityAndEveryDifferencesParityIsFlippedSomewhere(@ForAll("authorDims") Map<String, List<Integer>> dims,
      @ForAll("ids") String id) {
    List<InputSpec> inputs = new ArrayList<>();
    dims.keySet().forEach(d -> inputs.add(input("x" + d, d)));
    inputs.add(input("lit", "5")); // a literal size no fresh dim may take
    Setup setup = new Setup(dims, Map.of(), inputs, List.of(), AT);
    assertRules(dims, FreshDims.of(id, setup));
    // draws that a forward line is undefined on are replaced by wider ones that keep every rule
    assertRules(dims, FreshDims.of(id, setup, FreshDimsTest::topTwiceTheNext));
  }

  /** Whether the largest value is at least twice the next, as a kernel dilated by 2 needs of its input. */
  private static boolean topTwiceTheNext(Map<String, Integer> f) {
    List<Integer> values = f.values().stream().sorted().toList();
    return values.size() < 2 || values.get(values.size() - 1) >= 2 * values.get(values.size() - 2);
  }

  private static void assertRules(Map<String, List<Integer>> dims, List<Map<String, Integer>> fresh) {
    assertEquals(FreshDims.count(dims.size()), fresh.size());
    List<String> names = new ArrayList<>(dims.keySet());
    for (Map<String, Integer> f : fresh) {
      assertEquals(names, new ArrayList<>(f.keySet()));
      Set<Integer> seen = new HashSet<>();
      for (String d : names) {
        int v = f.get(d);
        assertTrue(v >= 2 && v != 5 && !dims.get(d).contains(v), d + " = " + v + " in " + f);
        assertTrue(seen.add(v), "values repeat: " + f);
      }
      for (String a : names) {
        for (String b : names) {
          if (largest(dims, a) < largest(dims, b)) {
            assertTrue(f.get(a) < f.get(b), "order of " + a + ", " + b + " lost: " + f + " for " + dims);
          }
        }
      }
    }
    for (String a : names) {
      int author = dims.get(a).get(0);
      assertTrue(fresh.stream().anyMatch(f -> odd(f.get(a) - author)), a + "'s parity never flips: " + fresh);
      for (String b : names) {
        if (!a.equals(b)) {
          int authorDiff = author - dims.get(b).get(0);
          assertTrue(fresh.stream().anyMatch(f -> odd(f.get(a) - f.get(b) - authorDiff)),
              a + " - " + b + " keeps its parity: " + fresh + " for " + dims);
        }
      }
    }
    if (fresh.size() > 1) {
      assertNotEquals(fresh.get(0), fresh.get(1));
    }
  }

  private static final int IDS = 40;

  private static List<Map<String, Integer>> fresh(int id, Setup setup) {
    return FreshDims.of("q-fresh-" + id, setup);
  }

  /**
   * Three dims draw from the 6 smallest integers from 2 up, widened when the parities asked for do
   * not fit (here A odd, B odd, C even, none the author's, needs 8): small, pairwise distinct,
   * never the author's.
   */
  @Test
  void valuesComeFromTheSmallestPool() {
    Setup setup = TestQuestions.setup("A=3 B=4 C=5", "x[A,B] y[C]", "L = sum(x) + sum(y)");
    for (int id = 0; id < IDS; id++) {
      for (Map<String, Integer> f : fresh(id, setup)) {
        assertEquals(List.of("A", "B", "C"), List.copyOf(f.keySet()), "setup order");
        for (int v : f.values()) {
          assertTrue(v >= 2 && v <= 12, id + ": " + f);
        }
        assertEquals(3, f.values().stream().distinct().count(), id + ": " + f);
        assertTrue(f.get("A") != 3 && f.get("B") != 4 && f.get("C") != 5, id + ": " + f);
      }
    }
  }

  /** The literal sizes 2..7 of the inputs' shapes and classes are skipped: the pool is 8..13, and 9 is odd. */
  @Test
  void literalSizesAreNeverDrawn() {
    Setup setup = TestQuestions.setup("N=9", "x[N,2,3] w[4,5] y[N]:labels(6) z[7]", "L = sum(x) + sum(w) + sum(z)");
    for (int id = 0; id < IDS; id++) {
      List<Map<String, Integer>> f = fresh(id, setup);
      assertEquals(1, f.size());
      int n = f.get(0).get("N");
      assertTrue(n >= 8 && n <= 13 && n % 2 == 0, id + ": N = " + n);
    }
  }

  /** The largest author dim gets the largest fresh value, in every assignment. */
  @Test
  void freshValuesKeepTheAuthorsOrder() {
    Setup setup = TestQuestions.setup("C=9 A=2 B=5", "x[A,B,C]", "L = sum(x)");
    for (int id = 0; id < IDS; id++) {
      for (Map<String, Integer> f : fresh(id, setup)) {
        assertTrue(f.get("A") < f.get("B") && f.get("B") < f.get("C"), id + ": " + f);
      }
    }
  }

  /**
   * When the author's alternatives take the whole pool 2..7, it widens: 8 has the author's first
   * value's parity, so the only value left is 9.
   */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPoolTooTightForTheAuthorsSizesWidens() {
    Setup setup = TestQuestions.setup("N=2,3,4,5,6,7", "x[N]", "L = sum(x)");
    for (int id = 0; id < 5; id++) {
      assertEquals(List.of(Map.of("N", 9)), fresh(id, setup));
    }
  }

  @Provide
  Arbitrary<String> ids() {
    return Arbitraries.integers().between(1, 99).map(i -> "q-01-" + i);
  }

  private static boolean odd(int v) {
    return v % 2 != 0;
  }

  private static int largest(Map<String, List<Integer>> dims, String d) {
    return dims.get(d).stream().mapToInt(Integer::intValue).max().orElseThrow();
  }

  private static InputSpec input(String name, String axis) {
    return new InputSpec(name, List.of(axis), Distribution.NORMAL, null, AT);
  }
}
