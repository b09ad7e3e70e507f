package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** {@link UnlockedByteInput} reads as {@link ByteArrayInputStream} does, call for call. */
class UnlockedByteInputTest {

  /**
   * A random sequence of single reads, array reads (with offsets and lengths past the end),
   * skips and availability checks gives the same results and the same bytes on both streams.
   */
  @Property(tries = 2000)
  void readsAsTheJdkStreamDoes(@ForAll @Size(max = 64) byte[] bytes, @ForAll @IntRange(max = 1 << 20) int seed)
      throws IOException {
    InputStream expected = new ByteArrayInputStream(bytes);
    InputStream actual = new UnlockedByteInput(bytes);
    Random random = new Random(seed);
    for (int step = 0; step < 40; step++) {
      switch (random.nextInt(4)) {
        case 0 -> assertEquals(expected.read(), actual.read());
        case 1 -> {
          int size = random.nextInt(12);
          int offset = size == 0 ? 0 : random.nextInt(size + 1);
          int length = random.nextInt(size - offset + 1);
          byte[] wanted = new byte[size];
          byte[] got = new byte[size];
          Arrays.fill(wanted, (byte) 7);
          Arrays.fill(got, (byte) 7);
          assertEquals(expected.read(wanted, offset, length), actual.read(got, offset, length));
          assertArrayEquals(wanted, got);
        }
        case 2 -> {
          long count = random.nextInt(20) - 4;
          assertEquals(expected.skip(count), actual.skip(count));
        }
        default -> assertEquals(expected.available(), actual.available());
      }
    }
    assertEquals(expected.available(), actual.available());
  }

  @Test
  void aDataStreamOverItDecodesWhatWasWritten() throws IOException {
    java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(written)) {
      out.writeInt(-123456789);
      out.writeUTF("dL/dz = (p − one_hot(y)) / B");
      out.writeLong(Long.MIN_VALUE + 1);
      out.writeBoolean(true);
    }
    DataInputStream in = new DataInputStream(new UnlockedByteInput(written.toByteArray()));
    assertEquals(-123456789, in.readInt());
    assertEquals("dL/dz = (p − one_hot(y)) / B", in.readUTF());
    assertEquals(Long.MIN_VALUE + 1, in.readLong());
    assertEquals(true, in.readBoolean());
    assertEquals(0, in.available());
    assertThrows(java.io.EOFException.class, in::readInt);
  }

  @Test
  void refusesATargetRangeOutsideTheArrayAsTheJdkStreamDoes() {
    InputStream input = new UnlockedByteInput(new byte[] {1, 2, 3});
    assertThrows(IndexOutOfBoundsException.class, () -> input.read(new byte[2], 1, 2));
    assertThrows(IndexOutOfBoundsException.class, () -> input.read(new byte[2], -1, 1));
    assertThrows(NullPointerException.class, () -> new UnlockedByteInput(null));
  }
}
