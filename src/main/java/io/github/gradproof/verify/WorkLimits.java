package io.github.gradproof.verify;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much verifying one question may cost, estimated before any of it runs ({@link CostEstimate}):
 * a question over either limit is an authoring error at its costliest line.
 *
 * @param maxWork the most operations (multiply-adds or their equivalent) that verifying a question
 *     may take, over all its trials, gradients, finite-difference checks and claims
 * @param maxMemory the most bytes of tensors that one trial of a question may keep at once
 */
public record WorkLimits(long maxWork, long maxMemory) {

  /**
   * Default {@link #maxWork()}: 10^11 operations (multiply-adds or their equivalent,
   * {@link io.github.gradproof.claim.Cost}), between one and two minutes of this engine on one core.
   */
  public static final long DEFAULT_MAX_WORK = 100_000_000_000L;
  /** Default {@link #maxMemory()}: 256 MiB. */
  public static final long DEFAULT_MAX_MEMORY = 256L << 20;
  /** The default limits. */
  public static final WorkLimits DEFAULT = new WorkLimits(DEFAULT_MAX_WORK, DEFAULT_MAX_MEMORY);

  private static final Pattern WORK = Pattern.compile("[0-9]{1,19}(\\.[0-9]{1,18})?(e[0-9]{1,2})?");
  private static final Pattern BYTES = Pattern.compile("([0-9]{1,18})([kmgt]?)i?b?");

  public WorkLimits {
    if (maxWork < 1 || maxMemory < 1) {
      throw new IllegalArgumentException("work and memory limits must be positive, got " + maxWork + " and "
          + maxMemory);
    }
  }

  /**
   * Limits from their written forms, as {@code -Dgradproof.maxWork} and {@code -Dgradproof.maxMemory}
   * take them; {@code null} or blank keeps a default.
   *
   * @param work operations: a whole number, optionally with a fraction and an exponent
   *     ({@code 100000000000}, {@code 1e11}, {@code 1.5e10})
   * @param memory bytes: digits with an optional binary unit {@code k}, {@code m}, {@code g} or
   *     {@code t} ({@code 268435456}, {@code 256m}, {@code 1g}; {@code MiB}, {@code GB} read the same)
   * @throws IllegalArgumentException naming the property and the forms it takes
   */
  public static WorkLimits parse(String work, String memory) {
    return new WorkLimits(blank(work) ? DEFAULT_MAX_WORK : parseWork(work.trim()),
        blank(memory) ? DEFAULT_MAX_MEMORY : parseBytes(memory.trim()));
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static long parseWork(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    if (WORK.matcher(t).matches()) {
      BigDecimal v = new BigDecimal(t);
      boolean whole = v.stripTrailingZeros().scale() <= 0;
      if (whole && v.signum() > 0 && v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        return v.longValueExact();
      }
    }
    throw new IllegalArgumentException("maxWork '" + text + "' is not a whole positive number of operations such "
        + "as 100000000000, 1e11 or 1.5e10 (gradproof.maxWork)");
  }

  private static long parseBytes(String text) {
    Matcher m = BYTES.matcher(text.toLowerCase(Locale.ROOT));
    if (m.matches()) {
      int shift = 10 * "kmgt".indexOf(m.group(2).isEmpty() ? "_" : m.group(2)) + 10;
      long v = Long.parseLong(m.group(1));
      long bytes = m.group(2).isEmpty() ? v : v << shift;
      if (v >= 1 && (m.group(2).isEmpty() || v < 1L << (62 - shift))) {
        return bytes;
      }
    }
    throw new IllegalArgumentException("maxMemory '" + text + "' is not a positive size such as 268435456, 256m "
        + "or 1g (gradproof.maxMemory)");
  }

  /** As the build cache key names them, e.g. {@code maxWork=100000000000 maxMemory=268435456}. */
  @Override
  public String toString() {
    return "maxWork=" + maxWork + " maxMemory=" + maxMemory;
  }

  /** Bytes in binary units: {@code 1.4 GiB}, {@code 256 MiB}. */
  public static String bytes(double n) {
    String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < units.length - 1 && n >= 1024) {
      n /= 1024;
      u++;
    }
    String m = u == 0 || n >= 100 ? Long.toString(Math.round(n)) : String.format(Locale.ROOT, "%.1f", n);
    return (m.endsWith(".0") ? m.substring(0, m.length() - 2) : m) + " " + units[u];
  }
}
