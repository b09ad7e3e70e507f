package io.github.gradproof.render;

import java.util.Locale;

/**
 * A small streaming JSON writer with stable, locale-free output: two-space indentation, keys in
 * the order written, doubles as {@link Numbers#json} writes them (identical on every JVM, unlike
 * {@code Double.toString}, whose algorithm changed in JDK 19). The only JSON escaper.
 */
final class Json {

  private final StringBuilder out = new StringBuilder(64 * 1024);
  private int depth;
  private boolean needComma;

  Json() {}

  /** A writer of a fragment that will sit at nesting {@code depth} of a larger document. */
  Json(int depth) {
    this.depth = depth;
  }

  /** The text written so far, without the final newline of {@link #toString()}. */
  String fragment() {
    return out.toString();
  }

  Json beginObject() {
    value();
    out.append('{');
    depth++;
    needComma = false;
    return this;
  }

  Json endObject() {
    return close('}');
  }

  Json beginArray() {
    value();
    out.append('[');
    depth++;
    needComma = false;
    return this;
  }

  Json endArray() {
    return close(']');
  }

  Json name(String name) {
    value();
    string(name);
    out.append(": ");
    needComma = false;
    skipIndent = true;
    return this;
  }

  Json value(String s) {
    value();
    if (s == null) {
      out.append("null");
    } else {
      string(s);
    }
    needComma = true;
    return this;
  }

  Json value(long n) {
    value();
    out.append(n);
    needComma = true;
    return this;
  }

  Json value(boolean b) {
    value();
    out.append(b);
    needComma = true;
    return this;
  }

  /** A double; NaN and infinities (not JSON) become {@code null}. */
  Json value(double d) {
    value();
    String number = Numbers.json(d);
    out.append(number == null ? "null" : number);
    needComma = true;
    return this;
  }

  /** A number already written as JSON by {@link Numbers#exact} ({@code null} for NaN and infinities). */
  Json exact(double d) {
    value();
    String number = Numbers.exact(d);
    out.append(number == null ? "null" : number);
    needComma = true;
    return this;
  }

  Json field(String name, String s) {
    return name(name).value(s);
  }

  Json field(String name, long n) {
    return name(name).value(n);
  }

  Json field(String name, double d) {
    return name(name).value(d);
  }

  Json field(String name, boolean b) {
    return name(name).value(b);
  }

  @Override
  public String toString() {
    return out + "\n";
  }

  private boolean skipIndent;

  private void value() {
    if (skipIndent) {
      skipIndent = false;
      return;
    }
    if (needComma) {
      out.append(',');
    }
    if (depth > 0) {
      out.append('\n').append("  ".repeat(depth));
    }
  }

  private Json close(char bracket) {
    depth--;
    if (needComma) {
      out.append('\n').append("  ".repeat(depth));
    }
    out.append(bracket);
    needComma = true;
    return this;
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
