package io.github.gradproof.site;

import java.util.Locale;
import org.jsoup.parser.Parser;

/**
 * A small, allocation-light reader of the start tags of an HTML page: for each start tag, its
 * name and its {@code id}, {@code href} and {@code src} attributes (names compared without case,
 * values entity-decoded, the first of duplicate attributes kept), with the 1-based line and column
 * of the tag's {@code <}. It builds no tree and copies only the three attributes it reports, so the
 * link checker can check thousands of pages cheaply.
 *
 * <p>It tokenizes as an HTML5 parser does: comments (including {@code <!-->} and {@code --!>}),
 * doctypes and processing instructions are skipped, end tags are read with their attributes and
 * ignored, a tag cut off by the end of the input is dropped, and the content of the raw-text
 * elements ({@code script}, {@code style}, {@code textarea}, {@code title}, {@code xmp},
 * {@code iframe}, {@code noembed}, {@code noframes}) runs to the matching end tag; after
 * {@code plaintext} nothing is markup. {@code TagScannerTest} checks it against Jsoup on generated
 * markup. Not modelled (gradproof's pages never need it): inside {@code svg} and {@code math} the
 * raw-text names are ordinary elements, and a script's {@code <!--<script>} escapes.
 */
final class TagScanner {

  /** Receives each start tag that has at least one of the reported attributes. */
  interface Visitor {
    void tag(String name, String id, String href, String src, int line, int column);
  }

  private static final String[] RAW_TEXT =
      {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};

  /**
   * The page's characters: indexing an array costs far less than {@code String.charAt} on a page
   * with any non-Latin-1 character (a bounds check per call in the build's C1-compiled code).
   */
  private final char[] html;
  private final int n;
  private final Visitor visitor;
  private int line = 1;
  private int lineStart;
  private int newline;
  /** The reported attributes of the tag being read. */
  private String id;
  private String href;
  private String src;

  private TagScanner(String html, Visitor visitor) {
    this.html = html.toCharArray();
    this.n = this.html.length;
    this.visitor = visitor;
    this.newline = newline(0);
  }

  static void scan(String html, Visitor visitor) {
    new TagScanner(html, visitor).run();
  }

  private void run() {
    int i = 0;
    while (i < n) {
      int lt = indexOf('<', i);
      if (lt < 0) {
        return;
      }
      i = markup(lt);
    }
  }

  /** Reads the markup that starts at {@code lt}; returns the index after it. */
  private int markup(int lt) {
    if (startsWith("<!--", lt)) {
      return comment(lt);
    }
    char next = lt + 1 < n ? at(lt + 1) : ' ';
    if (isAsciiLetter(next)) {
      return startTag(lt);
    }
    if (next == '/' && lt + 2 < n && isAsciiLetter(at(lt + 2))) {
      int end = attributes(tagNameEnd(lt + 2), false);
      return end < 0 ? n : end;
    }
    if (next == '!' || next == '?' || next == '/') {
      int close = indexOf('>', lt + 1); // a doctype or a bogus comment
      return close < 0 ? n : close + 1;
    }
    return lt + 1; // a '<' in text
  }

  /** A comment ends at the first {@code -->} or {@code --!>}; {@code <!-->} and {@code <!--->} are whole. */
  private int comment(int lt) {
    if (startsWith("<!-->", lt)) {
      return lt + 5;
    }
    if (startsWith("<!--->", lt)) {
      return lt + 6;
    }
    for (int dashes = indexOf("--", lt + 4); dashes >= 0; dashes = indexOf("--", dashes + 1)) {
      if (startsWith("-->", dashes)) {
        return dashes + 3;
      }
      if (startsWith("--!>", dashes)) {
        return dashes + 4;
      }
    }
    return n;
  }

  /** Reads the start tag at {@code lt}; returns the index after it (and after raw-text content). */
  private int startTag(int lt) {
    int nameEnd = tagNameEnd(lt + 1);
    id = null;
    href = null;
    src = null;
    int end = attributes(nameEnd, true);
    if (end < 0) {
      return n; // cut off by the end of the input: no tag at all
    }
    if (id != null || href != null || src != null) {
      advanceLinesTo(lt);
      String name = new String(html, lt + 1, nameEnd - lt - 1).toLowerCase(Locale.ROOT);
      visitor.tag(name, id, href, src, line, lt - lineStart + 1);
    }
    if (is(lt + 1, nameEnd, "plaintext")) {
      return n;
    }
    for (String raw : RAW_TEXT) {
      if (is(lt + 1, nameEnd, raw)) {
        return rawTextEnd(raw, end);
      }
    }
    return end;
  }

