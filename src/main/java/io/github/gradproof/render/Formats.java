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

  private final StringBuilder buffer = new StringBuilder(32);
  private final Formatter formatter = new Formatter(buffer, Locale.ROOT);

  private Formats() {}

  /** {@code String.format(Locale.ROOT, pattern, value)}. */
  static String root(String pattern, double value) {
    Formats f = PER_THREAD.get();
    f.buffer.setLength(0);
    f.formatter.format(Locale.ROOT, pattern, value);
    return f.buffer.toString();
  }
}
