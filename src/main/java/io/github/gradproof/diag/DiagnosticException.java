package io.github.gradproof.diag;

import java.util.List;

/**
 * Thrown when input is wrong; carries every {@link Diagnostic} found, so one run reports all of
 * them. Its message is the formatted diagnostics, one paragraph each.
 */
public final class DiagnosticException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  /** Creates an exception for one or more diagnostics; the list must not be empty. */
  public DiagnosticException(List<Diagnostic> diagnostics) {
    super(format(diagnostics), null, false, false);
    if (diagnostics.isEmpty()) {
      throw new IllegalArgumentException("diagnostics must not be empty");
    }
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** Creates an exception for a single diagnostic. */
  public DiagnosticException(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  /** The problems, in the order found. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String format(List<Diagnostic> diagnostics) {
    StringBuilder out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(d.format());
    }
    return out.toString();
  }
}
