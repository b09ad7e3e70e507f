package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Setup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules of {@link FreshDims}, over many question ids (the draw depends only on the id): values
 * from the smallest pool, never a literal size, never the author's own, ordered like the author's.
 */
class FreshDimsTest {

  private static final int IDS = 40;

  private static Map<String, Integer> fresh(int id, Setup setup) {
    return FreshDims.of("q-fresh-" + id, setup);
  }

  /** Three dims draw from the 6 smallest integers from 2 up: never 8 or more, and pairwise distinct. */
  @Test
  void valuesComeFromTheSmallestPool() {
    Setup setup = TestQuestions.setup("A=3 B=4 C=5", "x[A,B] y[C]", "L = sum(x) + sum(y)");
    for (int id = 0; id < IDS; id++) {
      Map<String, Integer> f = fresh(id, setup);
      assertEquals(List.of("A", "B", "C"), List.copyOf(f.keySet()), "setup order");
      for (int v : f.values()) {
        assertTrue(v >= 2 && v <= 7, id + ": " + f);
      }
      assertEquals(3, f.values().stream().distinct().count(), id + ": " + f);
      assertTrue(f.get("A") != 3 && f.get("B") != 4 && f.get("C") != 5, id + ": " + f);
    }
  }

  /** The literal sizes 2..7 of the inputs' shapes and classes are skipped: the pool is 8..13. */
  @Test
  void literalSizesAreNeverDrawn() {
    Setup setup = TestQuestions.setup("N=9", "x[N,2,3] w[4,5] y[N]:labels(6) z[7]", "L = sum(x) + sum(w) + sum(z)");
    for (int id = 0; id < IDS; id++) {
      int n = fresh(id, setup).get("N");
      assertTrue(n >= 8 && n <= 13 && n != 9, id + ": N = " + n);
    }
  }

  /** The largest author dim gets the largest fresh value. */
  @Test
  void freshValuesKeepTheAuthorsOrder() {
    Setup setup = TestQuestions.setup("C=9 A=2 B=5", "x[A,B,C]", "L = sum(x)");
    for (int id = 0; id < IDS; id++) {
      Map<String, Integer> f = fresh(id, setup);
      assertTrue(f.get("A") < f.get("B") && f.get("B") < f.get("C"), id + ": " + f);
    }
  }

  /** When the author's alternatives take the whole pool 2..7, it widens: the only value left is 8. */
  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aPoolTooTightForTheAuthorsSizesWidens() {
    Setup setup = TestQuestions.setup("N=2,3,4,5,6,7", "x[N]", "L = sum(x)");
    for (int id = 0; id < 5; id++) {
      assertEquals(Map.of("N", 8), fresh(id, setup));
    }
  }

  @Test
  void noDimsOrExactDimsHaveNone() {
    assertNull(FreshDims.of("q", TestQuestions.setup("", "x[3]", "L = sum(x)")));
    assertNull(FreshDims.of("q", TestQuestions.exactDims(TestQuestions.setup("N=3", "x[N]", "L = sum(x)"))));
  }
}
