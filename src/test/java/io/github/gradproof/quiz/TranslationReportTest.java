package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    assertTrue(table.lines().anyMatch(l -> l.matches("phase-03-sample\\s+es\\s+1\\s+0\\s+0")), table);
  }
}
