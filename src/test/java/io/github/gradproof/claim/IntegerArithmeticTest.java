package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Exact integers: the last value inside the 64-bit range and the first outside, for every operation. */
class IntegerArithmeticTest {

  private static Long apply(BinaryOp op, long x, long y) {
    return IntegerArithmetic.apply(op, x, y, true);
  }

  @Test
  void powersUpToTheRangeAndNotBeyond() {
    assertEquals(1L << 62, apply(BinaryOp.POW, 2, 62));
    assertEquals(Long.MIN_VALUE, apply(BinaryOp.POW, -2, 63), "-2 ** 63 is the least long");
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.POW, 2, 63));
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.POW, 2, 64));
    assertEquals(1L, apply(BinaryOp.POW, 1, 999_999_999), "by squaring: no billion-step loop");
    assertEquals(1L, apply(BinaryOp.POW, -1, 999_999_998));
    assertEquals(3L * 3 * 3 * 3 * 3, apply(BinaryOp.POW, 3, 5));
    assertNull(IntegerArithmetic.apply(BinaryOp.POW, 2, 3, false), "a non-literal exponent gives a float");
  }

  @Test
  void sumsProductsAndQuotientsAtTheEdges() {
    assertEquals(Long.MAX_VALUE, apply(BinaryOp.ADD, Long.MAX_VALUE - 1, 1));
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.ADD, Long.MAX_VALUE, 1));
    assertEquals(Long.MIN_VALUE, apply(BinaryOp.SUB, Long.MIN_VALUE + 1, 1));
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.SUB, Long.MIN_VALUE, 1));
    assertEquals(4_000_000_000_000_000_000L, apply(BinaryOp.MUL, 2_000_000_000L, 2_000_000_000L));
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.MUL, 4_000_000_000L, 4_000_000_000L));
    assertEquals(-Long.MAX_VALUE, apply(BinaryOp.FLOORDIV, Long.MAX_VALUE, -1));
    assertThrows(ArithmeticException.class, () -> apply(BinaryOp.FLOORDIV, Long.MIN_VALUE, -1));
    assertEquals(-4L, apply(BinaryOp.FLOORDIV, -7, 2), "floor, as Python");
    assertThrows(ArithmeticException.class, () -> IntegerArithmetic.negate(Long.MIN_VALUE));
  }

  /** Python's {@code %} takes the divisor's sign: {@code -7 % 2 == 1}, {@code 7 % -2 == -1}. */
  @Test
  void remaindersFloorAsPythonsAndNeverOverflow() {
    assertEquals(1L, apply(BinaryOp.MOD, -7, 2));
    assertEquals(-1L, apply(BinaryOp.MOD, 7, -2));
    assertEquals(1L, apply(BinaryOp.MOD, 7, 2));
    assertEquals(0L, apply(BinaryOp.MOD, Long.MIN_VALUE, -1), "the quotient overflows, the remainder does not");
    assertEquals(Long.MAX_VALUE - 1, apply(BinaryOp.MOD, -1, Long.MAX_VALUE));
    assertNull(apply(BinaryOp.MOD, 7, 0), "undefined, as Python's ZeroDivisionError");
  }
}
