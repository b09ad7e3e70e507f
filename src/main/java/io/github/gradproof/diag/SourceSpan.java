package io.github.gradproof.diag;

/**
 * A piece of a source file on one line, as written there: a claim or a forward line of a quiz
 * file, for example. Errors found at an offset inside it are located in the file, with the whole
 * line for the caret display.
 *
 * @param source the text itself, without quotes or indentation
 * @param location where its first character stands in the file (so an error at offset {@code i}
 *     inside {@code source} is at {@link #at(int) at(i)})
 * @param sourceLine the whole physical line of the file, for the caret display
 */
public record SourceSpan(String source, SourceLocation location, String sourceLine) {

  /** Where the character at {@code offset} inside {@link #source()} stands in the file. */
  public SourceLocation at(int offset) {
    return location.shiftColumns(offset);
  }

  /** A diagnostic located at {@code offset} inside this span, shown with its line. */
  public Diagnostic diagnostic(int offset, String message) {
    return new Diagnostic(at(offset), message, sourceLine);
  }
}
