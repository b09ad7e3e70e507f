package io.github.gradproof.render;

import java.util.regex.Pattern;

/**
 * The escaper for the Markdown the generator writes (the mirrors under {@code site/md/}): quiz
 * text keeps its Markdown but no raw HTML, claims become code spans, and table cells stay cells.
 */
final class MarkdownText {

  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");

  private MarkdownText() {}

  /** Escapes {@code <}, {@code >} and {@code &} outside backtick code spans, so raw HTML shows as text. */
  static String escapeHtml(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length() + 16);
    int i = 0;
    while (i < markdown.length()) {
      char c = markdown.charAt(i);
      if (c == '`') {
        int run = 0;
        while (i + run < markdown.length() && markdown.charAt(i + run) == '`') {
          run++;
        }
        String fence = "`".repeat(run);
        int close = markdown.indexOf(fence, i + run);
        int end = close < 0 ? i + run : close + run;
        out.append(markdown, i, end);
        i = end;
        continue;
      }
      Html.appendText(out, c);
      i++;
    }
    return out.toString();
  }

  /** Inline code that survives backticks inside the text. */
  static String code(String text) {
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }

  /** Text that stays inside one table cell: its pipes escaped. */
  static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** The text on one line: surrounding blanks stripped, line breaks and their indentation become one space. */
  static String oneLine(String markdown) {
    String stripped = markdown.strip();
    return stripped.indexOf('\n') < 0 ? stripped : LINE_BREAK.matcher(stripped).replaceAll(" ");
  }
}
