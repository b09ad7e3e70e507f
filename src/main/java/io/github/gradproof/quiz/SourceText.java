package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.RealFiles;
import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * The decoded text of one quiz file with its physical lines, so that YAML marks become
 * {@link SourceLocation}s and diagnostics can quote the offending line.
 */
final class SourceText {

  private final String displayPath;
  private final String text;
  private final List<String> lines;

  private SourceText(String displayPath, String text) {
    this.displayPath = displayPath;
    this.text = text;
    this.lines = splitLines(text);
  }

  /** Wraps already decoded text (tests and in-memory sources). */
  static SourceText of(String displayPath, String text) {
    return new SourceText(displayPath, text);
  }

  /**
   * Decodes {@code bytes} as strict UTF-8 (a leading byte order mark is dropped).
   *
   * @throws io.github.gradproof.diag.DiagnosticException located at the first malformed byte,
   *     quoting none of the file (a file that is not UTF-8 is not text)
   */
  static SourceText decode(String displayPath, byte[] bytes) {
    return new SourceText(displayPath,
        RealFiles.utf8(bytes, displayPath, " (quiz files must be UTF-8 so both languages survive)"));
  }

  private static List<String> splitLines(String text) {
    List<String> result = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        result.add(text.substring(start, i));
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    result.add(text.substring(start));
    return result;
  }

  String displayPath() {
    return displayPath;
  }

  String text() {
    return text;
  }

  /** The physical line with 1-based number {@code line}, or {@code null} past the end. */
  String line(int line) {
    return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
  }

  int lineCount() {
    return lines.size();
  }

  /** The location of a YAML mark (0-based line and code-point column) as 1-based numbers. */
  SourceLocation location(Mark mark) {
    return new SourceLocation(displayPath, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** A 1-based location in this file. */
  SourceLocation location(int line, int column) {
    return new SourceLocation(displayPath, line, column);
  }

  /** A located diagnostic quoting the line it points at. */
  Diagnostic diagnostic(SourceLocation at, String message) {
    return new Diagnostic(at, message, line(at.line()));
  }

  /**
   * The 1-based location of the {@code index}-th code point of the text (as SnakeYAML's reader
   * counts positions).
   */
  SourceLocation locationOfCodePoint(int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < index; seen++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n' || (cp == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
        line++;
        column = 1;
      } else if (cp != '\r') {
        column++;
      }
    }
    return location(line, column);
  }
}
