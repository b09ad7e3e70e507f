package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.TestProject;
import io.github.gradproof.dev.PhaseSkeleton;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The project's own quiz files through the real pipeline: this is what makes {@code mvn install}
 * fail when an answer in {@code data/} drifts. Nothing here assumes what {@code data/} holds
 * beyond "it verifies": authors add and change phases. Tests that need known content use the
 * {@linkplain CourseFixture course fixture}.
 */
class ProjectDataTest {

  @TempDir Path temp;

  @Test
  void everyAnswerInDataAgreesWithItsKey() {
    BuildReport report = SiteGenerator.standard(TestProject.defaults(TestProject.ROOT), BuildLog.silent()).check();
    report.results().forEach(phase -> assertEquals(List.of(), phase.problems(), phase.phase().sourcePath()));
  }

  @Test
  void everyPhaseInDataIsPublishedInEveryLanguageWithItsAnswersClosed() throws IOException {
    SiteConfig config = TestProject.defaults(TestProject.ROOT).withOutputDir(temp.resolve("site"));
    BuildReport report = SiteGenerator.standard(config, BuildLog.silent()).generate();
    for (PhaseResult phase : report.results()) {
      for (String language : config.languages()) {
        Document page = Jsoup.parse(temp.resolve("site").resolve(language).resolve(phase.phase().pageName() + ".html")
            .toFile(), "UTF-8");
        assertEquals(language, page.selectFirst("html").attr("lang"));
        assertEquals(phase.questions().size(), page.select("section.question > details.answer").size());
        assertTrue(page.select("details.answer[open]").isEmpty(), "answers start closed");
      }
    }
  }

