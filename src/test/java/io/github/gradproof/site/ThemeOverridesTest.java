package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.render.Theme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mvn site:theme}: what a project overrides, a copy to start from, and likely typos. */
class ThemeOverridesTest {

  @TempDir Path project;

  private SiteConfig config() {
    return TestProject.defaults(project);
  }

  private void write(String path) throws IOException {
    Path file = project.resolve("templates").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
  }

  @Test
  void describesEveryFileOfBothLayers() throws IOException {
    write("layout.peb");
    write("assets/logo.svg");
    List<String> lines = ThemeOverrides.describe(config());
    assertEquals(Theme.builtInPaths().size() + 1, lines.size());
    assertTrue(lines.contains("layout.peb  overridden by templates/layout.peb"), lines.toString());
    assertTrue(lines.contains("phase.peb  built in"), lines.toString());
    assertEquals("assets/logo.svg  added by templates/assets/logo.svg", lines.get(lines.size() - 1));
  }

  @Test
  void copiesABuiltInFileToStartAnOverride() {
    Path file = ThemeOverrides.copy(config(), "partials/question.peb", null);
    assertEquals(project.resolve("templates/partials/question.peb"), file);
    assertEquals("templates/partials/question.peb", config().theme().find("partials/question.peb").orElseThrow().display());
    Path fr = ThemeOverrides.copy(config(), "i18n/en.yaml", "i18n/fr.yaml");
    assertArrayEquals(Theme.builtIn().findBuiltIn("i18n/en.yaml").orElseThrow().readBytes(), readBytes(fr));
    assertEquals(List.of("en", "es", "fr"), config().theme().languages());
  }

  @Test
  void neverOverwritesNorWritesOutsideTheTemplatesFolderNorInventsFiles() throws IOException {
    write("layout.peb");
    assertEquals("templates/layout.peb:1:1: this file exists already; delete it first to start again from the built-in"
        + " one", message("layout.peb", null));
    assertEquals("templates/../../x.peb:1:1: the copy must go inside templates/", message("layout.peb", "../../x.peb"));
    assertTrue(message("partials/questoin.peb", null).startsWith("templates/partials/questoin.peb:1:1: the built-in"
        + " theme has no file 'partials/questoin.peb'; did you mean partials/question.peb? its files are ["),
        message("partials/questoin.peb", null));
  }

  @Test
  void neverWritesThroughALink() throws IOException {
    Path outside = Files.createDirectories(project.resolve("outside"));
    Path templates = Files.createDirectories(project.resolve("templates"));
    Files.createSymbolicLink(templates.resolve("layout.peb"), outside.resolve("layout.peb")); // dangling
    assertEquals("templates/layout.peb:1:1: this file exists already; delete it first to start again from the built-in"
        + " one", message("layout.peb", null));
    Files.createSymbolicLink(templates.resolve("partials"), outside);
    assertEquals("templates/partials/question.peb:1:1: a folder on the way is a symbolic link that leads outside"
        + " templates/; the copy must go inside it", message("partials/question.peb", null));
    try (var left = Files.list(outside)) {
      assertEquals(List.of(), left.toList(), "nothing was written outside the templates folder");
    }
  }

  @Test
  void warnsAboutAFileThatLooksLikeAMisspeltOverride() throws IOException {
    write("partials/questoin.peb");
    write("i18n/fr.yaml");
    write("assets/logo.svg");
    write("partials/course-footer.peb");
    assertEquals(List.of("templates/partials/questoin.peb overrides no file of the built-in theme; did you mean"
        + " partials/question.peb? (mvn site:theme lists the theme's files)"), ThemeOverrides.likelyTypos(config().theme()));
  }

  private String message(String file, String to) {
    return assertThrows(DiagnosticException.class, () -> ThemeOverrides.copy(config(), file, to)).getMessage();
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
