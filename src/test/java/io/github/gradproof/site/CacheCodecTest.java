package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CacheCodecTest {

  private static byte[] pattern(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }

  @Test
  void readsExactlyTheBytesAskedForAndLeavesTheRest() throws IOException {
    byte[] all = pattern(100);
    InputStream in = new ByteArrayInputStream(all);
    assertArrayEquals(Arrays.copyOf(all, 60), CacheCodec.readExactly(in, 60, "cut"));
    assertEquals(40, in.available());
    assertArrayEquals(new byte[0], CacheCodec.readExactly(in, 0, "cut"));
  }

  @Test
  void aStreamOneByteShortFailsWithTheGivenWordsOnBothPaths() {
    for (int length : new int[] {100, CacheCodec.EXACT_ALLOCATION, CacheCodec.EXACT_ALLOCATION + 1}) {
      InputStream in = new ByteArrayInputStream(pattern(length - 1));
      EOFException e = assertThrows(EOFException.class, () -> CacheCodec.readExactly(in, length, "torn record"));
      assertEquals("torn record", e.getMessage());
    }
  }

  @Test
  void valuesJustInsideAndJustOutsideTheExactAllocationReadTheSame() throws IOException {
    for (int length : new int[] {CacheCodec.EXACT_ALLOCATION, CacheCodec.EXACT_ALLOCATION + 1}) {
      byte[] all = pattern(length);
      assertArrayEquals(all, CacheCodec.readExactly(new ByteArrayInputStream(all), length, "cut"));
    }
  }

  /**
   * What the change was for: a value is read into one array of its size, where
   * {@code readNBytes(int)} allocated it twice (pieces, then the result).
   */
  @Test
  void aValueUnderTheLimitIsAllocatedOnce() throws IOException {
    int length = 512 * 1024;
    byte[] all = pattern(length);
    InputStream in = new ByteArrayInputStream(all);
    long before = allocatedByThisThread();
    byte[] read = CacheCodec.readExactly(in, length, "cut");
    long allocated = allocatedByThisThread() - before;
    assertEquals(length, read.length);
    assertTrue(allocated < length * 5L / 4, "allocated " + allocated + " bytes for a value of " + length);
  }

  /** A corrupt length over the limit fails at the end of the stream without allocating what it claims. */
  @Test
  void aCorruptLengthDoesNotAllocateWhatItClaims() {
    InputStream in = new ByteArrayInputStream(pattern(10));
    long before = allocatedByThisThread();
    assertThrows(EOFException.class, () -> CacheCodec.readExactly(in, 1 << 28, "cut"));
    long allocated = allocatedByThisThread() - before;
    assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes for a 10-byte stream");
  }

  @Test
  void bytesRoundTripThroughTheEntryFormat() throws IOException {
    byte[] value = pattern(20_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DataOutputStream data = new DataOutputStream(out)) {
      CacheCodec.bytes(data, value);
    }
    byte[] written = out.toByteArray();
    assertArrayEquals(value, CacheCodec.bytes(new DataInputStream(new ByteArrayInputStream(written))));
    byte[] cut = Arrays.copyOf(written, written.length - 1);
    IOException e = assertThrows(IOException.class,
        () -> CacheCodec.bytes(new DataInputStream(new ByteArrayInputStream(cut))));
    assertEquals("truncated cache entry", e.getMessage());
  }

  private static long allocatedByThisThread() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
