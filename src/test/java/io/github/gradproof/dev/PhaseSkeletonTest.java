package io.github.gradproof.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.TranslationReport;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseSkeletonTest {

  @TempDir Path project;

  private SiteConfig config() {
    return TestProject.config(project, "data/quizzes", "site");
  }

  @Test
  void skeletonLoadsVerifiesAndListsItsTodos() {
    Path file = PhaseSkeleton.write(config(), 9, "optimizers");
    assertEquals(project.resolve("data/quizzes/phase-09-optimizers.yaml"), file);
    BuildReport report = SiteGenerator.standard(config(), BuildLog.silent()).check();
    assertEquals(2, report.questionCount());
    assertEquals(List.of(), report.results().get(0).problems());
    var numeric = report.results().get(0).questions().get(1);
    assertEquals(io.github.gradproof.quiz.QuestionKind.NUMERIC, numeric.question().kind());
    assertEquals(io.github.gradproof.quiz.NumericSpec.DEFAULT_VARIANTS, numeric.numeric().variants().size(),
        "the numeric example is verified like the rest: every variant's answer computed");
    assertTrue(numeric.keyProven());
    List<TranslationReport.Finding> todo = TranslationReport.of(report.results().get(0).phase(), List.of("en", "es"));
    assertTrue(todo.size() >= 5, todo.toString());
    assertTrue(todo.stream().allMatch(f -> f.kind() == TranslationReport.Kind.MISSING), todo.toString());
  }

  @Test
  void refusesToOverwriteOrToTakeABadSlug() {
    PhaseSkeleton.write(config(), 9, "optimizers");
    DiagnosticException exists = assertThrows(DiagnosticException.class, () -> PhaseSkeleton.write(config(), 9, "optimizers"));
    assertEquals("data/quizzes/phase-09-optimizers.yaml:1:1: the file already exists; edit it, or choose another phase "
        + "number or slug", exists.getMessage());
    DiagnosticException slug = assertThrows(DiagnosticException.class, () -> PhaseSkeleton.write(config(), 10, "Bad Slug"));
    assertTrue(slug.getMessage().contains("slug 'Bad Slug' is not valid"), slug.getMessage());
    assertTrue(Files.notExists(project.resolve("data/quizzes/phase-10-Bad Slug.yaml")));
  }

  @Test
  void neverWritesThroughALink() throws java.io.IOException {
    Path outside = project.resolve("outside.yaml");
    Files.createDirectories(project.resolve("data/quizzes"));
    Files.createSymbolicLink(project.resolve("data/quizzes/phase-09-optimizers.yaml"), outside);
    assertThrows(DiagnosticException.class, () -> PhaseSkeleton.write(config(), 9, "optimizers"));
    assertTrue(Files.notExists(outside), "the dangling link's target was not created");
  }
}
