package io.github.gradproof.render;

import java.io.Writer;

/** An unsynchronised {@link Writer} into a {@link StringBuilder} (StringWriter locks per call). */
final class StringBuilderWriter extends Writer {

  private final StringBuilder out;

  StringBuilderWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  @Override
  public void write(int c) {
    out.append((char) c);
  }

  @Override
  public void write(char[] chars, int offset, int length) {
    out.append(chars, offset, length);
  }

  @Override
  public void write(String s, int offset, int length) {
    out.append(s, offset, offset + length);
  }

  @Override
  public Writer append(CharSequence s) {
    out.append(s);
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}

  @Override
  public String toString() {
    return out.toString();
  }
}
