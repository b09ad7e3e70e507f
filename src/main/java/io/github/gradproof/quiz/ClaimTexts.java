package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Cuts claim-language lines out of YAML string nodes, each with the exact file location of its
 * first character, so the claim parser can point a caret at any character of it.
 *
 * <p>Plain scalars start at the node's mark; quoted scalars one column later (after the quote);
 * in a literal block scalar ({@code |}) every line sits on its own file line at its own
 * indentation. Every location is checked against the file text; a scalar whose text does not
 * appear verbatim in the file (escapes, folding, a quoted string broken across lines) is
 * reported instead of being located approximately.
 */
final class ClaimTexts {

  private ClaimTexts() {}

  /**
   * Every non-blank line of a string node, or {@code null} (reported) when the node is not a
   * string that can be located exactly.
   *
   * @param what how messages name the node, e.g. "forward"
   */
  static List<SourceSpan> lines(NodeReader reader, Node node, String what) {
    String value = reader.text(node, what);
    if (value == null) {
      return null;
    }
    ScalarNode scalar = (ScalarNode) node;
    Mark mark = scalar.getStartMark().orElseThrow();
    ScalarStyle style = scalar.getScalarStyle();
    if (style == ScalarStyle.LITERAL) {
      return literalLines(reader, scalar, value, mark.getLine() + 2, what);
    }
    if (style == ScalarStyle.FOLDED) {
      reader.error(node, what + " uses a folded block (>), which joins lines; use a literal block"
          + " (|) so that each line stays a line");
      return null;
    }
    int line = mark.getLine() + 1;
    int column = afterProperties(reader.source().line(line), mark.getColumn()) + 1 + (style == ScalarStyle.PLAIN ? 0 : 1);
    if (value.contains("\n") || scalar.getEndMark().map(m -> m.getLine() + 1 != line).orElse(false)) {
      reader.error(node, what + " spans several lines; write it on one line, or use a literal"
          + " block (|) with one line per entry");
      return null;
    }
    SourceSpan claim = locate(reader, value, line, column);
    if (claim == null) {
      reader.error(node, what + " contains escape sequences or quotes that change its text; write"
          + " it without backslashes or doubled quotes");
      return null;
    }
    return claim.source().isEmpty() ? List.of() : List.of(claim);
  }

  /**
   * Exactly one line, or {@code null} (reported).
   *
   * @param what how messages name the node, e.g. "claim of choice 2"
   */
  static SourceSpan single(NodeReader reader, Node node, String what) {
    List<SourceSpan> lines = lines(reader, node, what);
    if (lines == null) {
      return null;
    }
    if (lines.size() != 1) {
      reader.error(node, lines.isEmpty()
          ? what + " is blank; write the claim, e.g. \"dA = dC @ B.T\""
          : what + " has " + lines.size() + " lines; a claim is one line, so give several claims"
              + " as a list");
      return null;
    }
    return lines.get(0);
  }

  private static List<SourceSpan> literalLines(
      NodeReader reader, ScalarNode node, String value, int firstLine, String what) {
    List<SourceSpan> result = new ArrayList<>();
    String[] parts = value.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      if (part.isBlank()) {
        continue;
      }
      int line = firstLine + i;
      String fileLine = reader.source().line(line);
      int start = fileLine == null ? -1 : fileLine.length() - part.length();
      SourceSpan claim = start < 0 || !fileLine.startsWith(part, start)
          ? null
          : locate(reader, part, line, fileLine.codePointCount(0, start) + 1);
      if (claim == null) {
        reader.error(node, what + ": cannot locate line " + (i + 1) + " of the block in the file;"
            + " write the block with plain spaces for indentation");
        return null;
      }
      result.add(claim);
    }
    return result;
  }

  /**
   * The code-point column (0-based) where a scalar's own text starts, given its node's mark: after
   * any tag ({@code !!str}) and anchor ({@code &name}) written before it, which the mark includes.
   * A plain scalar cannot start with '!' or '&', so anything else is left where it is.
   */
  private static int afterProperties(String fileLine, int markColumn) {
    if (fileLine == null) {
      return markColumn;
    }
    int column = markColumn;
    int[] cps = fileLine.codePoints().toArray();
    while (column < cps.length && (cps[column] == '!' || cps[column] == '&')) {
      while (column < cps.length && cps[column] != ' ' && cps[column] != '\t') {
        column++;
      }
      while (column < cps.length && (cps[column] == ' ' || cps[column] == '\t')) {
        column++;
      }
    }
    return column < cps.length ? column : markColumn;
  }

  /**
   * The stripped {@code text} located at its first non-blank character, given that it starts
   * at {@code line:column}; {@code null} when the file does not hold it verbatim there.
   */
  private static SourceSpan locate(NodeReader reader, String text, int line, int column) {
    String fileLine = reader.source().line(line);
    if (fileLine == null) {
      return null;
    }
    int index;
    try {
      index = fileLine.offsetByCodePoints(0, column - 1);
    } catch (IndexOutOfBoundsException e) {
      return null;
    }
    if (!fileLine.startsWith(text, index)) {
      return null;
    }
    String stripped = text.strip();
    int lead = text.length() - text.stripLeading().length();
    int shift = text.codePointCount(0, lead);
    SourceLocation at = reader.source().location(line, column + shift);
    return new SourceSpan(stripped, at, fileLine);
  }
}
