package io.github.gradproof.diag;

/**
 * A position in a source file: 1-based line and column, as editors show them.
 *
 * @param file the path as the user should see it, e.g. {@code data/quizzes/phase-08-tensor-autograd.yaml}
 * @param line 1-based line number
 * @param column 1-based column number
 */
public record SourceLocation(String file, int line, int column) {

  /** Returns a location {@code columns} characters to the right on the same line. */
  public SourceLocation shiftColumns(int columns) {
    return new SourceLocation(file, line, column + columns);
  }

  /** Formats as {@code file:line:column}. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
