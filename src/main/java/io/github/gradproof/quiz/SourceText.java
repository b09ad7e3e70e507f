package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
   * @throws io.github.gradproof.diag.DiagnosticException located at the first malformed byte
   */
  static SourceText decode(String displayPath, byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new io.github.gradproof.diag.DiagnosticException(malformed(displayPath, bytes, in.position()));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    return new SourceText(displayPath, text);
  }

  /**
   * Locates the first malformed byte. The line is not quoted: a file that is not valid UTF-8 is not
   * text, and its bytes are never echoed into a message (they may be anything, even a secret).
   */
  private static Diagnostic malformed(String displayPath, byte[] bytes, int offset) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
        column = 1;
      } else if ((bytes[i] & 0xC0) != 0x80) {
        column++; // one per code point: continuation bytes do not count
      }
    }
    String message =
        String.format(
            Locale.ROOT,
            "the file is not valid UTF-8: byte 0x%02X cannot start or continue a character here;"
                + " save the file as UTF-8 (quiz files must be UTF-8 so both languages survive)",
            bytes[offset] & 0xFF);
    return Diagnostic.at(new SourceLocation(displayPath, line, column), message);
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
