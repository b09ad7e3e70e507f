package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Symbolic sizes: polynomial arithmetic, exact operations, printing and evaluation. */
class DimTest {

  private static final Dim M = Dim.symbol("M");
  private static final Dim K = Dim.symbol("K");
  private static final Dim L = Dim.symbol("L");

  @Test
  void polynomialsAreCanonical() {
    assertEquals(M.times(K), K.times(M));
    assertEquals("K*M", M.times(K).toString());
    assertEquals(Dim.of(0), M.minus(M));
    assertEquals("L - 2", L.minus(Dim.of(2)).toString());
    assertEquals("-M + 1", Dim.of(1).minus(M).toString());
    assertEquals("M*M", M.times(M).toString());
    assertEquals("2*K*M + 3*L", M.times(K).times(Dim.of(2)).plus(L.times(Dim.of(3))).toString());
    assertEquals(7L, Dim.of(3).plus(Dim.of(4)).constant());
    assertNull(M.constant());
  }

  @Test
  void exactDivisionSimplifiesAndFloorDivisionStaysExact() {
    assertEquals(Dim.of(3).times(L), Dim.of(3).times(L).times(M).floorDiv(M));
    assertEquals("L + 1", L.times(Dim.of(2)).plus(Dim.of(2)).floorDiv(Dim.of(2)).toString());
    Dim conv = L.minus(Dim.of(2)).floorDiv(Dim.of(2)).plus(Dim.of(1));
    assertEquals("(L - 2)//2 + 1", conv.toString());
    assertEquals(4L, conv.evaluate(Map.of("L", 8)));
    assertEquals(4L, conv.evaluate(Map.of("L", 9)));
    assertEquals(-2L, Dim.of(-3).floorDiv(Dim.of(2)).constant(), "floor, not truncation");
    assertEquals("2*((L - 2)//2)", L.minus(Dim.of(2)).floorDiv(Dim.of(2)).times(Dim.of(2)).toString());
  }

  @Test
  void unknownAbsorbsEverything() {
    Dim u = Dim.unknown();
    assertFalse(u.plus(M).isKnown());
    assertFalse(M.times(u).isKnown());
    assertFalse(M.floorDiv(Dim.of(0)).isKnown());
    assertEquals("?", u.toString());
    assertNull(u.evaluate(Map.of()));
    assertNull(M.evaluate(Map.of("K", 3)), "a dim missing from the map");
    assertNull(u.constant(), "unknown is no constant");
    assertFalse(u.is(0), "unknown is not 0 (a slice step of unknown value is no zero step)");
  }

  /** Python's {@code -M//2} is {@code (-M)//2}: a floor division groups every operand that is not one positive term. */
  @Test
  void floorDivisionParenthesisesOnlyWhatNeedsIt() {
    assertEquals("M//2", M.floorDiv(Dim.of(2)).toString());
    assertEquals("2*M//K", M.times(Dim.of(2)).floorDiv(K).toString());
    assertEquals("(-M)//K", M.negate().floorDiv(K).toString());
    assertEquals("(M - 1)//K", M.minus(Dim.of(1)).floorDiv(K).toString());
  }

  /** Python's {@code %} on sizes: exact when the divisor divides, else an atom printed as written. */
  @Test
  void remaindersAreExactAtomsUnlessTheDivisorDivides() {
    assertEquals("M%2", M.mod(Dim.of(2)).toString());
    assertEquals(Dim.of(0), M.times(Dim.of(2)).mod(Dim.of(2)));
    assertEquals(Dim.of(0), M.times(K).mod(K));
    assertEquals(1L, Dim.of(-7).mod(Dim.of(2)).constant(), "the divisor's sign, as Python");
    assertEquals(-1L, Dim.of(7).mod(Dim.of(-2)).constant());
    assertEquals("2*(M%2)", M.mod(Dim.of(2)).times(Dim.of(2)).toString());
    assertEquals("(M - 1)%K", M.minus(Dim.of(1)).mod(K).toString());
    assertEquals(1L, M.mod(Dim.of(2)).evaluate(Map.of("M", 5)));
    assertNull(M.mod(K).evaluate(Map.of("M", 5, "K", 0)), "undefined where the divisor is 0");
    assertFalse(M.mod(Dim.of(0)).isKnown());
  }

