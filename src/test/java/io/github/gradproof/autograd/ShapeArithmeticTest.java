package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The size arithmetic of {@link Shapes} at the edges of {@code int} and {@code long} (found unpinned by
 * mutation testing, docs/MUTANTS.md). The factorisations used: {@code 2^31 - 1} is prime;
 * {@code 2^62 - 1 = (2^31 - 1) · 3 · 715827883}, so {@code 2 · (2^62 - 1) = 2^63 - 2} is the largest
 * even {@code long} and one below {@code Long.MAX_VALUE}.
 */
class ShapeArithmeticTest {

  private static final long TWO_62_MINUS_1 = 4611686018427387903L;

  @Test
  void aShapeOfExactlyIntMaxElementsHasASize() {
    assertEquals(Integer.MAX_VALUE, Shapes.size(new int[] {Integer.MAX_VALUE}));
    assertEquals(Integer.MAX_VALUE, Shapes.size(new int[] {1, Integer.MAX_VALUE, 1}));
  }

  @Test
  void oneElementMoreThanIntMaxIsRefused() {
    ShapeException e = assertThrows(ShapeException.class, () -> Shapes.size(new int[] {65536, 32768}));
    assertEquals(ShapeException.Kind.RESHAPE, e.kind());
    assertEquals("shape (65536, 32768) has more than 2147483647 elements", e.getMessage());
  }

  @Test
  void aRefusedAllocationReportsItsExactElementCount() {
    TensorLimitException e = assertThrows(TensorLimitException.class, () -> Tensor.zeros(1001, 1000));
    assertEquals(1_001_000, e.elements());
    assertEquals("the result would have shape (1001, 1000) (1001000 elements), over the limit of 1000000"
        + " elements per tensor", e.getMessage());
  }

  @Test
  void aRefusedAllocationCountsUpToTheLargestLongAndSaturatesBeyond() {
    assertEquals(Long.MAX_VALUE - 1, assertThrows(TensorLimitException.class,
        () -> Tensor.zeros(Integer.MAX_VALUE, 3, 715827883, 2)).elements(), "2^63 - 2 is still exact");
    assertEquals(Long.MAX_VALUE, assertThrows(TensorLimitException.class,
        () -> Tensor.zeros(Integer.MAX_VALUE, 3, 715827883, 3)).elements(), "past 2^63 - 1: saturated");
    assertEquals(Long.MAX_VALUE, assertThrows(TensorLimitException.class,
        () -> Tensor.zeros(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE)).elements());
  }

  @Test
  void aShapeWithAZeroAxisHasNoElementsHoweverLongTheOthers() {
    // np.zeros((2000000, 0)) is an empty array; it must not count as over the element limit
    assertEquals(0, Tensor.zeros(2_000_000, 0).size());
    assertEquals(0, Tensor.zeros(0, 2_000_000).size());
    assertEquals("(2000000, 0)", Tensor.zeros(2_000_000, 0).shapeString());
  }

  @Test
  void theSaturatingProductIsExactUpToTheLargestLong() {
    assertEquals(Long.MAX_VALUE - 1, Shapes.product(TWO_62_MINUS_1, 2));
    assertEquals(Long.MAX_VALUE, Shapes.product(TWO_62_MINUS_1, 3));
    assertEquals(Long.MAX_VALUE, Shapes.product(Long.MAX_VALUE, 2, 1));
    assertEquals(0, Shapes.product(Long.MAX_VALUE, 2, 0));
    assertEquals(24, Shapes.product(2, 3, 4));
    assertEquals(1, Shapes.product());
  }
}
