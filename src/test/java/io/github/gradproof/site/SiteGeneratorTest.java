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
import io.github.gradproof.render.Theme;
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

  /** Writes a file of the project's templates folder: an override of the built-in theme's file. */
  private void override(String path, String text) throws IOException {
    Path file = project.resolve("templates").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
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
      assertFalse(details.hasAttr("open"), "answers and their technical details start collapsed");
    }
    for (Element details : en.select("details.answer")) {
      assertEquals("Show answer", details.selectFirst("summary").text());
    }
    assertEquals("../es/phase-03-sample.html", en.selectFirst("a.lang-switch").attr("href"));
    assertEquals("es", en.selectFirst("a.lang-switch").attr("hreflang"));
    assertEquals(List.of("en", "es"), en.select("link[rel=alternate]").eachAttr("hreflang"));
    assertEquals("#main", en.selectFirst("a.skip-link").attr("href"));
    assertEquals("Source file: " + SampleQuiz.FILE, en.selectFirst("footer .source").text());
    Document es = page("es/phase-03-sample.html");
    assertEquals("es", es.selectFirst("html").attr("lang"));
    assertEquals("../en/phase-03-sample.html", es.selectFirst("a.lang-switch").attr("href"));
    assertEquals("Ver respuesta", es.selectFirst("details summary").text());
    assertEquals("Archivo fuente: " + SampleQuiz.FILE, es.selectFirst("footer .source").text());
  }

  /**
   * Every language page leads back to the language chooser and to its language's index, and no
   * page links to itself (the index names itself as the current page instead).
   */
  @Test
  void navigationLeadsBackAndNeverToThePageItself() throws IOException {
    generator(SampleQuiz.phase("Phase 3 — Sample")).generate();
    for (String language : List.of("en", "es")) {
      for (String file : List.of("index.html", "phase-03-sample.html")) {
        Document doc = page(language + "/" + file);
        Element crumbs = doc.selectFirst("header nav .crumbs");
        assertEquals("../index.html", crumbs.selectFirst("a").attr("href"), "back to the language chooser");
        for (Element link : doc.select("a[href]")) {
          String href = link.attr("href");
          assertFalse(href.equals(file) || href.startsWith(file + "#") || href.equals("../" + language + "/" + file),
              language + "/" + file + " links to itself: " + link);
        }
      }
      Document index = page(language + "/index.html");
      assertEquals("page", index.selectFirst(".crumbs [aria-current]").attr("aria-current"));
      assertEquals("index.html", page(language + "/phase-03-sample.html").selectFirst(".crumbs a.home-link").attr("href"));
    }
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
    Element table = es.selectFirst("#q-03-01 table.proof-table");
    assertEquals(3, table.select("tbody tr").size());
    assertEquals("✗ falsa B @ dC.T tiene forma (K, M) = (4, 3), pero dA tiene forma (M, K) = (3, 4).",
        table.select("tbody tr").get(1).selectFirst("td.verdict").text());
    assertEquals("· explicada, sin comprobación automática", table.select("tbody tr").get(2).selectFirst("td.verdict").text());
    assertEquals("2 afirmaciones comprobadas con 3 entradas aleatorias de 1 tamaño; autograd coincide con las diferencias "
        + "finitas con un error relativo al tamaño del gradiente de 2.5e-10 como máximo.",
        es.selectFirst("#q-03-01 .proof-summary").text());
    assertEquals("1 opción se explica en el texto, sin comprobación automática.",
        es.selectFirst("#q-03-01 .proof-note").text());
    Element technical = es.selectFirst("#q-03-01 details.proof-details table.technical-table");
    assertEquals("1.1e-16", technical.select("tbody tr").get(0).select("td.num").get(1).text());
    assertEquals("Tamaños probados: M = 3, K = 4", es.selectFirst("#q-03-01 .proof-sizes").text());
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
    // An override of one template: everything else still comes from the built-in theme.
    override("index.peb", "{% extends \"layout.peb\" %}\n{% block content %}\n{{ nosuch.thing }\n{% endblock %}\n");
    SiteGenerator broken = generator(SampleQuiz.phase("Phase 3 — Sample"));
    DiagnosticException e = assertThrows(DiagnosticException.class, broken::generate);
    assertTrue(e.getMessage().startsWith("templates/index.peb:3:1: template error: "), e.getMessage());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
    assertNoStagingLeft();
  }

  @Test
  void aThemeProblemIsReportedWithTheDriftOfTheQuizzes() throws IOException {
    override("i18n/es.yaml", "language.name: \"Español\"\n");
    Phase phase = SampleQuiz.phase("Phase 3 — Sample");
    SiteGenerator both = TestPipeline.generator(config(), List.of(phase), p -> drifted(p));
    DiagnosticException e = assertThrows(DiagnosticException.class, both::generate);
    assertEquals("data/quizzes/phase-03-sample.yaml:13:13: q-03-01: drift", e.diagnostics().get(0).format());
    assertTrue(e.diagnostics().size() > 2, e.getMessage());
    assertEquals("templates/i18n/es.yaml:2:1: missing UI string 'language.read': an overriding file replaces the"
        + " built-in one whole and needs every key of the built-in theme; add language.read: \"Read this page in"
        + " English\" translated (the built-in English text)", e.diagnostics().get(1).format());
    assertFalse(Files.exists(project.resolve("site")));
  }

  @Test
  void checkReportsTheThemesProblemsToo() throws IOException {
    override("phase.peb", "{% extends \"layout.peb\" %}\n{% block content %\n");
    DiagnosticException e = assertThrows(DiagnosticException.class, generator(SampleQuiz.phase("Phase 3 — Sample"))::check);
    assertTrue(e.getMessage().startsWith("templates/phase.peb:3:1: template error: "), e.getMessage());
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
    assertEquals(List.of("debug: wrote 5 pages, 2 Markdown mirrors and verification.json to site"),
        generated.subList(checked.size(), generated.size()), "only at debug level: the caller logs the summary");

    SiteConfig strict = new SiteConfig(project, Path.of("data/quizzes"), Path.of(SiteConfig.DEFAULT_TEMPLATES),
        Path.of("strict-site"), List.of("en", "es")).withStrictTranslations(true);
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

      @Override
      public void debug(String message) {
        lines.add("debug: " + message);
      }
    };
  }

  private void assertNoStagingLeft() throws IOException {
    try (Stream<Path> entries = Files.list(project)) {
      assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site"))
          .filter(n -> !n.equals(".site.lock")).toList());
    }
  }

  private static PhaseResult drifted(Phase phase) {
    PhaseResult good = SampleQuiz.result(phase);
    QuestionResult first = good.questions().get(0);
    QuestionResult bad = new QuestionResult(first.question(), first.choices(), first.answerClaims(), first.trials(),
        first.engineTrials(), first.sizes(), first.engineError(), first.experiment(),
        List.of(Diagnostic.at(first.question().answer().location(), "q-03-01: drift")));
    return new PhaseResult(phase, List.of(bad, good.questions().get(1)));
  }

  /** Writes every file of the built-in theme into {@code templates}: a project overriding all of it. */
  static void writeBuiltInTheme(Path templates) throws IOException {
    for (String path : Theme.builtInPaths()) {
      Path file = templates.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, Theme.builtIn().findBuiltIn(path).orElseThrow().readBytes());
    }
  }
}
