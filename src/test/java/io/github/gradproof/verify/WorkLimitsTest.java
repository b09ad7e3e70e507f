package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The limits' bounds, their written form, and sizes as a refusal writes them. */
class WorkLimitsTest {

  @Test
  void limitsStartAtOne() {
    assertEquals("maxWork=1 maxMemory=1", new WorkLimits(1, 1).toString());
    assertEquals("work and memory limits must be positive, got 0 and 1",
        assertThrows(IllegalArgumentException.class, () -> new WorkLimits(0, 1)).getMessage());
    assertEquals("work and memory limits must be positive, got 1 and 0",
        assertThrows(IllegalArgumentException.class, () -> new WorkLimits(1, 0)).getMessage());
  }

  /** A size in terabytes must stay below 2^62 bytes: 4194303 t is 2^62 - 2^40, 4194304 t is 2^62. */
  @Test
  void theLargestMemoryLimitIsJustBelowTwoToTheSixtySecond() {
    assertEquals((1L << 62) - (1L << 40), WorkLimits.parse(null, "4194303t").maxMemory());
    assertThrows(IllegalArgumentException.class, () -> WorkLimits.parse(null, "4194304t"));
    assertEquals((1L << 62) - (1L << 10), WorkLimits.parse(null, "4503599627370495k").maxMemory());
    assertThrows(IllegalArgumentException.class, () -> WorkLimits.parse(null, "4503599627370496k"));
  }

  @Test
  void bytesAreWrittenInTheLargestUnitBelowTheSize() {
    assertEquals("0 bytes", WorkLimits.bytes(0));
    assertEquals("1023 bytes", WorkLimits.bytes(1023));
    assertEquals("1 KiB", WorkLimits.bytes(1024));
    assertEquals("1.5 KiB", WorkLimits.bytes(1536));
    assertEquals("99.5 KiB", WorkLimits.bytes(99.5 * 1024));
    assertEquals("100 KiB", WorkLimits.bytes(100 * 1024));
    assertEquals("1023 KiB", WorkLimits.bytes(1023 * 1024));
    assertEquals("256 MiB", WorkLimits.bytes(256L << 20));
    assertEquals("1.2 GiB", WorkLimits.bytes(1.2 * (1L << 30)));
    assertEquals("1 TiB", WorkLimits.bytes(1L << 40));
    assertEquals("2048 TiB", WorkLimits.bytes(Math.pow(2, 51)));
  }
}
