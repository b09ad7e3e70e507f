package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The output guard on a temporary copy of a project: every output a build must not replace is
 * refused with one paragraph naming the parameter, and nothing in the project, beside it, or at
 * the file-system root is created, moved, deleted or changed.
 */
class OutputGuardTest {

  private static final String ADVICE = "; a build replaces its output folder as a whole, so set -Dgradproof.output"
      + " (<output> in the POM) to a folder of its own, new or empty, such as site (the default), and run again;"
      + " nothing was changed";

  @TempDir Path tmp;
  private Path project;

  @BeforeEach
  void copyOfAProject() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    Files.copy(Path.of("pom.xml"), project.resolve("pom.xml"));
    Files.copy(Path.of("README.md"), project.resolve("README.md"));
    write("src/main/java/Example.java", "class Example {}\n");
    write(".git/HEAD", "ref: refs/heads/main\n");
    write("notes/todo.txt", "someone's notes\n");
    Files.createDirectories(project.resolve("data/quizzes"));
    Files.copy(Path.of("data/quizzes/phase-08-tensor-autograd.yaml"),
        project.resolve("data/quizzes/phase-08-tensor-autograd.yaml"));
    write("templates/assets/course.css", "body { color: navy; }\n");
  }

  private void write(String relative, String text) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private SiteConfig config(String output) {
    return new SiteConfig(project, Path.of("data/quizzes"), Path.of("templates"), Path.of(output), List.of("en", "es"));
  }

  /** Runs a real build (loader and verifier) on {@code output} and returns its one problem. */
  private String refusal(String output) throws IOException {
    Map<String, String> before = TreeSnapshot.of(tmp);
    List<String> root = rootEntries();
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> SiteGenerator.standard(config(output), BuildLog.silent()).generate());
    assertEquals(before, TreeSnapshot.of(tmp), "nothing in or beside the project changed");
    assertEquals(root, rootEntries(), "nothing at / changed");
    assertEquals(1, e.diagnostics().size(), e.getMessage());
    assertTrue(e.getMessage().endsWith(ADVICE), e.getMessage());
    return e.getMessage().substring(0, e.getMessage().length() - ADVICE.length());
  }

  private static List<String> rootEntries() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of("/"))) {
      return entries.map(Path::toString).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      ".             | .:1:1: the output '.' is the project folder",
      "src           | src:1:1: the output 'src' is the project's src folder",
      "src/main/site | src/main/site:1:1: the output 'src/main/site' is inside the project's src folder",
      "data/quizzes  | data/quizzes:1:1: the output 'data/quizzes' is the data folder data/quizzes",
      "data          | data:1:1: the output 'data' contains the data folder data/quizzes",
      "data/quizzes/x| data/quizzes/x:1:1: the output 'data/quizzes/x' is inside the data folder data/quizzes",
      "templates     | templates:1:1: the output 'templates' is the templates folder templates",
      "templates/assets | templates/assets:1:1: the output 'templates/assets' is inside the templates folder templates",
      "README.md     | README.md:1:1: the output 'README.md' is a file, not a folder",
      "pom.xml       | pom.xml:1:1: the output 'pom.xml' is a file, not a folder",
      "README.md/site| README.md/site:1:1: the output 'README.md/site' is inside a file (README.md), not a folder",
      ".git          | .git:1:1: the output '.git' is the project's .git folder",
      "/             | /:1:1: the output '/' is the root of the file system",
      "notes         | notes:1:1: the output 'notes' is a folder that already holds files gradproof did not write (it"
          + " has no .gradproof-site stamp and is not shaped like a gradproof site)",
  })
  void refusesAnOutputItMustNotReplace(String output, String expected) throws IOException {
    assertEquals(expected, refusal(output.strip()));
  }

  @Test
  void refusesTheFolderAboveTheProject() throws IOException {
    String shown = tmp.toAbsolutePath().toString();
    assertEquals(shown + ":1:1: the output '" + shown + "' contains the project folder", refusal(".."));
  }

  @Test
  void seesThroughLinks() throws IOException {
    Files.createSymbolicLink(project.resolve("alias"), project);
    assertEquals("alias/src:1:1: the output 'alias/src' is the project's src folder", refusal("alias/src"));
    Files.createSymbolicLink(project.resolve("published"), project.resolve("notes"));
    assertEquals("published:1:1: the output 'published' is a symbolic link", refusal("published"));
  }

  @Test
  void refusesAFolderWithAForgedStamp() throws IOException {
    write("notes/" + SiteStamp.FILE, "not the stamp\n");
    assertTrue(refusal("notes").contains("gradproof did not write"));
  }

  private SiteGenerator sample(String output) {
    return TestPipeline.generator(config(output), List.of(SampleQuiz.phase("Phase 3 — Sample")), SampleQuiz::result);
  }

  @Test
  void writesANewOrEmptyFolderAndStampsIt() throws IOException {
    Files.createDirectories(project.resolve("empty"));
    for (String output : List.of("empty", "new/site")) {
      sample(output).generate();
      assertEquals(SiteStamp.TEXT, Files.readString(project.resolve(output).resolve(SiteStamp.FILE)));
    }
  }

  @Test
  void replacesAStampedSiteWhoseOwnFilesChanged() throws IOException {
    sample("site").generate();
    Map<String, String> built = TreeSnapshot.of(project.resolve("site"));
    write("site/en/index.html", "changed by hand\n");
    Files.delete(project.resolve("site/verification.json"));
    sample("site").generate();
    assertEquals(built, TreeSnapshot.of(project.resolve("site")), "a site's own files are replaced as a whole");
  }

  /** Runs a build on {@code output} that must refuse it, leaving everything as it was; returns its one problem. */
  private String refusalOf(SiteGenerator generator) throws IOException {
    Map<String, String> before = TreeSnapshot.of(tmp);
    DiagnosticException e = assertThrows(DiagnosticException.class, generator::generate);
    assertEquals(before, TreeSnapshot.of(tmp), "nothing in or beside the project changed");
    assertEquals(1, e.diagnostics().size(), e.getMessage());
    return e.getMessage();
  }

  @Test
  void refusesAStampedSiteHoldingEntriesNoBuildWrote() throws IOException {
    sample("site").generate();
    write("site/.git/HEAD", "ref: refs/heads/gh-pages\n");
    write("site/CNAME", "www.example.org\n");
    write("site/en/notes.html", "<p>by hand</p>\n");
    write("site/md/en/notes.md", "by hand\n");
    assertEquals("site:1:1: the output 'site' holds 4 entries gradproof did not write: .git, CNAME, en/notes.html"
        + " and 1 other; a build replaces its output folder as a whole, so move them out of it, or set"
        + " -Dgradproof.output (<output> in the POM) to another folder, and run again; nothing was changed",
        refusalOf(sample("site")));
    Files.delete(project.resolve("site/md/en/notes.md"));
    Files.delete(project.resolve("site/en/notes.html"));
    TestProject.deleteTree(project.resolve("site/.git"));
    assertTrue(refusalOf(sample("site")).startsWith(
        "site:1:1: the output 'site' holds 1 entry gradproof did not write: CNAME; "));
  }

  /**
   * A build that updates its output in place (a live preview, from the record it keeps) touches
   * only the files it recorded, so its place is checked without listing the output's entries: a
   * file put there by hand stays, and a full build still refuses it.
   */
  @Test
  void anInPlaceUpdateChecksThePlaceOnlyAndKeepsAHandMadeFile() throws IOException {
    sample("site").generate();
    write("site/CNAME", "www.example.org\n");
    assertDoesNotThrow(() -> OutputGuard.checkPlace(config("site")));
    assertTrue(refusalOf(sample("site")).contains("holds 1 entry gradproof did not write: CNAME"));
    assertTrue(Files.isRegularFile(project.resolve("site/CNAME")));
  }

  /**
   * The output's entries are listed once, under its lock, and still before any phase is loaded:
   * with or without the cache, a refused output costs no load.
   */
  @ParameterizedTest
  @CsvSource({"false", "true"})
  void aRefusedOutputIsRefusedBeforeAnyPhaseLoads(boolean cached) throws IOException {
    sample("site").generate();
    write("site/en/notes.html", "<p>by hand</p>\n");
    AtomicInteger loads = new AtomicInteger();
    Pipeline counting = new Pipeline("test", (config, executor, problems) -> {
      loads.incrementAndGet();
      return List.of(SampleQuiz.phase("Phase 3 — Sample"));
    }, SampleQuiz::result);
    BuildOptions options = cached ? BuildOptions.DEFAULT.withCache(project.resolve("target/gradproof-cache"))
        : BuildOptions.DEFAULT;
    if (cached) {
      Files.createDirectories(project.resolve("target/gradproof-cache"));
    }
    assertTrue(refusalOf(new SiteGenerator(config("site"), BuildLog.silent(), counting, options))
        .contains("holds 1 entry gradproof did not write: en/notes.html"));
    assertEquals(0, loads.get());
  }

  @Test
  void refusesAFileNamedLikeAPageThatTheOutputsRecordDoesNotList() throws IOException {
    Path cache = project.resolve("target/gradproof-cache");
    TestPipeline.generator(config("site"), List.of(SampleQuiz.phase("Phase 3 — Sample")), SampleQuiz::result,
        BuildOptions.DEFAULT.withCache(cache)).generate();
    write("site/en/phase-07-by-hand.html", "<p>by hand</p>\n");
    assertEquals("site:1:1: the output 'site' holds 1 entry gradproof did not write: en/phase-07-by-hand.html; a"
        + " build replaces its output folder as a whole, so move them out of it, or set -Dgradproof.output (<output>"
        + " in the POM) to another folder, and run again; nothing was changed",
        refusalOf(TestPipeline.generator(config("site"), List.of(SampleQuiz.phase("Phase 3 — Sample")),
            SampleQuiz::result, BuildOptions.DEFAULT.withCache(cache))));
  }

  @Test
  void acceptsTheCommittedSiteWrittenBeforeStamps() throws IOException {
    TestProject.copyTree(Path.of("site").toAbsolutePath(), project.resolve("site"));
    Files.deleteIfExists(project.resolve("site").resolve(SiteStamp.FILE));
    assertTrue(SiteStamp.isUnstampedSite(project.resolve("site")), "the committed site has the exact shape");
    sample("site").generate();
    assertTrue(Files.isRegularFile(project.resolve("site").resolve(SiteStamp.FILE)));
  }

  @Test
  void acceptsASiteWithABaseUrlWrittenBeforeStamps() throws IOException {
    TestPipeline.generator(config("site").withBaseUrl("https://example.org/course/"),
        List.of(SampleQuiz.phase("Phase 3 — Sample")), SampleQuiz::result).generate();
    assertTrue(Files.isRegularFile(project.resolve("site/404.html")) && Files.isRegularFile(project.resolve("site/sitemap.xml")));
    Files.delete(project.resolve("site").resolve(SiteStamp.FILE));
    assertTrue(SiteStamp.isUnstampedSite(project.resolve("site")), "404.html and the sitemap belong to a site");
    write("site/sitemap.xml.bak", "someone's copy\n");
    assertTrue(refusal("site").contains("gradproof did not write"));
  }

  @Test
  void anUnstampedSiteWithAnythingElseInItIsNotASite() throws IOException {
    TestProject.copyTree(Path.of("site").toAbsolutePath(), project.resolve("site"));
    Files.deleteIfExists(project.resolve("site").resolve(SiteStamp.FILE));
    write("site/en/notes.txt", "not a page\n");
    assertTrue(refusal("site").contains("gradproof did not write"));
    Files.delete(project.resolve("site/en/notes.txt"));
    write("site/verification.json", "{\"format\": 1}\n");
    assertTrue(refusal("site").contains("gradproof did not write"));
  }
}
