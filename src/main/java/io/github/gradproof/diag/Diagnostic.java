package io.github.gradproof.diag;

/**
 * One problem found in the user's input, located and explained like a compiler error.
 *
 * <p>The formatted form is {@code file:line:column: message}, followed, when the source line is
 * known, by that line and a caret under the column.
 *
 * @param location where the problem is
 * @param message what is wrong and what to do, one paragraph, no trailing newline
 * @param sourceLine the text of the offending line, or {@code null} when unknown
 */
public record Diagnostic(SourceLocation location, String message, String sourceLine) {

  /** A diagnostic without a quoted source line. */
  public static Diagnostic at(SourceLocation location, String message) {
    return new Diagnostic(location, message, null);
  }

  /** Formats the diagnostic: the located message, then the source line and a caret if known. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(location).append(": ").append(message);
    if (sourceLine != null) {
      out.append('\n').append("    ").append(sourceLine.stripTrailing());
      out.append('\n').append("    ").append(caretIndent(sourceLine, location.column() - 1)).append('^');
    }
    return out.toString();
  }

  /**
   * What goes before the caret so that it sits under the {@code before + 1}-th code point of
   * {@code line} in a terminal: a tab for a tab, two spaces for a wide character (CJK, emoji),
   * nothing for a combining mark, a space for any other.
   */
  static String caretIndent(String line, int before) {
    StringBuilder indent = new StringBuilder();
    int i = 0;
    for (int n = 0; n < before; n++) {
      if (i >= line.length()) {
        indent.append(' ');
        continue;
      }
      int cp = line.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (cp == '\t') {
        indent.append('\t');
      } else if (isWide(cp)) {
        indent.append("  ");
      } else if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK) {
        indent.append(' ');
      }
    }
    return indent.toString();
  }

  /** Whether a terminal shows the code point two columns wide (East Asian wide and full-width forms, emoji). */
  private static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  @Override
  public String toString() {
    return format();
  }
}
