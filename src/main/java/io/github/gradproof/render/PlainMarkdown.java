package io.github.gradproof.render;

/**
 * The fast path of {@link MarkdownRenderer}: renders the common one-line field (plain words and
 * punctuation with single-backtick code spans) directly, producing exactly the bytes that the
 * flexmark parse plus Jsoup clean would produce. Anything else (emphasis, links, escapes, raw
 * HTML, entities, tables, several lines, leading block markers) returns {@code null}, and the
 * caller takes the full path. The equivalence is checked by a property test over random fields.
 */
final class PlainMarkdown {

  private PlainMarkdown() {}

  /**
   * The HTML of a one-paragraph field without its {@code <p>} wrapper, or {@code null} when the
   * field needs the full Markdown parser.
   */
  static String inlineHtml(String md) {
    int n = md.length();
    if (n == 0 || !safeStart(md.charAt(0)) || md.charAt(n - 1) == ' ') {
      return null;
    }
    StringBuilder out = new StringBuilder(n + 32);
    int i = 0;
    char previous = 0;
    while (i < n) {
      char c = md.charAt(i);
      if (c == '`') {
        if (i + 1 < n && md.charAt(i + 1) == '`') {
          return null;
        }
        int close = md.indexOf('`', i + 1);
        if (close < 0 || close == i + 1 || (close + 1 < n && md.charAt(close + 1) == '`')) {
          return null;
        }
        if (md.charAt(i + 1) == ' ' || md.charAt(close - 1) == ' ') {
          return null;
        }
        out.append("<code>");
        for (int j = i + 1; j < close; j++) {
          char k = md.charAt(j);
          if (!printable(k) || (k == ' ' && md.charAt(j - 1) == ' ')) {
            return null;
          }
          Html.appendText(out, k);
        }
        out.append("</code>");
        i = close + 1;
        previous = '`';
        continue;
      }
      if (c == ' ' ? previous == ' ' : !textChar(c)) {
        return null;
      }
      out.append(c);
      previous = c;
      i++;
    }
    return out.toString();
  }

  /**
   * The plain text of a field handled by {@link #inlineHtml}: its words with code spans
   * unwrapped, or {@code null}.
   */
  static String plainText(String md) {
    if (inlineHtml(md) == null) {
      return null;
    }
    String text = md.replace("`", "");
    return text.contains("  ") ? null : text;
  }

  /** Not a character that can open a block (heading, quote, list, rule, fence, table). */
  private static boolean safeStart(char c) {
    if (c == '`') {
      return true;
    }
    return c != ' ' && textChar(c) && !(c >= '0' && c <= '9') && "-+=".indexOf(c) < 0;
  }

  /** A character that flexmark passes through as text and Jsoup writes back unescaped. */
  private static boolean textChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '
          || ".,;:?!()'\"/-+=%@^{}$".indexOf(c) >= 0;
    }
    return printable(c) && c != '\u00a0' && !Character.isWhitespace(c) && !Character.isSpaceChar(c);
  }

  /** Visible text: no controls, format characters, surrogates or private use. */
  private static boolean printable(char c) {
    if (c < 0x20 || c == 0x7f) {
      return false;
    }
    if (c < 0x80) {
      return true;
    }
    int type = Character.getType(c);
    return type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED && c != '\u00a0'
        && !Character.isSpaceChar(c) && c != '\ufffd';
  }
}
