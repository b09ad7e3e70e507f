package io.github.gradproof.site;

import org.jsoup.parser.Parser;

/**
 * A small, allocation-light reader of the start tags of an HTML page: for each start tag, its
 * name and its {@code id}, {@code href} and {@code src} attributes (names compared without case,
 * values entity-decoded, the first of duplicate attributes kept, as Jsoup does), with the 1-based
 * line and column of the tag's {@code <}. Comments, doctypes, end tags and the raw text of
 * {@code script}, {@code style}, {@code textarea} and {@code title} are skipped. It builds no
 * tree and copies only the three attributes it reports, so the link checker can check thousands
 * of pages cheaply. A test compares it with Jsoup.
 */
final class TagScanner {

  /** Receives each start tag that has at least one of the reported attributes. */
  interface Visitor {
    void tag(String name, String id, String href, String src, int line, int column);
  }

  private TagScanner() {}

  static void scan(String html, Visitor visitor) {
    int n = html.length();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    int newline = newline(html, 0);
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      while (newline < lt) {
        line++;
        lineStart = newline + 1;
        newline = newline(html, newline + 1);
      }
      int end;
      if (html.startsWith("<!--", lt)) {
        int close = html.indexOf("-->", lt + 4);
        end = close < 0 ? n : close + 3;
      } else if (lt + 1 < n && (html.charAt(lt + 1) == '!' || html.charAt(lt + 1) == '?' || html.charAt(lt + 1) == '/')) {
        int close = html.indexOf('>', lt + 1);
        end = close < 0 ? n : close + 1;
      } else if (lt + 1 < n && isAsciiLetter(html.charAt(lt + 1))) {
        end = startTag(html, lt, line, lt - lineStart + 1, visitor);
      } else {
        end = lt + 1;
      }
      while (newline < end) {
        line++;
        lineStart = newline + 1;
        newline = newline(html, newline + 1);
      }
      i = end;
    }
  }

  /** The index of the next line feed at or after {@code from}, or the length of the text. */
  private static int newline(String html, int from) {
    int at = html.indexOf('\n', from);
    return at < 0 ? html.length() : at;
  }

  /** Reads one start tag at {@code lt}; returns the index after it (and after raw text content). */
  private static int startTag(String html, int lt, int line, int column, Visitor visitor) {
    int n = html.length();
    int i = lt + 1;
    int nameStart = i;
    while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>' && html.charAt(i) != '/') {
      i++;
    }
    int nameEnd = i;
    String id = null;
    String href = null;
    String src = null;
    while (i < n) {
      char c = html.charAt(i);
      if (isSpace(c) || c == '/') {
        i++;
        continue;
      }
      if (c == '>') {
        i++;
        break;
      }
      int attrStart = i;
      while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '>'
          && html.charAt(i) != '/') {
        i++;
      }
      int which = which(html, attrStart, i - attrStart);
      int j = i;
      while (j < n && isSpace(html.charAt(j))) {
        j++;
      }
      int valueStart = i;
      int valueEnd = i;
      if (j < n && html.charAt(j) == '=') {
        j++;
        while (j < n && isSpace(html.charAt(j))) {
          j++;
        }
        if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
          int close = html.indexOf(html.charAt(j), j + 1);
          close = close < 0 ? n : close;
          valueStart = j + 1;
          valueEnd = close;
          i = Math.min(n, close + 1);
        } else {
          int k = j;
          while (k < n && !isSpace(html.charAt(k)) && html.charAt(k) != '>') {
            k++;
          }
          valueStart = j;
          valueEnd = k;
          i = k;
        }
      }
      if (which == 1 && id == null) {
        id = value(html, valueStart, valueEnd);
      } else if (which == 2 && href == null) {
        href = value(html, valueStart, valueEnd);
      } else if (which == 3 && src == null) {
        src = value(html, valueStart, valueEnd);
      }
    }
    boolean rawText = is(html, nameStart, nameEnd, "script") || is(html, nameStart, nameEnd, "style")
        || is(html, nameStart, nameEnd, "textarea") || is(html, nameStart, nameEnd, "title");
    if (id != null || href != null || src != null) {
      visitor.tag(html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT), id, href, src, line, column);
    }
    if (rawText) {
      String close = "</" + html.substring(nameStart, nameEnd);
      int at = indexOfIgnoreCase(html, close, i);
      return at < 0 ? n : at;
    }
    return i;
  }

  /** 1 for {@code id}, 2 for {@code href}, 3 for {@code src}, 0 for any other attribute name. */
  private static int which(String html, int start, int length) {
    if (length == 2 && html.regionMatches(true, start, "id", 0, 2)) {
      return 1;
    }
    if (length == 4 && html.regionMatches(true, start, "href", 0, 4)) {
      return 2;
    }
    if (length == 3 && html.regionMatches(true, start, "src", 0, 3)) {
      return 3;
    }
    return 0;
  }

  private static String value(String html, int start, int end) {
    String value = html.substring(start, end);
    return value.indexOf('&') >= 0 ? Parser.unescapeEntities(value, true) : value;
  }

  private static boolean is(String html, int start, int end, String name) {
    return end - start == name.length() && html.regionMatches(true, start, name, 0, name.length());
  }

  private static int indexOfIgnoreCase(String html, String needle, int from) {
    char first = needle.charAt(0);
    for (int i = html.indexOf(first, from); i >= 0 && i <= html.length() - needle.length();
        i = html.indexOf(first, i + 1)) {
      if (html.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
  }
}
