package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.TranslationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The translation report of the loaded phases: computed beside verification, and reported once
 * verification has passed (a build that fails on drift does not bury its problems under it).
 *
 * @param findings every finding, as located diagnostics
 * @param table the report for the log (empty with a single language)
 */
record Translations(List<Diagnostic> findings, String table) {

  static Translations of(List<Phase> phases, List<String> languages) {
    return of(phases, languages, phase -> partOf(phase, languages, null));
  }

  /**
   * The report of {@code phases}; with a {@link BuildMemory}, the part of each phase it already
   * holds for the same phase object (an unchanged file's phase is reused as is by the loader) is
   * not computed again.
   */
  static Translations of(List<Phase> phases, List<String> languages, BuildMemory memory) {
    return of(phases, languages, phase -> partOf(phase, languages, memory));
  }

  /** The report of {@code phases}, whose parts {@code parts} gives (e.g. from the build cache). */
  static Translations of(List<Phase> phases, List<String> languages,
      Function<Phase, BuildMemory.PhaseTranslations> parts) {
    List<List<TranslationReport.Finding>> found = new ArrayList<>(phases.size());
    List<String> lines = new ArrayList<>(phases.size());
    for (Phase phase : phases) {
      BuildMemory.PhaseTranslations part = parts.apply(phase);
      found.add(part.findings());
      lines.add(part.lines());
    }
    List<Diagnostic> findings = found.stream().flatMap(List::stream)
        .map(TranslationReport.Finding::toDiagnostic)
        .toList();
    return new Translations(findings, TranslationReport.format(languages, lines, found));
  }

  /** The part of {@code phase}: from {@code memory} when it holds it for this phase object, else computed. */
  static BuildMemory.PhaseTranslations partOf(Phase phase, List<String> languages, BuildMemory memory) {
    BuildMemory.PhaseTranslations part = memory == null ? null : memory.translations(phase, languages);
    if (part == null) {
      List<TranslationReport.Finding> findings = TranslationReport.of(phase, languages);
      part = new BuildMemory.PhaseTranslations(phase, languages, findings,
          TranslationReport.lines(phase, languages, findings));
      if (memory != null) {
        memory.remember(part);
      }
    }
    return part;
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
