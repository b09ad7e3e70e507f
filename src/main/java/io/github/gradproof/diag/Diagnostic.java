package io.github.gradproof.diag;

/**
 * One problem found in the user's input, located and explained like a compiler error.
 *
 * <p>The formatted form is {@code file:line:column: message}, followed, when the source line is
 * known, by that line and a caret under the column.
 *
 * @param location where the problem is
 * @param message what is wrong and what to do, one paragraph, no trailing newline
 * @param sourceLine the text of the offending line, or {@code null} when unknown
 */
public record Diagnostic(SourceLocation location, String message, String sourceLine) {

  /** A diagnostic without a quoted source line. */
  public static Diagnostic at(SourceLocation location, String message) {
    return new Diagnostic(location, message, null);
  }

  /** Formats the diagnostic: the located message, then the source line and a caret if known. */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(location).append(": ").append(message);
    if (sourceLine != null) {
      out.append('\n').append("    ").append(sourceLine.stripTrailing());
      out.append('\n').append("    ").append(" ".repeat(Math.max(0, location.column() - 1))).append('^');
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
