package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gradproof.NoLeak;
import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Templates, UI strings and assets are real files: a link out of the templates folder, a pipe or
 * a device is refused by name (with the build cache on, so that hashing the templates cannot block
 * on a pipe either), the published site is untouched, and no message quotes a byte of such a file.
 */
class TemplateFileRulesTest {

  private static final Path ENVIRON = Path.of("/proc/self/environ");

  @TempDir Path project;
  private Path templates;
  private Map<String, String> published;

  @AfterEach
  void deleteLinks() throws IOException {
    TestProject.deleteLinks(project); // before JUnit cleans up, which warns about each link out of the folder
  }

  @BeforeEach
  void publishOnce() throws IOException {
    templates = project.resolve("templates");
    SiteGeneratorTest.writeBuiltInTheme(templates); // every file overridden, so each kind can be replaced
    generator().generate();
    published = TestProject.snapshot(project.resolve("site"));
  }

  private SiteGenerator generator() {
    SiteConfig config = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"),
        List.of("en", "es"));
    return TestPipeline.generator(config, List.of(SampleQuiz.phase("Phase 3 — Sample")), SampleQuiz::result,
        BuildOptions.DEFAULT.withCache(project.resolve("target/cache")));
  }

  /** The build's message, after checking that the published site is unchanged. */
  private String refusal() throws IOException {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generator().generate());
    assertEquals(published, TestProject.snapshot(project.resolve("site")), "the published site is untouched");
    NoLeak.assertLeaksNoEnvironment(e.getMessage());
    return e.getMessage();
  }

  private void replaceWithLink(String relative, Path target) throws IOException {
    Path file = templates.resolve(relative);
    Files.deleteIfExists(file);
    Files.createSymbolicLink(file, target);
  }

  @Test
  void anAssetLinkedToProcSelfEnvironIsRefused() throws IOException {
    assumeTrue(Files.isReadable(ENVIRON), "needs Linux's /proc");
    replaceWithLink("assets/leak.css", ENVIRON);
    assertEquals("templates/assets/leak.css:1:1: the file is a symbolic link that leads outside its folder"
        + " (templates/); gradproof reads only files inside that folder, so replace the link with a copy of the"
        + " file", refusal());
  }

  @Test
  void anAssetLinkedToAFileOutsideIsRefused() throws IOException {
    Path secret = Files.writeString(project.resolve("secret.txt"), "do not publish", StandardCharsets.UTF_8);
    replaceWithLink("assets/secret.txt", secret);
    assertTrue(refusal().startsWith("templates/assets/secret.txt:1:1: the file is a symbolic link that leads outside"));
  }

  @Test
  void aLinkedAssetsFolderIsRefused() throws IOException {
    Path elsewhere = Files.createDirectories(project.resolve("elsewhere"));
    TestProject.copyTree(templates.resolve("assets"), elsewhere);
    TestProject.deleteTree(templates.resolve("assets"));
    Files.createSymbolicLink(templates.resolve("assets"), elsewhere);
    assertTrue(refusal().startsWith("templates/assets:1:1: the file is a symbolic link that leads outside"));
  }

  @Test
  void aLinkInsideTheTemplatesFolderIsFollowed() throws IOException {
    Files.createSymbolicLink(templates.resolve("assets/alias.css"), Path.of("style.css"));
    generator().generate();
    assertEquals(Files.readString(templates.resolve("assets/style.css")),
        Files.readString(project.resolve("site/assets/alias.css")));
  }

  @Test
  void aPipeAmongTheAssetsIsRefusedWithoutBlocking() throws Exception {
    Path fifo = templates.resolve("assets/pipe.css");
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "needs mkfifo");
    assertEquals("templates/assets/pipe.css:1:1: this is a named pipe (FIFO), not a regular file; gradproof reads"
        + " only regular files here, so replace it with a file or move it out of its folder (templates/)", refusal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"layout.peb", "partials/question.peb", "i18n/es.yaml", "assets/style.css"})
  void aPipeInPlaceOfAnOverrideIsRefusedNotReplacedByTheBuiltInFile(String path) throws Exception {
    Path fifo = templates.resolve(path);
    Files.delete(fifo);
    Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "needs mkfifo");
    assertEquals("templates/" + path + ":1:1: this is a named pipe (FIFO), not a regular file; gradproof reads"
        + " only regular files here, so replace it with a file or move it out of its folder (templates/)", refusal());
  }

  @ParameterizedTest
  @ValueSource(strings = {"layout.peb", "partials/verification.peb", "i18n/en.yaml", "assets/selfcheck.js"})
  void anOverrideLinkedToProcSelfEnvironIsRefusedByName(String path) throws IOException {
    assumeTrue(Files.isReadable(ENVIRON), "needs Linux's /proc");
    replaceWithLink(path, ENVIRON);
    assertEquals("templates/" + path + ":1:1: the file is a symbolic link that leads outside its folder"
        + " (templates/); gradproof reads only files inside that folder, so replace the link with a copy of the"
        + " file", refusal());
  }

  @Test
  void aLinkToAFolderInPlaceOfATemplateIsRefused() throws IOException {
    replaceWithLink("phase.peb", templates.resolve("partials"));
    assertTrue(refusal().startsWith("templates/phase.peb:1:1: this is a folder, not a regular file"));
  }

  @Test
  void aTemplateLinkedOutsideIsRefused() throws IOException {
    Path outside = Files.writeString(project.resolve("phase.peb"), Files.readString(templates.resolve("phase.peb")));
    replaceWithLink("phase.peb", outside);
    assertTrue(refusal().startsWith("templates/phase.peb:1:1: the file is a symbolic link that leads outside"));
  }

  @Test
  void aTemplateWithAControlCharacterIsLocatedWithoutQuotingIt() throws IOException {
    Path partial = templates.resolve("partials/question.peb");
    Files.writeString(partial, "{# ok #}\nSECRET=hunter2-do-not-print\u0000\n", StandardCharsets.UTF_8);
    String message = refusal();
    assertEquals("templates/partials/question.peb:2:28: character U+0000 is not allowed in a text file; delete it"
        + " (it is often an invisible control character pasted from elsewhere)", message);
  }

  @Test
  void uiStringsLinkedToProcSelfEnvironAreRefused() throws IOException {
    assumeTrue(Files.isReadable(ENVIRON), "needs Linux's /proc");
    replaceWithLink("i18n/es.yaml", ENVIRON);
    assertTrue(refusal().startsWith("templates/i18n/es.yaml:1:1: the file is a symbolic link that leads outside"));
  }

  @Test
  void uiStringsThatAreNotUtf8AreLocatedWithoutQuotingThem() throws IOException {
    Files.write(templates.resolve("i18n/es.yaml"), new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3});
    assertEquals("templates/i18n/es.yaml:2:4: the file is not valid UTF-8: byte 0xC3 cannot start or continue a"
        + " character here; save the file as UTF-8", refusal());
  }
}