  private int tagNameEnd(int from) {
    int i = from;
    while (i < n && !isSpace(at(i)) && at(i) != '>' && at(i) != '/') {
      i++;
    }
    return i;
  }

  /**
   * Reads the attributes of a tag up to its {@code >}, keeping the reported ones when {@code keep};
   * returns the index after the {@code >}, or -1 when the input ends first.
   */
  private int attributes(int from, boolean keep) {
    int i = from;
    while (i < n) {
      char c = at(i);
      if (c == '>') {
        return i + 1;
      }
      i = isSpace(c) || c == '/' ? i + 1 : attribute(i, keep);
    }
    return -1;
  }

  /** Reads one attribute (its first character, even '=', starts its name); returns the index after it. */
  private int attribute(int start, boolean keep) {
    int i = start + 1;
    while (i < n && !endsAttributeName(at(i))) {
      i++;
    }
    int nameEnd = i;
    int j = skipSpaces(i);
    if (j >= n || at(j) != '=') {
      keep(keep, start, nameEnd, i, i); // no value: the empty string
      return i;
    }
    j = skipSpaces(j + 1);
    if (j < n && (at(j) == '"' || at(j) == '\'')) {
      int close = indexOf(at(j), j + 1);
      if (close < 0) {
        return n;
      }
      keep(keep, start, nameEnd, j + 1, close);
      return close + 1;
    }
    int k = j;
    while (k < n && !isSpace(at(k)) && at(k) != '>') {
      k++;
    }
    keep(keep, start, nameEnd, j, k);
    return k;
  }

  /** Keeps the first {@code id}, {@code href} and {@code src} of the tag, entity-decoded as Jsoup does. */
  private void keep(boolean keep, int nameStart, int nameEnd, int valueStart, int valueEnd) {
    if (!keep) {
      return;
    }
    if (id == null && is(nameStart, nameEnd, "id")) {
      id = value(valueStart, valueEnd);
    } else if (href == null && is(nameStart, nameEnd, "href")) {
      href = value(valueStart, valueEnd);
    } else if (src == null && is(nameStart, nameEnd, "src")) {
      src = value(valueStart, valueEnd);
    }
  }

  private String value(int start, int end) {
    String value = new String(html, start, end - start);
    return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
  }

  /** The start of the end tag of a raw-text element ({@code </name} then a space, '/' or '>'), or the end. */
  private int rawTextEnd(String name, int from) {
    for (int at = indexOf("</", from); at >= 0; at = indexOf("</", at + 2)) {
      int after = at + 2 + name.length();
      if (matchesIgnoringCase(at + 2, name)
          && (after == n || isSpace(at(after)) || at(after) == '/' || at(after) == '>')) {
        return at;
      }
    }
    return n;
  }

  private void advanceLinesTo(int position) {
    while (newline < position) {
      line++;
      lineStart = newline + 1;
      newline = newline(newline + 1);
    }
  }

  /** The index of the next line feed at or after {@code from}, or the length of the text. */
  private int newline(int from) {
    int at = indexOf('\n', from);
    return at < 0 ? n : at;
  }

  private int skipSpaces(int from) {
    int i = from;
    while (i < n && isSpace(at(i))) {
      i++;
    }
    return i;
  }

  private boolean is(int start, int end, String name) {
    return end - start == name.length() && matchesIgnoringCase(start, name);
  }

  private char at(int i) {
    return html[i];
  }

  /** The index of the first {@code c} at or after {@code from}, or -1. */
  private int indexOf(char c, int from) {
    for (int i = from; i < n; i++) {
      if (html[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the first {@code s} at or after {@code from}, or -1. */
  private int indexOf(String s, int from) {
    char first = s.charAt(0);
    for (int i = indexOf(first, from); i >= 0 && i + s.length() <= n; i = indexOf(first, i + 1)) {
      if (startsWith(s, i)) {
        return i;
      }
    }
    return -1;
  }

  private boolean startsWith(String s, int at) {
    if (at < 0 || at + s.length() > n) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (html[at + k] != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the text at {@code at} is the ASCII {@code name}, ignoring case (tag and attribute names). */
  private boolean matchesIgnoringCase(int at, String name) {
    if (at < 0 || at + name.length() > n) {
      return false;
    }
    for (int k = 0; k < name.length(); k++) {
      char c = html[at + k];
      if (c != name.charAt(k) && Character.toLowerCase(c) != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean endsAttributeName(char c) {
    return isSpace(c) || c == '=' || c == '>' || c == '/';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }
}
