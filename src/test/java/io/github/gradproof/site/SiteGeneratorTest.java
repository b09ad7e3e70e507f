package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteGeneratorTest {

  @TempDir Path project;

  private SiteConfig config() {
    return TestProject.config(project, "data/quizzes", "site");
  }

  private SiteGenerator generator(Phase phase) {
    return TestPipeline.generator(config(), List.of(phase), SampleQuiz::result);
  }

  private Document page(String relative) throws IOException {
    return Jsoup.parse(Files.readString(project.resolve("site").resolve(relative), StandardCharsets.UTF_8));
  }

  @Test
  void writesEveryPageOfBothLanguages() {
    BuildReport report = generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    assertEquals(5, report.pagesWritten());
    for (String file : List.of("index.html", "en/index.html", "es/index.html", "en/phase-03-sample.html",
        "es/phase-03-sample.html", "md/en/phase-03-sample.md", "md/es/phase-03-sample.md", "verification.json",
        "assets/style.css")) {
      assertTrue(Files.isRegularFile(project.resolve("site").resolve(file)), file);
    }
  }

  @Test
  void phasePageHasCollapsedAnswersLanguageAndSwitcher() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    Document en = page("en/phase-03-sample.html");
    assertEquals("en", en.selectFirst("html").attr("lang"));
    assertEquals(2, en.select("details.answer").size());
    for (Element details : en.select("details")) {
      assertFalse(details.hasAttr("open"), "answers start collapsed");
      assertEquals("Show answer", details.selectFirst("summary").text());
    }
    assertEquals("../es/phase-03-sample.html", en.selectFirst("a.lang-switch").attr("href"));
    assertEquals("es", en.selectFirst("a.lang-switch").attr("hreflang"));
    assertEquals(List.of("en", "es"), en.select("link[rel=alternate]").eachAttr("hreflang"));
    assertEquals("#main", en.selectFirst("a.skip-link").attr("href"));
    assertTrue(en.text().contains("Source of truth: " + SampleQuiz.FILE), en.text());
    Document es = page("es/phase-03-sample.html");
    assertEquals("es", es.selectFirst("html").attr("lang"));
    assertEquals("../en/phase-03-sample.html", es.selectFirst("a.lang-switch").attr("href"));
    assertEquals("Ver respuesta", es.selectFirst("details summary").text());
    assertTrue(es.text().contains("Fuente de verdad: " + SampleQuiz.FILE), es.text());
  }

  @Test
  void quizTextCannotInjectMarkup() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — <script>alert(1)</script>")).generate();
    for (String file : List.of("en/phase-03-sample.html", "en/index.html")) {
      Document doc = page(file);
      assertTrue(doc.select("script:not([src])").isEmpty(), "no inline script: " + file);
      assertTrue(doc.select("script[src]").eachAttr("src").stream().allMatch("../assets/selfcheck.js"::equals),
          "only the site's own script: " + file);
      assertTrue(doc.select("b").isEmpty(), "raw <b> in a title is shown as text: " + file);
      assertTrue(doc.select("[href^=javascript]").isEmpty(), file);
    }
  }

  @Test
  void verificationTableShowsVerdictsReasonsAndNumbersWithDecimalPoint() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    Document es = page("es/phase-03-sample.html");
    Element table = es.selectFirst("#q-03-01 table.verification-table");
    assertEquals(3, table.select("tbody tr").size());
    assertEquals("falsa: forma (4, 3) ≠ (3, 4)", table.select("tbody tr").get(1).selectFirst("td.verdict").text());
    assertEquals("1.1e-16", table.select("tbody tr").get(0).select("td.num").get(1).text());
    assertEquals("no comprobable automáticamente", table.select("tbody tr").get(2).selectFirst("td.verdict").text());
    assertEquals(1, es.select("#q-03-02 figure.plot svg").size());
  }

  @Test
  void outputIsByteIdenticalAcrossRuns() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    Map<String, String> first = TestProject.snapshot(project.resolve("site"));
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    assertEquals(first, TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void failedBuildLeavesThePreviousSiteByteIdentical() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    Phase phase = SampleQuiz.phase("Phase 3 — Changed");
    SiteGenerator drifting = TestPipeline.generator(config(), List.of(phase), p -> drifted(p));
    DiagnosticException e = assertThrows(DiagnosticException.class, drifting::generate);
    assertEquals("data/quizzes/phase-03-sample.yaml:13:13: q-03-01: drift", e.diagnostics().get(0).format());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
    assertNoStagingLeft();
  }

  @Test
  void brokenTemplateFailsWithTheTemplateLocationAndKeepsTheSite() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    Path templates = project.resolve("templates");
    TestProject.copyTree(TestProject.TEMPLATES, templates);
    Files.writeString(templates.resolve("index.peb"), "{% extends \"layout.peb\" %}\n{% block content %}\n{{ nosuch.thing }\n{% endblock %}\n");
    SiteConfig config = new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of("site"), List.of("en", "es"));
    Phase phase = SampleQuiz.phase("Phase 3 — Sample");
    SiteGenerator broken = TestPipeline.generator(config, List.of(phase), SampleQuiz::result);
    DiagnosticException e = assertThrows(DiagnosticException.class, broken::generate);
    assertTrue(e.getMessage().startsWith("templates/index.peb:3:1: template error: "), e.getMessage());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
    assertNoStagingLeft();
  }

  @Test
  void checkWritesNothing() {
    BuildReport report = generator(SampleQuiz.phase("Phase 3 — Sample")).check();
    assertEquals(2, report.questionCount());
    assertEquals(3, report.claimCount());
    assertFalse(Files.exists(project.resolve("site")));
  }

  @Test
  void checkAndGenerateReportTranslationsTheSameWay() {
    Phase phase = SampleQuiz.phase("Fase 3 — Muestra"); // the English title reads exactly like the Spanish one
    List<String> checked = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    new SiteGenerator(config(), recording(checked), TestPipeline.of(List.of(phase), SampleQuiz::result),
        BuildOptions.DEFAULT).check();
    new SiteGenerator(config(), recording(generated), TestPipeline.of(List.of(phase), SampleQuiz::result),
        BuildOptions.DEFAULT).generate();
    assertTrue(checked.stream().anyMatch(line -> line.startsWith("warn:") && line.contains("title [es] reads exactly"
        + " like the reference language")), checked.toString());
    assertEquals(checked, generated.subList(0, checked.size()), "generate logs what check logs, then what it wrote");
    assertEquals(checked.size() + 1, generated.size(), generated.toString());

    SiteConfig strict = new SiteConfig(project, Path.of("data/quizzes"), TestProject.TEMPLATES, Path.of("strict-site"),
        List.of("en", "es"), true);
    SiteGenerator strictly = TestPipeline.generator(strict, List.of(phase), SampleQuiz::result);
    String byCheck = assertThrows(DiagnosticException.class, strictly::check).getMessage();
    assertEquals(byCheck, assertThrows(DiagnosticException.class, strictly::generate).getMessage());
    assertTrue(byCheck.startsWith(SampleQuiz.FILE + ":1:1: phase-03-sample: title [es]"), byCheck);
    assertFalse(Files.exists(project.resolve("strict-site")));
  }

  private static BuildLog recording(List<String> lines) {
    return new BuildLog() {
      @Override
      public void info(String message) {
        lines.add("info: " + message);
      }

      @Override
      public void warn(String message) {
        lines.add("warn: " + message);
      }
    };
  }

  private void assertNoStagingLeft() throws IOException {
    try (Stream<Path> entries = Files.list(project)) {
      assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site")).toList());
    }
  }

  private static PhaseResult drifted(Phase phase) {
    PhaseResult good = SampleQuiz.result(phase);
    QuestionResult first = good.questions().get(0);
    QuestionResult bad = new QuestionResult(first.question(), first.choices(), first.answerClaims(), first.trials(),
        first.engineError(), first.experiment(),
        List.of(Diagnostic.at(first.question().answer().location(), "q-03-01: drift")));
    return new PhaseResult(phase, List.of(bad, good.questions().get(1)));
  }

}
