package io.github.gradproof.verify;

/**
 * Why a claim is false, in a form each page language can phrase: a kind (translated by the UI
 * strings, key {@code reason.<kind>}) and a language-neutral detail such as
 * {@code (4, 3) ≠ (3,)}.
 *
 * @param kind what went wrong
 * @param detail symbols and numbers only, identical in every language
 */
public record Reason(Kind kind, String detail) {

  /** The kinds of failure a claim can have. */
  public enum Kind {
    /** The claimed value has another shape than the true one. */
    SHAPE,
    /** Same shape, values differ beyond tolerance. */
    VALUE,
    /** Two shapes cannot broadcast together. */
    BROADCAST,
    /** A reshape to an incompatible size. */
    RESHAPE,
    /** Matmul with mismatched inner dimensions. */
    MATMUL,
    /** Any other operation undefined on these operands (e.g. axis out of range). */
    DOMAIN,
    /** A comparison claim that evaluated to false. */
    COMPARISON;

    /** The key suffix used in UI strings, e.g. {@code shape}. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
