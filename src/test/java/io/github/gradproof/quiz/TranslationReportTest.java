package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranslationReportTest {

  private static Phase phaseWithSummary(String en, String es) {
    Phase base = SampleQuiz.phase("Phase 3 — Sample");
    return new Phase(base.sourcePath(), base.number(), base.slug(), SampleQuiz.text("Phase 3", "Fase 3"),
        SampleQuiz.text(en, es), List.of());
  }

  @Test
  void cleanTranslationHasNoFindings() {
    assertEquals(List.of(), TranslationReport.of(phaseWithSummary("`a + b` broadcasts.", "`a + b` hace broadcasting."),
        List.of("en", "es")));
  }

  @Test
  void todoMarkerCountsAsMissing() {
    List<TranslationReport.Finding> findings =
        TranslationReport.of(phaseWithSummary("Gradients.", "TODO: traducir"), List.of("en", "es"));
    assertEquals(1, findings.size());
    assertEquals(TranslationReport.Kind.MISSING, findings.get(0).kind());
    assertEquals("summary", findings.get(0).field());
  }

  @Test
  void identicalProseIsFlaggedButIdenticalCodeIsNot() {
    assertEquals(TranslationReport.Kind.SAME_AS_REFERENCE,
        TranslationReport.of(phaseWithSummary("Sum the gradient.", "Sum the gradient."), List.of("en", "es"))
            .get(0).kind());
    assertEquals(List.of(), TranslationReport.of(phaseWithSummary("`dA = dC @ B.T`", "`dA = dC @ B.T`"),
        List.of("en", "es")));
  }

  @Test
  void differingInlineCodeIsFlaggedWithBothSides() {
    TranslationReport.Finding finding = TranslationReport.of(
        phaseWithSummary("Use `dA = dC @ B.T`.", "Usa `dA = dC·B.T`."), List.of("en", "es")).get(0);
    assertEquals(TranslationReport.Kind.CODE_DIFFERS, finding.kind());
    assertEquals("data/quizzes/phase-03-sample.yaml:1:1: phase-03-sample: summary [es] has other inline code than "
        + "the reference language (en [dA = dC @ B.T] vs es [dA = dC·B.T]); code must read the same in every language",
        finding.toDiagnostic().format());
  }

  @Test
  void formatPrintsOneLinePerPhaseAndLanguage() {
    String table = TranslationReport.format(List.of(phaseWithSummary("Gradients.", "TODO")), List.of("en", "es"));
    assertTrue(table.lines().anyMatch(l -> l.matches("phase-03-sample\\s+en\\s+0\\s+-\\s+-")), table);
    assertTrue(table.lines().anyMatch(l -> l.matches("phase-03-sample\\s+es\\s+1\\s+0\\s+0")), table);
  }

  @Test
  void theFirstLanguageIsCheckedForTodosToo() {
    List<TranslationReport.Finding> findings =
        TranslationReport.of(phaseWithSummary("TODO: one sentence.", "Gradientes."), List.of("en", "es"));
    assertEquals(1, findings.size(), findings.toString());
    assertEquals("en", findings.get(0).language());
    assertEquals(TranslationReport.Kind.MISSING, findings.get(0).kind());
  }

  @Test
  void aSingleLanguageSiteIsCheckedForTodos() {
    assertEquals(List.of("es"), TranslationReport.of(phaseWithSummary("Gradients.", "TODO"), List.of("es")).stream()
        .map(TranslationReport.Finding::language).toList());
    assertEquals(List.of(), TranslationReport.of(phaseWithSummary("TODO", "Gradientes."), List.of("es")));
  }

  /** Findings point at the offending language's own value, not at the field or the first language. */
  @Test
  void everyFindingIsAtTheLineAndColumnOfItsValue(@TempDir Path dir) {
    Phase phase = QuizFiles.load(dir, String.join("\n",
        "phase: 1",
        "slug: t",
        "title: {en: \"Phase 1\", es: \"Phase 1\"}",
        "summary:",
        "  en: \"TODO: summary\"",
        "  es: \"Resumen.\"",
        "questions:",
        "  - id: q-01-01",
        "    kind: free",
        "    title: {en: \"Title\", es: \"Título\"}",
        "    prompt:",
        "      en: \"Use `a`.\"",
        "      es:  \"Usa `b`.\"",
        "    answer:",
        "      text: {en: \"Answer\", es: \"TODO\"}",
        ""));
    List<String> found = TranslationReport.of(phase, List.of("en", "es")).stream()
        .map(f -> f.toDiagnostic().location() + " " + f.language() + " " + f.kind()).toList();
    assertEquals(List.of(
        "t.yaml:3:28 es SAME_AS_REFERENCE",
        "t.yaml:5:7 en MISSING",
        "t.yaml:13:12 es CODE_DIFFERS",
        "t.yaml:15:32 es MISSING"), found);
  }
}
