package io.github.gradproof.site;

import java.io.InputStream;
import java.util.Objects;

/**
 * An input stream over a byte array, like {@link java.io.ByteArrayInputStream} without its locks.
 * {@code ByteArrayInputStream.read()} is synchronized, and a {@link java.io.DataInputStream} calls it
 * for every byte of every number and string length it reads: decoding the first parts of a
 * thousand cache entries made millions of those calls, and taking the uncontended lock each time
 * was the largest single cost of a one-phase rebuild's cache reads. One thread reads each array.
 */
final class UnlockedByteInput extends InputStream {

  private final byte[] bytes;
  private int position;

  UnlockedByteInput(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public int read() {
    return position < bytes.length ? bytes[position++] & 0xff : -1;
  }

  @Override
  public int read(byte[] target, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, target.length);
    int left = bytes.length - position;
    if (left <= 0) {
      return -1; // even for length 0, as the JDK's stream answers
    }
    int count = Math.min(length, left);
    System.arraycopy(bytes, position, target, offset, count);
    position += count;
    return count;
  }

  @Override
  public long skip(long count) {
    long skipped = Math.max(0, Math.min(count, bytes.length - position));
    position += (int) skipped;
    return skipped;
  }

  @Override
  public int available() {
    return bytes.length - position;
  }
}
