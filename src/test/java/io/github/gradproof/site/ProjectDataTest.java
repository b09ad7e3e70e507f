package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own quiz files, through the real pipeline: this is what makes {@code mvn install}
 * fail when an answer in {@code data/} drifts.
 */
class ProjectDataTest {

  @TempDir Path project;

  @Test
  void everyAnswerInDataAgreesWithItsKey() {
    BuildReport report = SiteGenerator.standard(TestProject.defaults(TestProject.ROOT), BuildLog.silent()).check();
    assertTrue(report.questionCount() >= 5, "Phase 8 has five questions");
    report.results().forEach(phase -> assertEquals(List.of(), phase.problems(), phase.phase().sourcePath()));
  }

  @Test
  void phaseEightIsFullyVerifiedOnBothPages() throws IOException {
    SiteConfig config = TestProject.defaults(TestProject.ROOT).withOutputDir(project.resolve("site"));
    BuildReport report = SiteGenerator.standard(config, BuildLog.silent()).generate();
    report.results().get(0).questions().forEach(q -> assertTrue(q.keyProven(), q.question().id()));
    for (String language : List.of("en", "es")) {
      Document page = Jsoup.parse(Files.readString(
          project.resolve("site/" + language + "/phase-08-tensor-autograd.html"), StandardCharsets.UTF_8));
      assertEquals(language, page.selectFirst("html").attr("lang"));
      assertEquals(5, page.select("section.question > details.answer").size());
      assertEquals(5, page.select("table.verification-table").size());
      assertEquals(1, page.select("#q-08-04 figure.plot svg").size());
      assertTrue(page.select("details[open]").isEmpty());
    }
  }

  @Test
  void aFlippedKeyFailsNamingFileLineQuestionAndClaim() throws IOException {
    Path data = project.resolve("data/quizzes");
    Files.createDirectories(data);
    String yaml = Files.readString(TestProject.ROOT.resolve(TestProject.PHASE_8), StandardCharsets.UTF_8);
    Files.writeString(data.resolve("phase-08-tensor-autograd.yaml"), yaml.replace("answer: [1, 2]", "answer: [1, 3]"),
        StandardCharsets.UTF_8);
    SiteConfig config = TestProject.config(project, "data/quizzes", "site");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config, BuildLog.silent()).check());
    String message = e.getMessage();
    assertTrue(message.startsWith("data/quizzes/phase-08-tensor-autograd.yaml:"), message);
    assertTrue(message.contains("q-08-02"), message);
    assertTrue(message.contains("dA = B @ dC.T"), message);
    assertThrows(DiagnosticException.class, () -> SiteGenerator.standard(config, BuildLog.silent()).generate());
    assertTrue(Files.notExists(project.resolve("site")), "nothing written on drift");
  }

  @Test
  void oneRunReportsProblemsInEveryFileAndEveryStage() throws IOException {
    Path data = project.resolve("data/quizzes");
    Files.createDirectories(data);
    String yaml = Files.readString(TestProject.ROOT.resolve(TestProject.PHASE_8), StandardCharsets.UTF_8);
    // phase 8 drifts (found by verification); phase 9 has a misspelt key (found by loading)
    Files.writeString(data.resolve("phase-08-tensor-autograd.yaml"), yaml.replace("answer: [1, 2]", "answer: [1, 3]"),
        StandardCharsets.UTF_8);
    Files.writeString(data.resolve("phase-09-copy.yaml"), yaml.replace("phase: 8", "phase: 9")
        .replace("slug: tensor-autograd", "slug: copy").replace("q-08-", "q-09-").replace("explanation:", "explanaton:"),
        StandardCharsets.UTF_8);
    SiteConfig config = TestProject.config(project, "data/quizzes", "site");
    for (Runnable build : List.<Runnable>of(() -> SiteGenerator.standard(config, BuildLog.silent()).check(),
        () -> SiteGenerator.standard(config, BuildLog.silent()).generate())) {
      DiagnosticException e = assertThrows(DiagnosticException.class, build::run);
      String message = e.getMessage();
      assertTrue(message.startsWith("data/quizzes/phase-09-copy.yaml:"), message);
      assertTrue(message.contains("unknown key 'explanaton'"), message);
      assertTrue(message.contains("data/quizzes/phase-08-tensor-autograd.yaml:")
          && message.contains("q-08-02: the key marks choice 3 correct"), message);
    }
    assertTrue(Files.notExists(project.resolve("site")));
  }
}
