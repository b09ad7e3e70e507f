package io.github.gradproof.render;

import java.util.Formatter;
import java.util.Locale;

/**
 * {@link String#format(Locale, String, Object...)} with {@link Locale#ROOT}, same output, without a
 * new {@link Formatter} (and its locale look-ups) per number: one formatter per thread is reused.
 * Numbers are formatted tens of times per question, so this shows in profiles.
 */
final class Formats {

  private static final ThreadLocal<Formats> PER_THREAD = ThreadLocal.withInitial(Formats::new);

  private static final int SLOTS = 512;

  private final StringBuilder buffer = new StringBuilder(32);
  private final Formatter formatter = new Formatter(buffer, Locale.ROOT);
  /** A direct-mapped memo of recent results: each error figure is shown on two pages and two mirrors. */
  private final String[] patterns = new String[SLOTS];
  private final long[] bits = new long[SLOTS];
  private final String[] results = new String[SLOTS];

  private Formats() {}

  /** {@code String.format(Locale.ROOT, pattern, value)}; {@code pattern} must be a constant (compared by identity). */
  static String root(String pattern, double value) {
    Formats f = PER_THREAD.get();
    long key = Double.doubleToRawLongBits(value);
    int slot = (int) ((key ^ (key >>> 29) ^ (key >>> 43) ^ pattern.hashCode()) & (SLOTS - 1));
    if (f.patterns[slot] == pattern && f.bits[slot] == key) {
      return f.results[slot];
    }
    f.buffer.setLength(0);
    f.formatter.format(Locale.ROOT, pattern, value);
    String result = f.buffer.toString();
    f.patterns[slot] = pattern;
    f.bits[slot] = key;
    f.results[slot] = result;
    return result;
  }
}
