package io.github.gradproof.render;

import io.github.gradproof.quiz.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code {{expression}}} placeholders of a numeric question's explanation with one
 * variant's values ({@link Numbers#shown}). Each placeholder first becomes a token of letters and
 * digits that Markdown leaves alone, the text is rendered as any field is, and the tokens are then
 * replaced in the output: a value can never change the structure of the text (start a list,
 * close a code span) however it reads, and it lands inside code spans and links exactly where
 * the placeholder stood.
 */
final class PlaceholderFill {

  private static final Pattern ORDERED_MARKER_END = Pattern.compile("[.)](?=[ \\t\\r\\n]|$)");

  private final String source;
  private final List<String> shown = new ArrayList<>();
  private final String token;

  /**
   * @param text the explanation's Markdown in one language
   * @param values the variant's value of every placeholder expression, by the expression as the
   *     verifier keys it ({@link Placeholders#expression})
   * @throws IllegalArgumentException if a placeholder has no value (the verifier computes one
   *     for every placeholder it was given)
   */
  PlaceholderFill(String text, Map<String, Double> values) {
    String base = "gpvalue";
    while (text.contains(base)) {
      base += "q";
    }
    this.token = base;
    Matcher m = Placeholders.PATTERN.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      Double value = values.get(Placeholders.expression(m));
      if (value == null) {
        throw new IllegalArgumentException("no value for the placeholder " + m.group());
      }
      m.appendReplacement(out, token(shown.size()));
      shown.add(Numbers.shown(value));
    }
    m.appendTail(out);
    this.source = out.toString();
  }

  private String token(int i) {
    return token + i + "z";
  }

  /** The explanation as sanitised HTML, filled. */
  String html(MarkdownRenderer markdown) {
    String html = markdown.block(source);
    for (int i = 0; i < shown.size(); i++) {
      html = html.replace(token(i), Html.escape(shown.get(i)));
    }
    return html;
  }

  /** The explanation as safe Markdown for the mirror ({@link MirrorMarkdown}), filled. */
  String mirror() {
    String md = MirrorMarkdown.block(source);
    for (int i = 0; i < shown.size(); i++) {
      md = replaceInMirror(md, token(i), shown.get(i));
    }
    return md;
  }

  /**
   * Replaces a token by a value; a whole number at the start of a line followed by {@code .} or
   * {@code )} would start a list there, so that character is escaped.
   */
  private static String replaceInMirror(String md, String token, String value) {
    StringBuilder out = new StringBuilder(md.length());
    int from = 0;
    for (int at = md.indexOf(token); at >= 0; at = md.indexOf(token, from)) {
      out.append(md, from, at).append(value);
      from = at + token.length();
      if (value.matches("[0-9]{1,9}") && atLineStart(md, at)
          && ORDERED_MARKER_END.matcher(md).region(from, md.length()).lookingAt()) {
        out.append('\\');
      }
    }
    return out.append(md.substring(from)).toString();
  }

  /** Whether only spaces and block-quote markers stand between the line's start and {@code at}. */
  private static boolean atLineStart(String md, int at) {
    for (int i = at - 1; i >= 0; i--) {
      char c = md.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '>') {
        return false;
      }
    }
    return true;
  }
}
