package io.github.gradproof.render;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which links quiz text may carry, the same on the HTML pages (where Jsoup's safelist in
 * {@link MarkdownRenderer} applies it) and in the Markdown mirrors ({@link MirrorMarkdown}): a link
 * is kept when its destination is relative or uses {@code http}, {@code https} or {@code mailto};
 * anything else ({@code javascript:}, {@code data:}, {@code vbscript:}, {@code file:}, ...) loses
 * its destination and keeps its text. Images are never kept: a page loads nothing from the
 * network and quiz text brings no files of its own.
 *
 * <p>The scheme is read the way a browser reads it: character references and backslash escapes
 * already decoded by the Markdown parser, leading and trailing spaces and controls dropped, tabs and
 * line breaks inside removed ({@code java\tscript:} is {@code javascript:}).
 */
public final class LinkPolicy {

  private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto");
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

  private LinkPolicy() {}

  /**
   * The destination as a browser would follow it, or {@code null} when the link must lose it.
   *
   * @param url the destination with escapes and character references decoded
   */
  public static String allowedHref(String url) {
    String cleaned = clean(url);
    Matcher scheme = SCHEME.matcher(cleaned);
    if (scheme.find()) {
      return ALLOWED_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT)) ? cleaned : null;
    }
    // A colon before any '/', '?' or '#' that does not make a valid scheme ("1x:y", "a b:c") is
    // still read as one by some browsers: refuse rather than guess.
    int colon = cleaned.indexOf(':');
    if (colon >= 0 && firstOf(cleaned, "/?#") > colon) {
      return null;
    }
    return cleaned;
  }

  /** Whether quiz text may show images: never (see the class comment). */
  public static boolean imagesAllowed() {
    return false;
  }

  /** Drops what the URL standard drops: C0 controls and spaces around, tabs and newlines inside. */
  private static String clean(String url) {
    int start = 0;
    int end = url.length();
    while (start < end && url.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && url.charAt(end - 1) <= ' ') {
      end--;
    }
    StringBuilder out = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = url.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static int firstOf(String text, String chars) {
    int first = text.length();
    for (char c : chars.toCharArray()) {
      int at = text.indexOf(c);
      if (at >= 0 && at < first) {
        first = at;
      }
    }
    return first;
  }
}
