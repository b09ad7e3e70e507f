package io.github.gradproof.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layered lookup: the project's templates folder over the built-in theme, file by file. */
class ThemeTest {

  private static final Path THEME_FOLDER = Path.of("src/main/resources/io/github/gradproof/theme");

  @TempDir Path project;

  private Theme theme() {
    return Theme.layered(project.resolve("templates"), "templates");
  }

  private void write(String path, String text) throws IOException {
    Path file = project.resolve("templates").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void theListingNamesEveryFileOfTheThemeFolderOnce() throws IOException {
    try (Stream<Path> walk = Files.walk(THEME_FOLDER)) {
      List<String> files = walk.filter(Files::isRegularFile)
          .map(f -> THEME_FOLDER.relativize(f).toString().replace('\\', '/')).sorted().toList();
      assertEquals(files, Theme.builtInPaths().stream().sorted().toList(),
          "src/main/resources/io/github/gradproof/theme.files must list the theme folder's files");
    }
    for (String path : Theme.builtInPaths()) {
      assertTrue(Theme.builtIn().findBuiltIn(path).orElseThrow().readBytes().length > 0, path);
    }
  }

  @Test
  void theBuiltInLanguagesAreTheThemesUiStringsFilesInListingOrder() {
    assertEquals(List.of("en", "es"), Theme.builtInLanguages());
  }

  @Test
  void withoutATemplatesFolderEveryFileIsBuiltIn() {
    ThemeFile layout = theme().find("layout.peb").orElseThrow();
    assertEquals(Theme.Layer.BUILT_IN, layout.layer());
    assertEquals("(built-in theme)/layout.peb", layout.display());
    assertFalse(layout.overridden());
    assertTrue(layout.readText().startsWith("<!DOCTYPE html>"));
    assertEquals(Theme.builtInLanguages(), theme().languages());
  }

  @Test
  void aProjectFileOverridesTheBuiltInFileOfTheSamePathOnly() throws IOException {
    write("partials/question.peb", "mine");
    ThemeFile question = theme().find("partials/question.peb").orElseThrow();
    assertEquals(Theme.Layer.PROJECT, question.layer());
    assertEquals("templates/partials/question.peb", question.display());
    assertEquals("mine", question.readText());
    assertEquals(Theme.Layer.BUILT_IN, theme().find("partials/verification.peb").orElseThrow().layer());
    assertTrue(theme().findBuiltIn("partials/question.peb").orElseThrow().readText().contains("<section"));
  }

  @Test
  void aProjectMayAddFilesTheBuiltInThemeLacks() throws IOException {
    write("partials/extra.peb", "extra");
    assertEquals("extra", theme().find("partials/extra.peb").orElseThrow().readText());
    assertTrue(theme().find("partials/absent.peb").isEmpty());
    assertTrue(Theme.builtIn().find("partials/extra.peb").isEmpty(), "the built-in theme alone has no project layer");
  }

  @Test
  void aFolderIsNotAFile() throws IOException {
    Files.createDirectories(project.resolve("templates/layout.peb"));
    assertEquals(Theme.Layer.BUILT_IN, theme().find("layout.peb").orElseThrow().layer());
  }

  @Test
  void aPathThatCouldLeaveTheThemeIsNeverLookedUp() throws IOException {
    Files.writeString(project.resolve("secret.peb"), "secret");
    write("layout.peb", "mine");
    for (String path : List.of("../secret.peb", "/etc/passwd", "partials/../layout.peb", "./layout.peb",
        "partials//question.peb", "C:/layout.peb", "partials\\question.peb", "", "assets/")) {
      assertTrue(theme().find(path).isEmpty(), path);
    }
  }

  @Test
  void listingAFolderJoinsBothLayersAndTheProjectWins() throws IOException {
    write("assets/style.css", "body {}");
    write("assets/img/logo.svg", "<svg/>");
    List<ThemeFile> assets = theme().list("assets");
    assertEquals(List.of("assets/img/logo.svg", "assets/selfcheck.js", "assets/style.css"),
        assets.stream().map(ThemeFile::path).toList());
    assertEquals(List.of(Theme.Layer.PROJECT, Theme.Layer.BUILT_IN, Theme.Layer.PROJECT),
        assets.stream().map(ThemeFile::layer).toList());
  }

  @Test
  void aProjectAddsLanguagesByWritingTheirUiStringsAfterTheBuiltInOnes() throws IOException {
    write("i18n/fr.yaml", "x: y");
    write("i18n/de.yaml", "x: y");
    write("i18n/es.yaml", "x: y"); // an override, not a new language
    write("i18n/pt-BR.yaml", "x: y");
    write("i18n/notes.txt", "not strings");
    write("i18n/readme.yaml", "not a language code");
    assertEquals(List.of("en", "es", "de", "fr", "pt-BR"), theme().languages());
  }

  @Test
  void theLanguageOfAUiStringsPath() {
    assertEquals("fr", Theme.languageOf("i18n/fr.yaml"));
    assertEquals("pt-BR", Theme.languageOf("i18n/pt-BR.yaml"));
    assertNull(Theme.languageOf("i18n/fr.yml"));
    assertNull(Theme.languageOf("fr.yaml"));
  }

  @Test
  void pebbleNamesResolveRelativeToTheIncludingTemplate() {
    ThemeLoader loader = new ThemeLoader(Theme.builtIn());
    assertEquals("partials/verification.peb", loader.resolveRelativePath("./verification.peb", "partials/question.peb"));
    assertEquals("layout.peb", loader.resolveRelativePath("../layout.peb", "partials/question.peb"));
    assertEquals("../../x.peb", loader.resolveRelativePath("../../x.peb", "partials/question.peb"));
    assertNull(loader.resolveRelativePath("partials/question.peb", "phase.peb"), "plain names are theme paths");
    assertTrue(loader.resourceExists("partials/question.peb"));
    assertFalse(loader.resourceExists("../../x.peb"));
  }
}