  /**
   * The README's "Adding a phase", on a copy of the project: {@code site:new} writes a phase
   * beside whatever {@code data/} holds, and the whole pipeline publishes it. Its texts marked
   * TODO are findings: reported (with the line of each) by default, failing in strict mode.
   */
  @Test
  void aPhaseAddedWithTheSkeletonGoesThroughTheWholePipeline() throws IOException {
    Path project = copyOfTheProjectData();
    SiteConfig config = new SiteConfig(project, Path.of(SiteConfig.DEFAULT_DATA), Path.of(SiteConfig.DEFAULT_TEMPLATES),
        Path.of("site"), SiteConfig.DEFAULT_LANGUAGES);
    int number = freePhaseNumber(project.resolve(SiteConfig.DEFAULT_DATA));
    Path added = PhaseSkeleton.write(config, number, "added-by-test");

    List<String> warnings = new ArrayList<>();
    BuildReport report = SiteGenerator.standard(config, warningsInto(warnings)).generate();
    Phase phase = report.results().stream().map(PhaseResult::phase)
        .filter(p -> p.sourcePath().equals(config.displaySource(added))).findFirst().orElseThrow();
    for (String language : config.languages()) {
      Path page = project.resolve("site").resolve(language).resolve(phase.pageName() + ".html");
      assertTrue(Files.isRegularFile(page), page.toString());
      String index = Files.readString(project.resolve("site").resolve(language).resolve("index.html"));
      assertTrue(index.contains("href=\"" + phase.pageName() + ".html\""), "the index lists the new phase");
    }
    String todo = config.displaySource(added) + ":";
    assertTrue(warnings.stream().anyMatch(w -> w.contains(todo) && w.contains("[en]") && w.contains("TODO")),
        "the first language's TODO is reported at its line: " + warnings);

    SiteConfig strict = new SiteConfig(project, config.dataDir(), config.templatesDir(), Path.of("site-strict"),
        config.languages()).withStrictTranslations(true);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(strict, BuildLog.silent()).generate());
    assertTrue(e.getMessage().startsWith(todo), e.getMessage());
    assertTrue(Files.notExists(project.resolve("site-strict")), "strict mode publishes no TODO text");
  }

  @Test
  void aFlippedKeyFailsNamingFileLineQuestionAndClaim() throws IOException {
    SiteConfig config = fixtureWith("answer: [1, 2]", "answer: [1, 3]");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config, BuildLog.silent()).check());
    String message = e.getMessage();
    assertTrue(message.startsWith("data/quizzes/phase-08-tensor-autograd.yaml:"), message);
    assertTrue(message.contains("q-08-02"), message);
    assertTrue(message.contains("dA = B @ dC.T"), message);
    assertThrows(DiagnosticException.class, () -> SiteGenerator.standard(config, BuildLog.silent()).generate());
    assertTrue(Files.notExists(temp.resolve("site")), "nothing written on drift");
  }

  @Test
  void anImageOrARefusedLinkInQuizTextIsAnErrorAtItsFieldNotSilentlyDropped() throws IOException {
    SiteConfig config = fixtureWith("en: \"In the forward pass, broadcasting",
        "en: \"![the diagram](d.png) [run](javascript:alert(1)) In the forward pass, broadcasting");
    for (Runnable build : List.<Runnable>of(() -> SiteGenerator.standard(config, BuildLog.silent()).check(),
        () -> SiteGenerator.standard(config, BuildLog.silent()).generate())) {
      String message = assertThrows(DiagnosticException.class, build::run).getMessage();
      assertTrue(message.contains("the explanation of question q-08-01 ('en') shows an image (d.png), which pages never show"),
          message);
      assertTrue(message.contains("the explanation of question q-08-01 ('en') links to 'javascript:alert(1)', a destination pages"
          + " never keep"), message);
      assertTrue(message.startsWith("data/quizzes/phase-08-tensor-autograd.yaml:"), message);
    }
    assertTrue(Files.notExists(temp.resolve("site")), "nothing written");
  }

  @Test
  void oneRunReportsProblemsInEveryFileAndEveryStage() throws IOException {
    // phase 8 drifts (found by verification); phase 9 has a misspelt key (found by loading)
    SiteConfig config = fixtureWith("answer: [1, 2]", "answer: [1, 3]");
    String yaml = CourseFixture.phase8();
    Files.writeString(temp.resolve("data/quizzes/phase-09-copy.yaml"), yaml.replace("phase: 8", "phase: 9")
        .replace("slug: tensor-autograd", "slug: copy").replace("q-08-", "q-09-").replace("explanation:", "explanaton:"),
        StandardCharsets.UTF_8);
    for (Runnable build : List.<Runnable>of(() -> SiteGenerator.standard(config, BuildLog.silent()).check(),
        () -> SiteGenerator.standard(config, BuildLog.silent()).generate())) {
      DiagnosticException e = assertThrows(DiagnosticException.class, build::run);
      String message = e.getMessage();
      assertTrue(message.startsWith("data/quizzes/phase-09-copy.yaml:"), message);
      assertTrue(message.contains("unknown key 'explanaton'"), message);
      assertTrue(message.contains("data/quizzes/phase-08-tensor-autograd.yaml:")
          && message.contains("q-08-02: the key marks choice 3 correct"), message);
    }
    assertTrue(Files.notExists(temp.resolve("site")));
  }

  /** A project in {@link #temp} holding the fixture's Phase 8 with {@code from} replaced by {@code to}. */
  private SiteConfig fixtureWith(String from, String to) throws IOException {
    Path data = temp.resolve("data/quizzes");
    Files.createDirectories(data);
    String yaml = CourseFixture.phase8();
    assertTrue(yaml.contains(from), from);
    Files.writeString(data.resolve(CourseFixture.PHASE_8.getFileName()), yaml.replace(from, to), StandardCharsets.UTF_8);
    return new SiteConfig(temp, Path.of("data/quizzes"), TestProject.ROOT.resolve(SiteConfig.DEFAULT_TEMPLATES), Path.of("site"),
        List.of("en", "es"));
  }

  /** A temporary project holding a copy of this project's quiz files (and templates, if any). */
  private Path copyOfTheProjectData() throws IOException {
    Path project = temp.resolve("project");
    for (String folder : List.of(SiteConfig.DEFAULT_DATA, SiteConfig.DEFAULT_TEMPLATES)) {
      Path from = TestProject.ROOT.resolve(folder);
      if (Files.isDirectory(from)) {
        TestProject.copyTree(from, project.resolve(folder));
      } else {
        Files.createDirectories(project.resolve(folder));
      }
    }
    return project;
  }

  /** A phase number no file in {@code data} uses. */
  private static int freePhaseNumber(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      List<String> names = files.map(f -> f.getFileName().toString()).toList();
      for (int n = 99; ; n++) {
        String prefix = String.format(java.util.Locale.ROOT, "phase-%02d-", n);
        if (names.stream().noneMatch(name -> name.startsWith(prefix))) {
          return n;
        }
      }
    }
  }

  private static BuildLog warningsInto(List<String> warnings) {
    return new BuildLog() {
      @Override
      public void info(String message) {}

      @Override
      public void warn(String message) {
        warnings.add(message);
      }
    };
  }
}
