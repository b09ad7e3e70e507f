package io.github.gradproof.render;

/**
 * The fast path of {@link MarkdownRenderer}: renders the common one-line field (plain words and
 * punctuation with single-backtick code spans and simple emphasis) directly, producing exactly the
 * bytes that the flexmark parse plus Jsoup clean would produce. Anything else (other emphasis,
 * links, escapes, raw HTML, entities, tables, several lines, leading block markers) returns
 * {@code null}, and the caller takes the full path. The equivalence is checked by a property test
 * over random fields.
 *
 * <p>Simple emphasis is {@code *words*} or {@code **words**} whose opening run starts the field or
 * follows a space and is followed by an ASCII letter or digit, and whose closing run (of the same
 * length) follows an ASCII letter or digit and ends the field or is followed by a space or one of
 * {@code . , ; : ? ! )}; the words between are text with single spaces. Such runs can only open and
 * only close (CommonMark's flanking rules), so they always pair as written. An underscore between
 * two ASCII letters or digits ({@code one_hot}) can neither open nor close emphasis, so it is text.
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
      if (c == '*') {
        i = emphasis(md, i, out);
        if (i < 0) {
          return null;
        }
        previous = '*';
        continue;
      }
      if (c == '_' ? !intraword(md, i) : c == ' ' ? previous == ' ' : !textChar(c)) {
        return null;
      }
      out.append(c);
      previous = c;
      i++;
    }
    return out.toString();
  }

  /**
   * Writes the simple emphasis (see the class comment) that opens at {@code i}; returns the index
   * after its closing run, or -1 when it is not simple emphasis.
   */
  private static int emphasis(String md, int i, StringBuilder out) {
    int n = md.length();
    int run = i + 1 < n && md.charAt(i + 1) == '*' ? 2 : 1;
    int from = i + run;
    if (i > 0 && md.charAt(i - 1) != ' ' || from >= n || !isAsciiLetterOrDigit(md.charAt(from))) {
      return -1;
    }
    int close = md.indexOf('*', from);
    int after = close + run;
    if (close < 0 || after > n || run == 2 && md.charAt(close + 1) != '*'
        || after < n && " .,;:?!)".indexOf(md.charAt(after)) < 0
        || !isAsciiLetterOrDigit(md.charAt(close - 1))) {
      return -1;
    }
    String tag = run == 2 ? "strong>" : "em>";
    out.append('<').append(tag);
    for (int j = from; j < close; j++) {
      char k = md.charAt(j);
      if (k == '_' ? !intraword(md, j) : k == ' ' ? md.charAt(j - 1) == ' ' : !textChar(k)) {
        return -1;
      }
      out.append(k);
    }
    out.append("</").append(tag);
    return after;
  }

  /** An underscore between two ASCII letters or digits: text, never emphasis. */
  static boolean intraword(String md, int i) {
    return i > 0 && i + 1 < md.length() && isAsciiLetterOrDigit(md.charAt(i - 1))
        && isAsciiLetterOrDigit(md.charAt(i + 1));
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /**
   * The plain text of a field handled by {@link #inlineHtml}: its words with code spans
   * unwrapped, or {@code null}.
   */
  static String plainText(String md) {
    if (inlineHtml(md) == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(md.length());
    boolean inCode = false;
    for (int i = 0; i < md.length(); i++) {
      char c = md.charAt(i);
      if (c == '`') {
        inCode = !inCode;
      } else if (c != '*' || inCode) { // outside code, every '*' the fast path takes is a delimiter
        text.append(c);
      }
    }
    return text.indexOf("  ") >= 0 ? null : text.toString();
  }

  /** Not a character that can open a block (heading, quote, list, rule, fence, table). */
  private static boolean safeStart(char c) {
    if (c == '`' || c == '*') {
      return true; // a code span, or emphasis: a '*' that opens no simple emphasis is refused where it stands
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
