package io.github.gradproof.quiz;

import io.github.gradproof.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of a load, so that one run reports every problem in every file. */
final class Problems {

  private final List<Diagnostic> diagnostics = new ArrayList<>();

  void add(Diagnostic diagnostic) {
    diagnostics.add(diagnostic);
  }

  void addAll(List<Diagnostic> more) {
    diagnostics.addAll(more);
  }

  /** The diagnostics collected so far, in order. */
  List<Diagnostic> list() {
    return diagnostics;
  }

  boolean isEmpty() {
    return diagnostics.isEmpty();
  }

  int count() {
    return diagnostics.size();
  }
}
