package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.gradproof.NoLeak;
import io.github.gradproof.TestProject;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quiz files are real files: a link leading out of the data folder, a pipe, a device or a folder
 * in a quiz file's place is refused by name, never read; and no message quotes the bytes of a
 * file that is not valid text.
 */
class RealFileRulesTest {

  @TempDir Path tmp;

  @AfterEach
  void deleteLinks() throws IOException {
    TestProject.deleteLinks(tmp); // before JUnit cleans up, which warns about each link out of the folder
  }

  private Path data() throws IOException {
    return Files.createDirectories(tmp.resolve("data"));
  }

  private List<String> problems(Path data) {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(data, "data/quizzes", QuizFiles.LANGUAGES));
    return e.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void aLinkToProcSelfEnvironIsRefusedAndNothingOfTheEnvironmentIsPrinted() throws IOException {
    Path environ = Path.of("/proc/self/environ");
    assumeTrue(Files.isReadable(environ), "needs Linux's /proc");
    Path data = data();
    Files.createSymbolicLink(data.resolve("phase-01-a.yaml"), environ);
    List<String> problems = problems(data);
    assertEquals(List.of("data/quizzes/phase-01-a.yaml:1:1: the file is a symbolic link that leads outside its"
        + " folder (data/); gradproof reads only files inside that folder, so replace the link with a copy of the"
        + " file"), problems);
    NoLeak.assertLeaksNoEnvironment(String.join("\n", problems));
  }

  @Test
  void aCopyOfTheEnvironmentIsRefusedWithoutQuotingIt() throws IOException {
    Path data = data();
    Files.write(data.resolve("phase-01-a.yaml"),
        "phase: 1\nSECRET_TOKEN=hunter2-do-not-print\u0000HOME=/root\u0000".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of("data/quizzes/phase-01-a.yaml:2:34: character U+0000 is not allowed in a YAML file; delete"
        + " it (it is often an invisible control character pasted from elsewhere)"), problems(data));
  }

  @Test
  void aFileThatIsNotUtf8IsLocatedWithoutQuotingIt() throws IOException {
    Path data = data();
    Files.write(data.resolve("phase-01-a.yaml"), new byte[] {'p', 'w', ':', ' ', 's', '3', (byte) 0xFF, 'x', '\n'});
    List<String> problems = problems(data);
    assertEquals(List.of("data/quizzes/phase-01-a.yaml:1:7: the file is not valid UTF-8: byte 0xFF cannot start or"
        + " continue a character here; save the file as UTF-8 (quiz files must be UTF-8 so both languages"
        + " survive)"), problems);
  }

  @Test
  void aLinkInsideTheFolderIsRead() throws IOException {
    Path data = data();
    Path real = QuizFiles.write(data, "real.txt", QuizFiles.HEADER + QuizFiles.question("q-01-01"));
    Files.createSymbolicLink(data.resolve("phase-01-t.yaml"), real.getFileName());
    List<Phase> phases = QuizFiles.loadAll(data, "data/quizzes", QuizFiles.LANGUAGES);
    assertEquals(1, phases.size());
  }

  @Test
  void aLinkToAQuizInAnotherFolderIsRefused() throws IOException {
    Path data = data();
    Path elsewhere = QuizFiles.write(Files.createDirectories(tmp.resolve("elsewhere")), "phase-01-t.yaml",
        QuizFiles.HEADER + QuizFiles.question("q-01-01"));
    Files.createSymbolicLink(data.resolve("phase-01-t.yaml"), elsewhere);
    assertEquals(1, problems(data).size());
  }

  @Test
  void aDanglingLinkAndAFolderNamedLikeAQuizAreRefused() throws IOException {
    Path data = data();
    Files.createSymbolicLink(data.resolve("phase-01-a.yaml"), data.resolve("nowhere.yaml"));
    Files.createDirectories(data.resolve("phase-02-b.yaml"));
    assertEquals(List.of(
        "data/quizzes/phase-01-a.yaml:1:1: the file is a symbolic link to a file that does not exist; replace the"
            + " link with the file itself",
        "data/quizzes/phase-02-b.yaml:1:1: this is a folder, not a regular file; gradproof reads only regular"
            + " files here, so replace it with a file or move it out of its folder (data/)"), problems(data));
  }

  @Test
  void aNamedPipeIsRefusedWithoutBlocking() throws Exception {
    Path data = data();
    Path fifo = data.resolve("phase-01-a.yaml");
    assumeTrue(mkfifo(fifo), "needs mkfifo");
    assertEquals(List.of("data/quizzes/phase-01-a.yaml:1:1: this is a named pipe (FIFO), not a regular file;"
        + " gradproof reads only regular files here, so replace it with a file or move it out of its folder"
        + " (data/)"), problems(data));
  }

  @Test
  void aLinkToADeviceIsRefused() throws IOException {
    Path data = data();
    Files.createSymbolicLink(data.resolve("phase-01-a.yaml"), Path.of("/dev/zero"));
    assertEquals(1, problems(data).size());
  }

  static boolean mkfifo(Path path) throws IOException, InterruptedException {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
