package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The value semantics of {@link GradCheckResult}: which fields make two results equal, that its
 * index is a private copy, and the wording of its {@code toString} (which failure messages of the
 * tests and of verification quote).
 */
class GradCheckResultTest {

  private static GradCheckResult base() {
    return new GradCheckResult(0.5, 0.25, new int[] {1, 2}, true, 9, 1, 4);
  }

  @Test
  void resultsWithTheSameFieldsAreEqualAndHashAlike() {
    GradCheckResult a = base();
    GradCheckResult b = base();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    GradCheckResult nan = new GradCheckResult(Double.NaN, Double.NaN, new int[0], false, 3, 0);
    assertEquals(nan, new GradCheckResult(Double.NaN, Double.NaN, new int[0], false, 3, 0),
        "NaN errors compare equal, as in a record");
  }

  @Test
  void everyFieldTakesPartInEqualityAndInTheHash() {
    GradCheckResult a = base();
    List<GradCheckResult> others = List.of(
        new GradCheckResult(0.75, 0.25, new int[] {1, 2}, true, 9, 1, 4),
        new GradCheckResult(0.5, 0.125, new int[] {1, 2}, true, 9, 1, 4),
        new GradCheckResult(0.5, 0.25, new int[] {2, 1}, true, 9, 1, 4),
        new GradCheckResult(0.5, 0.25, new int[] {1, 2}, false, 9, 1, 4),
        new GradCheckResult(0.5, 0.25, new int[] {1, 2}, true, 10, 1, 4),
        new GradCheckResult(0.5, 0.25, new int[] {1, 2}, true, 9, 2, 4),
        new GradCheckResult(0.5, 0.25, new int[] {1, 2}, true, 9, 1, 8));
    for (GradCheckResult o : others) {
      assertNotEquals(a, o, o::toString);
      assertNotEquals(o, a, o::toString);
      assertNotEquals(a.hashCode(), o.hashCode(), o::toString);
    }
    assertNotEquals(a, null);
    assertNotEquals(a, (Object) "passed");
  }

  /**
   * The figure a page shows is the error relative to the gradient's scale: 8e+03 on gradients of
   * 1e20 reads 8e-17, and nothing differing reads 0 even on a zero gradient.
   */
  @Test
  void theRelativeErrorIsTheAbsoluteOneOverTheGradientsScale() {
    assertEquals(0.125, base().relativeError());
    assertEquals(8e-17, new GradCheckResult(8e3, 1e-16, new int[0], true, 9, 0, 1e20).relativeError(), 1e-30);
    assertEquals(0.0, new GradCheckResult(0, 0, new int[0], true, 9, 0, 0).relativeError());
    assertEquals(Double.NaN, new GradCheckResult(0.5, 0.25, new int[0], true, 9, 0).relativeError(),
        "without a known scale, no relative figure");
  }

  @Test
  void theWorstIndexIsCopiedInAndOut() {
    int[] index = {1, 2};
    GradCheckResult r = new GradCheckResult(0, 0, index, true, 1, 0);
    index[0] = 7;
    assertArrayEquals(new int[] {1, 2}, r.worstIndex());
    r.worstIndex()[1] = 7;
    assertArrayEquals(new int[] {1, 2}, r.worstIndex());
  }

  @Test
  void toStringNamesTheVerdictAndEveryFigure() {
    assertEquals("passed: max abs error 0.5, max rel error 0.25 (0.125 of the gradient's scale 4.0), worst at [1, 2],"
        + " 9 evaluations, 1 skipped near kinks", base().toString());
    assertEquals("FAILED: max abs error NaN, max rel error Infinity (NaN of the gradient's scale NaN), worst at [], 3"
        + " evaluations, 0 skipped near kinks",
        new GradCheckResult(Double.NaN, Double.POSITIVE_INFINITY, new int[0], false, 3, 0).toString());
  }
}
