package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The placeholders of a numeric question's explanation: {@code {{expression}}}, an expression of
 * the claim language between double braces on one line, filled with its value in the variant
 * shown. Double braces mean nothing in Markdown or in the claim language, so a placeholder never
 * collides with either; {@code \{{} (Markdown's escaped brace) writes two literal braces.
 */
public final class Placeholders {

  /** A placeholder; group 1 is the expression as written between the braces. */
  public static final Pattern PATTERN = Pattern.compile("(?<!\\\\)\\{\\{([^{}\\r\\n]*)\\}\\}");
  private static final Pattern OPENING = Pattern.compile("(?<!\\\\)\\{\\{");

  private Placeholders() {}

  /** The expression of a placeholder match, as the verifier keys its value: group 1, stripped. */
  public static String expression(Matcher match) {
    return match.group(1).strip();
  }

  /**
   * Every placeholder of a localized field's languages, located in the file, or {@code null} when
   * a problem was reported (an empty placeholder, or an opening {@code {{} without its closing
   * {@code }}} on the same line).
   *
   * @param node the field's value: a map from language to text, already checked by the reader
   * @param field how messages name the field
   */
  static List<NumericSpec.Placeholder> read(NodeReader reader, Localized text, Node node, String field) {
    List<NumericSpec.Placeholder> out = new ArrayList<>();
    boolean ok = true;
    for (String language : text.texts().keySet()) {
      ScalarNode scalar = valueOf(node, language);
      String value = text.in(language);
      Cursor cursor = new Cursor(reader, scalar);
      Matcher m = PATTERN.matcher(value);
      int end = 0;
      while (m.find()) {
        ok &= unclosed(reader, cursor, value.substring(end, m.start()), field, language);
        SourceSpan located = cursor.find(m.group(), m.group(1));
        end = m.end();
        if (expression(m).isEmpty()) {
          reader.error(located.location(), "an empty placeholder {{}} in the '" + language + "' text of " + field
              + "; write an expression between the braces, e.g. {{answer}}, or remove it");
          ok = false;
          continue;
        }
        out.add(new NumericSpec.Placeholder(language, located));
      }
      ok &= unclosed(reader, cursor, value.substring(end), field, language);
    }
    return ok ? out : null;
  }

  /**
   * Reports a field of a numeric question that may not hold placeholders (its title and prompt
   * are the same for every variant).
   */
  static boolean refuse(NodeReader reader, Localized text, Node node, String field) {
    for (String language : text.texts().keySet()) {
      Matcher m = OPENING.matcher(text.in(language));
      if (m.find()) {
        Cursor cursor = new Cursor(reader, valueOf(node, language));
        reader.error(cursor.find("{{", "").location(), "the '" + language + "' text of " + field + " has a"
            + " placeholder, but only the explanation is filled with each variant's values; move it to the"
            + " explanation, or write \\{{ for two literal braces (\\\\{{ inside a double-quoted YAML string)");
        return false;
      }
    }
    return true;
  }

  private static boolean unclosed(NodeReader reader, Cursor cursor, String between, String field, String language) {
    if (!OPENING.matcher(between).find()) {
      return true;
    }
    reader.error(cursor.find("{{", "").location(), "'{{' in the '" + language + "' text of " + field
        + " opens a placeholder that is not closed by '}}' on the same line; close it, or write \\{{ for"
        + " two literal braces (\\\\{{ inside a double-quoted YAML string)");
    return false;
  }

  private static ScalarNode valueOf(Node node, String language) {
    for (NodeTuple tuple : ((MappingNode) node).getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(language)
          && tuple.getValueNode() instanceof ScalarNode value) {
        return value;
      }
    }
    throw new IllegalStateException("no '" + language + "' text in the field");
  }

  /**
   * Finds successive pieces of a scalar's text in the file, from the scalar's start to its end:
   * placeholders are located exactly wherever the file holds them verbatim (plain, quoted or block
   * scalars alike), else at the scalar's start.
   */
  private static final class Cursor {
    private final NodeReader reader;
    private final SourceLocation start;
    private final int lastLine;
    private int line;
    private int index;

    Cursor(NodeReader reader, ScalarNode scalar) {
      this.reader = reader;
      this.start = reader.location(scalar);
      this.lastLine = scalar.getEndMark().map(m -> m.getLine() + 1).orElse(start.line());
      this.line = start.line();
      String first = reader.source().line(line);
      this.index = first == null ? 0 : first.offsetByCodePoints(0, Math.min(start.column() - 1,
          first.codePointCount(0, first.length())));
    }

    /**
     * The next occurrence of {@code piece} not escaped by a backslash, as a claim-language text for
     * {@code inner} (the part of {@code piece} after its opening braces), located at the first
     * non-blank character of {@code inner}, or at {@code piece} when {@code inner} is blank.
     */
    SourceSpan find(String piece, String inner) {
      int lead = inner.isBlank() ? -2 : inner.length() - inner.stripLeading().length();
      for (int l = line; l <= lastLine; l++) {
        String text = reader.source().line(l);
        int at = text == null ? -1 : text.indexOf(piece, l == line ? index : 0);
        while (at > 0 && text.charAt(at - 1) == '\\') {
          at = text.indexOf(piece, at + 1);
        }
        if (at >= 0) {
          line = l;
          index = at + piece.length();
          int column = text.codePointCount(0, at + 2 + lead) + 1;
          return new SourceSpan(inner.strip(), reader.source().location(l, column), text);
        }
      }
      return new SourceSpan(inner.strip(), start, reader.source().line(start.line()));
    }
  }
}
