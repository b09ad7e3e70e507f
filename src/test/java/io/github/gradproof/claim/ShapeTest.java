package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Static shapes: fully known only when every axis is, and concrete only within {@code int} sizes. */
class ShapeTest {

  private static final Dim M = Dim.symbol("M");

  @Test
  void fullyKnownMeansTheRankAndEveryAxis() {
    assertTrue(Shape.of(M, Dim.of(3)).isFullyKnown());
    assertTrue(Shape.scalar().isFullyKnown());
    assertFalse(Shape.of(M, Dim.unknown()).isFullyKnown());
    assertFalse(Shape.unknown().isFullyKnown());
  }

  /** An unknown rank prints as Python's ellipsis and has an unknown number of elements. */
  @Test
  void anUnknownRankHasAnUnknownSize() {
    assertEquals("(...)", Shape.unknown().toString());
    assertFalse(Shape.unknown().size().isKnown());
    assertEquals(Dim.of(3).times(M), Shape.of(M, Dim.of(3)).size());
  }

  /** A Java array holds at most {@code Integer.MAX_VALUE} elements: an axis one larger has no concrete size. */
  @Test
  void aConcreteAxisIsBetweenZeroAndTheLargestInt() {
    Map<String, Long> dims = Map.of("M", (long) Integer.MAX_VALUE);
    assertArrayEquals(new int[] {0, Integer.MAX_VALUE}, Shape.of(Dim.of(0), M).evaluate(dims));
    assertNull(Shape.of(M.plus(Dim.of(1))).evaluate(dims));
    assertNull(Shape.of(M.minus(M).minus(Dim.of(1))).evaluate(dims), "a negative size");
  }
}
