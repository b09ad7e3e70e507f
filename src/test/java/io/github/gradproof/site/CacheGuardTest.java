package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build cache's folder on a temporary copy of a project: a folder that is, holds or lies in
 * what the build must not delete from is refused with one paragraph naming the parameter, and
 * nothing in or beside the project changes; the cache only ever deletes files it wrote.
 */
class CacheGuardTest {

  private static final String ADVICE = "; the build cache deletes the files it no longer needs, so set"
      + " -Dgradproof.cacheDir (<cacheDir> in the POM) to a folder of its own, new or empty, such as"
      + " target/gradproof-cache (the default), and run again; nothing was changed";

  @TempDir Path tmp;
  private Path project;

  @BeforeEach
  void copyOfAProject() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    write("pom.xml", "<project/>\n");
    write("data/quizzes/NOTES.txt", "keep\n");
    Files.copy(Path.of("data/quizzes/phase-08-tensor-autograd.yaml"),
        project.resolve("data/quizzes/phase-08-tensor-autograd.yaml"));
    write("templates/assets/course.css", "body { color: navy; }\n");
    write("notes/notes.txt", "someone's notes\n");
    write("notes/README.md", "# notes\n");
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private SiteGenerator generator(String cacheDir) {
    SiteConfig config = new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of("site"),
        List.of("en", "es"));
    return SiteGenerator.standard(config, BuildLog.silent(),
        BuildOptions.DEFAULT.withGeneratorBuild("build-1").withCache(project.resolve(cacheDir)));
  }

  /** Runs a real build with the cache in {@code cacheDir} and returns its one problem, without the advice. */
  private String refusal(String cacheDir) throws IOException {
    Map<String, String> before = TreeSnapshot.of(tmp);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generator(cacheDir).generate());
    assertEquals(before, TreeSnapshot.of(tmp), "nothing in or beside the project changed");
    assertEquals(1, e.diagnostics().size(), e.getMessage());
    assertTrue(e.getMessage().endsWith(ADVICE), e.getMessage());
    return e.getMessage().substring(0, e.getMessage().length() - ADVICE.length());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      ".              | .:1:1: the cache folder '.' is the project folder",
      "data/quizzes   | data/quizzes:1:1: the cache folder 'data/quizzes' is the data folder data/quizzes",
      "data           | data:1:1: the cache folder 'data' contains the data folder data/quizzes",
      "data/quizzes/c | data/quizzes/c:1:1: the cache folder 'data/quizzes/c' is inside the data folder data/quizzes",
      "templates/x    | templates/x:1:1: the cache folder 'templates/x' is inside the templates folder templates",
      "site           | site:1:1: the cache folder 'site' is the output folder site",
      "site/cache     | site/cache:1:1: the cache folder 'site/cache' is inside the output folder site",
      "pom.xml        | pom.xml:1:1: the cache folder 'pom.xml' is a file, not a folder",
  })
  void refusesAFolderTheBuildMustNotDeleteFrom(String cacheDir, String expected) throws IOException {
    assertEquals(expected, refusal(cacheDir.strip()));
  }

  @Test
  void refusesTheFolderAboveTheProject() throws IOException {
    String shown = tmp.toAbsolutePath().toString();
    assertEquals(shown + ":1:1: the cache folder '" + shown + "' contains the project folder", refusal(".."));
  }

  @Test
  void refusesAFolderHoldingFilesTheCacheDidNotWrite() throws IOException {
    Map<String, String> before = TreeSnapshot.of(tmp);
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generator("notes").generate());
    assertEquals(before, TreeSnapshot.of(tmp), "nothing in or beside the project changed");
    assertEquals("notes:1:1: the cache folder 'notes' holds 2 entries the build cache did not write: README.md and"
        + " notes.txt; the build cache deletes the files it no longer needs, so move them out of it, or set"
        + " -Dgradproof.cacheDir (<cacheDir> in the POM) to another folder, and run again; nothing was changed",
        e.getMessage());
  }

  @Test
  void acceptsANewAnEmptyOrItsOwnFolder() throws IOException {
    Files.createDirectories(project.resolve("target/empty"));
    for (String cacheDir : List.of("target/gradproof-cache", "target/empty")) {
      generator(cacheDir).generate();
      generator(cacheDir).generate(); // a folder the cache wrote is its own
      assertEquals(List.of(), CacheFiles.foreign(project.resolve(cacheDir)));
    }
  }

  @Test
  void theCacheDeletesOnlyFilesItWrote() throws IOException {
    Path cache = project.resolve("target/gradproof-cache");
    generator("target/gradproof-cache").generate();
    // Put there while a build runs, after the guard looked: the cache leaves it alone.
    write("target/gradproof-cache/notes.txt", "someone's\n");
    Path stale = Files.writeString(cache.resolve("0".repeat(64) + ".bin"), "a stale entry");
    BuildCache.open(cache, config(), "pipeline", "build-1").retainOnly(Set.of());
    assertTrue(Files.exists(cache.resolve("notes.txt")), "not the cache's: kept");
    assertTrue(Files.notExists(stale), "the cache's own stale entry: deleted");
  }

  private SiteConfig config() {
    return new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of("site"), List.of("en"));
  }
}
