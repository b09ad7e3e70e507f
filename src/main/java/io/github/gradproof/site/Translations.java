package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.TranslationReport;
import java.util.List;

/**
 * The translation report of the loaded phases: computed beside verification, and reported once
 * verification has passed (a build that fails on drift does not bury its problems under it).
 *
 * @param findings every finding, as located diagnostics
 * @param table the report for the log (empty with a single language)
 */
record Translations(List<Diagnostic> findings, String table) {

  static Translations of(List<Phase> phases, List<String> languages) {
    List<Diagnostic> findings = phases.stream()
        .flatMap(p -> TranslationReport.of(p, languages).stream())
        .map(TranslationReport.Finding::toDiagnostic)
        .toList();
    return new Translations(findings, TranslationReport.format(phases, languages));
  }

  /**
   * Logs the report: as warnings when there are findings, else at debug level (a clean report
   * is no news); in strict mode the findings fail the build.
   */
  void report(boolean strict, BuildLog log) {
    if (strict && !findings.isEmpty()) {
      throw new DiagnosticException(findings);
    }
    if (!table.isEmpty()) {
      table.lines().forEach(findings.isEmpty() ? log::debug : log::warn);
    }
  }
}
