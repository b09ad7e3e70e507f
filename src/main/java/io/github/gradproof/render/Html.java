package io.github.gradproof.render;

/** Minimal HTML/XML text escaping for markup the generator writes itself. */
public final class Html {

  private Html() {}

  /** Escapes {@code & < > "} and {@code '} so the text is safe in content and attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
