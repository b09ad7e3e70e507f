package io.github.gradproof.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A short text for readers made of plain words, code ({@code B @ dC.T}) and numbers, written out
 * for each output language: HTML with {@code <code>} (and numbers that do not break across lines),
 * Markdown with backticks, or plain text. Reasons and
 * the proof's summary line are phrases: their words come from UI strings with {@code {name}}
 * placeholders, and the values put in them (code, shapes, numbers) are phrases too.
 */
final class Phrase {

  /** What a run of text is. */
  private enum Kind { WORDS, CODE, NUMBER }

  /** One run of text. */
  private record Part(String text, Kind kind) {}

  private final List<Part> parts;

  private Phrase(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  /** Plain words. */
  static Phrase text(String words) {
    return new Phrase(List.of(new Part(words, Kind.WORDS)));
  }

  /** A number that must not break across lines ({@code 6.1e-11}). */
  static Phrase number(String number) {
    return new Phrase(List.of(new Part(number, Kind.NUMBER)));
  }

  /** Code, as written in a claim. */
  static Phrase code(String code) {
    return new Phrase(List.of(new Part(code, Kind.CODE)));
  }

  /**
   * A UI string with each {@code {name}} replaced by {@code values.get(name)}; a placeholder with
   * no value is kept as written, so a mistake in a translated string shows on the page.
   */
  static Phrase fill(String template, Map<String, Phrase> values) {
    List<Part> parts = new ArrayList<>();
    int from = 0;
    for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
      int close = placeholderEnd(template, open);
      if (close < 0) {
        continue;
      }
      parts.add(new Part(template.substring(from, open), Kind.WORDS));
      Phrase value = values.get(template.substring(open + 1, close));
      parts.addAll(value == null ? List.of(new Part(template.substring(open, close + 1), Kind.WORDS)) : value.parts);
      from = close + 1;
      open = close;
    }
    parts.add(new Part(template.substring(from), Kind.WORDS));
    return new Phrase(parts);
  }

  /**
   * The index of the {@code }}} that closes a placeholder {@code {name}} opened at {@code open}
   * ({@code name} one or more of {@code [A-Za-z0-9_]}), or -1. A hand-written scan: the regular
   * expression it replaces ({@code \{(\w+)}}) was a tenth of rendering's own time in a large build.
   */
  private static int placeholderEnd(String template, int open) {
    int i = open + 1;
    while (i < template.length() && isWordChar(template.charAt(i))) {
      i++;
    }
    return i > open + 1 && i < template.length() && template.charAt(i) == '}' ? i : -1;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** This phrase followed by {@code next}. */
  Phrase then(Phrase next) {
    List<Part> joined = new ArrayList<>(parts);
    joined.addAll(next.parts);
    return new Phrase(joined);
  }

  /** HTML: words escaped, code in {@code <code>}, numbers kept on one line. */
  String html() {
    StringBuilder out = new StringBuilder();
    for (Part part : merged()) {
      String text = Html.escape(part.text());
      out.append(switch (part.kind()) {
        case CODE -> "<code>" + text + "</code>";
        case NUMBER -> "<span class=\"nowrap\">" + text + "</span>";
        case WORDS -> text;
      });
    }
    return out.toString();
  }

  /** Markdown: words with raw HTML escaped, code in backticks. */
  String markdown() {
    return markdown(false);
  }

  /** The phrase as Markdown for a table cell, where {@code |} must be escaped even in code. */
  String cellMarkdown() {
    return markdown(true);
  }

  private String markdown(boolean inTable) {
    StringBuilder out = new StringBuilder();
    for (Part part : merged()) {
      if (part.kind() == Kind.CODE) {
        out.append(inTable ? MirrorMarkdown.cellCode(part.text()) : MirrorMarkdown.code(part.text()));
      } else {
        out.append(MirrorMarkdown.text(part.text()));
      }
    }
    return out.toString();
  }

  /** Plain text, code as it is. */
  String plain() {
    StringBuilder out = new StringBuilder();
    parts.forEach(p -> out.append(p.text()));
    return out.toString();
  }

  /** Adjacent runs of the same kind joined, empty runs dropped. */
  private List<Part> merged() {
    List<Part> out = new ArrayList<>();
    for (Part part : parts) {
      if (part.text().isEmpty()) {
        continue;
      }
      int last = out.size() - 1;
      if (last >= 0 && out.get(last).kind() == part.kind() && part.kind() != Kind.NUMBER) {
        out.set(last, new Part(out.get(last).text() + part.text(), part.kind()));
      } else {
        out.add(part);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return plain();
  }
}
