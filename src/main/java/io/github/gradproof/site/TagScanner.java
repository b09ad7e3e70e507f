package io.github.gradproof.site;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jsoup.parser.Parser;

/**
 * A small, allocation-light reader of the start tags of an HTML page: tag name and attributes
 * (names lowercased, values entity-decoded, the first of duplicate attributes kept, as Jsoup
 * does), with the 1-based line and column of each tag's {@code <}. Comments, doctypes, end tags
 * and the raw text of {@code script}, {@code style}, {@code textarea} and {@code title} are
 * skipped. It builds no tree, so the link checker can check thousands of pages cheaply.
 */
final class TagScanner {

  /** Receives each start tag. */
  interface Visitor {
    void tag(String name, Map<String, String> attributes, int line, int column);
  }

  private TagScanner() {}

  static void scan(String html, Visitor visitor) {
    int n = html.length();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < n) {
      int lt = html.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      for (int k = i; k < lt; k++) {
        if (html.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = lt;
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
      for (int k = i; k < end && k < n; k++) {
        if (html.charAt(k) == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      i = end;
    }
  }

  /** Reads one start tag at {@code lt}; returns the index after it (and after raw text content). */
  private static int startTag(String html, int lt, int line, int column, Visitor visitor) {
    int n = html.length();
    int i = lt + 1;
    int nameStart = i;
    while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>' && html.charAt(i) != '/') {
      i++;
    }
    String name = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
    Map<String, String> attributes = new LinkedHashMap<>();
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
      String attr = html.substring(attrStart, i).toLowerCase(Locale.ROOT);
      int j = i;
      while (j < n && isSpace(html.charAt(j))) {
        j++;
      }
      String value = "";
      if (j < n && html.charAt(j) == '=') {
        j++;
        while (j < n && isSpace(html.charAt(j))) {
          j++;
        }
        if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
          char quote = html.charAt(j);
          int close = html.indexOf(quote, j + 1);
          close = close < 0 ? n : close;
          value = html.substring(j + 1, close);
          i = Math.min(n, close + 1);
        } else {
          int k = j;
          while (k < n && !isSpace(html.charAt(k)) && html.charAt(k) != '>') {
            k++;
          }
          value = html.substring(j, k);
          i = k;
        }
      }
      if (value.indexOf('&') >= 0) {
        value = Parser.unescapeEntities(value, true);
      }
      attributes.putIfAbsent(attr, value);
    }
    visitor.tag(name, attributes, line, column);
    if (name.equals("script") || name.equals("style") || name.equals("textarea") || name.equals("title")) {
      int close = indexOfIgnoreCase(html, "</" + name, i);
      return close < 0 ? n : close;
    }
    return i;
  }

  private static int indexOfIgnoreCase(String html, String needle, int from) {
    for (int i = from; i <= html.length() - needle.length(); i++) {
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
