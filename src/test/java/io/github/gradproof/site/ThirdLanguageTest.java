package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.dev.PhaseSkeleton;
import io.github.gradproof.quiz.QuizFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course adds a language with one UI-strings file and a field per text, nothing else: the
 * course of the integration test {@code src/it/third-language}, built here without Maven.
 */
class ThirdLanguageTest {

  private static final Path COURSE = Path.of("src/it/third-language");

  @TempDir Path project;

  private SiteConfig config() throws IOException {
    for (String folder : List.of("data", "templates")) {
      try (Stream<Path> walk = Files.walk(COURSE.resolve(folder))) {
        for (Path source : walk.filter(Files::isRegularFile).toList()) {
          Path target = project.resolve(COURSE.relativize(source).toString());
          Files.createDirectories(target.getParent());
          Files.copy(source, target);
        }
      }
    }
    List<String> languages = SiteConfig.themeLanguages(project, Path.of(SiteConfig.DEFAULT_TEMPLATES));
    return new SiteConfig(project, Path.of(SiteConfig.DEFAULT_DATA), Path.of(SiteConfig.DEFAULT_TEMPLATES),
        Path.of(SiteConfig.DEFAULT_OUTPUT), languages);
  }

  private Document page(String path) throws IOException {
    return Jsoup.parse(Files.readString(project.resolve("site").resolve(path), StandardCharsets.UTF_8));
  }

  @Test
  void theLanguagesAreTheThemesThenTheAddedOne() throws IOException {
    assertEquals(List.of("en", "es", "fr"), config().languages());
  }

  @Test
  void everyPageExistsInEveryLanguageAndLeadsToTheOtherTwo() throws IOException {
    BuildReport report = SiteGenerator.standard(config(), BuildLog.silent()).generate();
    assertEquals(1 + 3 + 3, report.pagesWritten());
    Document fr = page("fr/phase-03-chain-rule.html");
    assertEquals("fr", fr.selectFirst("html").attr("lang"));
    assertEquals("Voir la réponse", fr.selectFirst("details summary").text());
    assertEquals(List.of("../en/phase-03-chain-rule.html", "../es/phase-03-chain-rule.html"),
        fr.select("a.lang-switch").eachAttr("href"));
    assertEquals(List.of("English", "Español"), fr.select("a.lang-switch").eachText());
    assertEquals(List.of("en", "es", "fr"), page("es/index.html").select("link[rel=alternate]").eachAttr("hreflang"));
    assertEquals(List.of("en", "es", "fr"), page("index.html").select("section.root-language").eachAttr("lang"));
    String mirror = Files.readString(project.resolve("site/md/fr/phase-03-chain-rule.md"), StandardCharsets.UTF_8);
    assertTrue(mirror.startsWith("[English](../en/phase-03-chain-rule.md) · [Español](../es/phase-03-chain-rule.md)"
        + " · [Français](../fr/phase-03-chain-rule.md)"), mirror);
  }

  @Test
  void aNewPhaseHasAFieldForEveryLanguage() throws IOException {
    SiteConfig config = config();
    Path file = PhaseSkeleton.write(config, 9, "optimizers");
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertTrue(text.contains("  fr: \"TODO: Phase 9 — Optimizers\""), text);
    assertEquals(2, QuizFiles.loadAll(config.dataDir(), "data/quizzes", config.languages()).size());
  }
}