  /** Different operations are different terms, and dims come before operations in a product. */
  @Test
  void operationsAreTermsOfTheirOwn() {
    Dim halves = K.floorDiv(Dim.of(2)).plus(M.floorDiv(Dim.of(2)));
    assertEquals("K//2 + M//2", halves.toString());
    assertEquals(3L, halves.evaluate(Map.of("K", 3, "M", 5)));
    assertEquals("M*(K//2)", K.floorDiv(Dim.of(2)).times(M).toString());
  }

  @Test
  void broadcastIsDecidedWhenItCanBe() {
    assertEquals(M, Dim.broadcast(M, M));
    assertEquals(M, Dim.broadcast(Dim.of(1), M));
    assertEquals(M, Dim.broadcast(M, Dim.of(1)));
    assertNull(Dim.broadcast(Dim.of(3), Dim.of(4)));
    Dim open = Dim.broadcast(M, K);
    assertEquals("broadcast(M, K)", open.toString());
    assertEquals(3L, open.evaluate(Map.of("M", 3, "K", 3)));
    assertEquals(3L, open.evaluate(Map.of("M", 1, "K", 3)));
    assertNull(open.evaluate(Map.of("M", 2, "K", 3)));
    assertNotEquals(open, Dim.broadcast(K, M).plus(Dim.of(1)));
  }

  @Test
  void rangeLengthOfADimIsTheDim() {
    assertEquals(M, Dim.rangeLength(Dim.of(0), M, Dim.of(1)));
    assertEquals(2L, Dim.rangeLength(Dim.of(1), Dim.of(7), Dim.of(3)).constant());
    assertEquals(0L, Dim.rangeLength(Dim.of(5), Dim.of(1), Dim.of(1)).constant());
    Dim odd = Dim.rangeLength(Dim.of(1), M, Dim.of(2));
    assertEquals(3L, odd.evaluate(Map.of("M", 7)));
    assertEquals(List.of("M"), odd.symbols());
  }

  @Test
  void wholeSlicesKeepTheSize() {
    assertEquals(M, Dim.sliceLength(M, null, null, null));
    assertEquals(M, Dim.sliceLength(M, null, null, Dim.of(-1)));
    Dim inner = Dim.sliceLength(M, Dim.of(1), M.minus(Dim.of(1)), null);
    assertEquals("len(M[1:M - 1])", inner.toString());
    assertEquals(4L, inner.evaluate(Map.of("M", 6)));
    assertEquals(0L, inner.evaluate(Map.of("M", 1)), "clamped as NumPy does");
  }

  /** Python refuses a slice step of 0 (ValueError): it selects no length. */
  @Test
  void aZeroStepHasNoSliceLength() {
    assertNull(Dim.SliceLength.of(5, null, null, 0L));
    assertNull(Dim.sliceLength(M, null, null, Dim.of(0)).evaluate(Map.of("M", 5)));
  }

  /** Python's {@code len(range(size)[start:stop:step])}, written by golden_expressions.py. */
  @Test
  @SuppressWarnings("unchecked")
  void sliceLengthsAgreeWithPython() throws IOException {
    List<List<Object>> slices;
    try (InputStream in = DimTest.class.getResourceAsStream("/golden/expressions/expressions.json")) {
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder()
          .setCodePointLimit(Integer.MAX_VALUE).build()).loadFromInputStream(in);
      slices = (List<List<Object>>) doc.get("slices");
    }
    assertTrue(slices.size() > 1000);
    for (List<Object> s : slices) {
      long size = ((Number) s.get(0)).longValue();
      Long start = number(s.get(1));
      Long stop = number(s.get(2));
      Long step = number(s.get(3));
      long expected = ((Number) s.get(4)).longValue();
      assertEquals(expected, Dim.SliceLength.of(size, start, stop, step), s::toString);
      Dim symbolic = Dim.sliceLength(M, start == null ? null : Dim.of(start), stop == null ? null : Dim.of(stop),
          step == null ? null : Dim.of(step));
      assertEquals(expected, symbolic.evaluate(Map.of("M", size)), s::toString);
    }
  }

  private static Long number(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }
}
