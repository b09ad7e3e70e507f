package io.github.gradproof.render;

/**
 * The escaper for HTML and XML the generator writes itself (pages, MathML, SVG): one place decides
 * which characters become references.
 */
public final class Html {

  private Html() {}

  /** Escapes {@code & < > "} and {@code '} so the text is safe in content and in quoted attributes. */
  public static String escape(String text) {
    int first = 0;
    while (first < text.length() && !needsReference(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text; // most template values: nothing to escape, nothing to copy
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> appendText(out, c);
      }
    }
    return out.toString();
  }

  private static boolean needsReference(char c) {
    return c == '&' || c == '<' || c == '>' || c == '"' || c == '\'';
  }

  /**
   * Appends {@code text} as element content, escaping only {@code & < >}: what an HTML serializer
   * such as Jsoup writes for text, and all that element content needs.
   */
  static void appendText(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      appendText(out, text.charAt(i));
    }
  }

  /** Appends one character of element content, escaped as {@link #appendText(StringBuilder, CharSequence)} does. */
  static void appendText(StringBuilder out, char c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      default -> out.append(c);
    }
  }
}
