package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site published in any subset of the languages its quiz files are written in. */
class LanguageSubsetTest {

  @TempDir Path project;

  private SiteConfig config(List<String> languages) {
    CourseFixture.copyPhase8(project.resolve("data/quizzes"));
    return new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of("site"), languages);
  }

  @Test
  void aSpanishOnlySiteFromBilingualFiles() throws IOException {
    SiteGenerator.standard(config(List.of("es")), BuildLog.silent()).generate();
    assertTrue(Files.notExists(project.resolve("site/en")), "no English pages");
    Document root = Jsoup.parse(project.resolve("site/index.html").toFile(), "UTF-8");
    assertEquals("es", root.selectFirst("html").attr("lang"));
    Document page = Jsoup.parse(project.resolve("site/es/phase-08-tensor-autograd.html").toFile(), "UTF-8");
    assertEquals("Fase 8 — Autograd de tensores", page.selectFirst("h1").text());
    assertTrue(page.select("a[hreflang]").stream().noneMatch(a -> a.attr("hreflang").equals("en")),
        "no link to a language that is not published");
  }

  @Test
  void theOrderOfTheLanguagesIsTheConfiguredOne() throws IOException {
    SiteGenerator.standard(config(List.of("es", "en")), BuildLog.silent()).generate();
    assertEquals("es", Jsoup.parse(project.resolve("site/index.html").toFile(), "UTF-8").selectFirst("html").attr("lang"));
    assertTrue(Files.isRegularFile(project.resolve("site/en/phase-08-tensor-autograd.html")));
  }

  @Test
  void aLanguageTheSiteDoesNotKnowIsStillAnError() throws IOException {
    SiteConfig config = config(List.of("es"));
    Path file = project.resolve("data/quizzes/phase-08-tensor-autograd.yaml");
    Files.writeString(file, Files.readString(file).replace("es: \"Fase 8 — Autograd de tensores\"}",
        "es: \"Fase 8 — Autograd de tensores\", fr: \"Phase 8\"}"));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config, BuildLog.silent()).check());
    assertTrue(e.getMessage().startsWith("data/quizzes/phase-08-tensor-autograd.yaml:4:79: "), e.getMessage());
    assertTrue(e.getMessage().contains("unexpected language 'fr' in title; the site's languages are es, en"),
        e.getMessage());
  }
}
