package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a directory: order, ids unique across files, every problem of every file at once. */
class LoadAllTest {

  @TempDir Path tmp;

  private static String phase(int number, String slug, String... ids) {
    StringBuilder text = new StringBuilder(QuizFiles.HEADER.replace("phase: 1", "phase: " + number)
        .replace("slug: t", "slug: " + slug));
    for (String id : ids) {
      text.append(QuizFiles.question(id));
    }
    return text.toString();
  }

  @Test
  void sortsByPhaseNumberThenSlugAndIgnoresOtherFiles() {
    QuizFiles.write(tmp, "phase-10-a.yaml", phase(10, "a", "q-10-01"));
    QuizFiles.write(tmp, "phase-02-b.yaml", phase(2, "b", "q-02-01"));
    QuizFiles.write(tmp, "phase-02-a.yaml", phase(2, "a", "q-02-02"));
    QuizFiles.write(tmp, "README.md", "not a quiz");
    List<Phase> phases = QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES);
    assertEquals(List.of("phase-02-a", "phase-02-b", "phase-10-a"),
        phases.stream().map(Phase::pageName).toList());
    assertEquals("data/quizzes/phase-02-a.yaml", phases.get(0).sourcePath());
  }

  @Test
  void aFolderWithoutQuizFilesIsAnError() {
    QuizFiles.write(tmp, "README.md", "not a quiz");
    QuizFiles.write(tmp, ".phase-01-a.yaml.swp", "an editor's swap file");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    assertEquals("data/quizzes:1:1: no quiz files in data/quizzes; a site needs at least one phase-NN-slug.yaml"
        + " file, so add one (mvn site:new -Dgradproof.phase=1 -Dgradproof.slug=intro writes a valid example) or"
        + " point -Dgradproof.data (<data> in the POM) at the folder that holds them", e.getMessage());
  }

  @Test
  void fileNamedLikeAPhaseWithAnotherExtensionIsReportedWithItsName() {
    QuizFiles.write(tmp, "phase-01-a.yaml", phase(1, "a", "q-01-01"));
    QuizFiles.write(tmp, "Phase 9 Optimizers.txt", phase(9, "optimizers", "q-09-01"));
    QuizFiles.write(tmp, "phase-02-b.yaml.bak", phase(2, "b", "q-02-01"));
    QuizFiles.write(tmp, "phase-03-c.yaml~", "an editor's backup: ignored");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    assertEquals(List.of(
        "data/quizzes/Phase 9 Optimizers.txt:1:1: the file 'Phase 9 Optimizers.txt' is named like a phase but is"
            + " not read as a quiz (quiz files are named phase-NN-slug.yaml); rename it to phase-09-optimizers.yaml,"
            + " or move it out of data/quizzes",
        "data/quizzes/phase-02-b.yaml.bak:1:1: the file 'phase-02-b.yaml.bak' is named like a phase but is not"
            + " read as a quiz (quiz files are named phase-NN-slug.yaml); rename it to phase-02-b.yaml, or move it"
            + " out of data/quizzes"), e.diagnostics().stream().map(Diagnostic::format).toList());
  }

  @Test
  void upperCaseExtensionsAreReadAndTheirNameReported() {
    QuizFiles.write(tmp, "phase-01-a.YAML", phase(1, "a", "q-01-01"));
    QuizFiles.write(tmp, "phase-02-b.Yml", phase(2, "b", "q-02-01"));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    assertEquals(List.of(
        "data/quizzes/phase-01-a.YAML:1:1: the file name 'phase-01-a.YAML' does not follow phase-NN-slug.yaml;"
            + " rename the file to phase-01-a.yaml",
        "data/quizzes/phase-02-b.Yml:1:1: the file name 'phase-02-b.Yml' does not follow phase-NN-slug.yaml;"
            + " rename the file to phase-02-b.yaml"),
        e.diagnostics().stream().map(d -> d.location() + ": " + d.message()).toList());
  }

  @Test
  void duplicateIdsAcrossFiles() {
    QuizFiles.write(tmp, "phase-01-a.yaml", phase(1, "a", "q-01-01"));
    QuizFiles.write(tmp, "phase-02-b.yaml", phase(2, "b", "q-02-01", "q-01-01"));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    assertEquals(String.join("\n",
        "data/quizzes/phase-02-b.yaml:12:9: duplicate question id 'q-01-01' (first used at"
            + " data/quizzes/phase-01-a.yaml:6:9); ids must be unique across the site, so rename"
            + " this one",
        "      - id: q-01-01",
        "            ^"), e.getMessage());
  }

  @Test
  void reportsEveryProblemInEveryFile() {
    QuizFiles.write(tmp, "phase-01-a.yaml", phase(1, "a", "q-01-01").replace("kind: free", "kind: fre"));
    QuizFiles.write(tmp, "phase-02-b.yaml", "");
    QuizFiles.write(tmp, "phase-03-c.yaml", phase(3, "c", "q-03-01").replace("es: \"P\"", "fr: \"P\""));
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    assertEquals(List.of(
            "data/quizzes/phase-01-a.yaml:7:11",
            "data/quizzes/phase-02-b.yaml:1:1",
            "data/quizzes/phase-03-c.yaml:9:23",
            "data/quizzes/phase-03-c.yaml:9:13"),
        e.diagnostics().stream().map(d -> d.location().toString()).toList());
    assertTrue(e.diagnostics().get(0).message().contains("(did you mean 'free'?)"));
  }

  @Test
  void fileOverTheSizeLimitIsRefusedUnread() throws IOException {
    String text = phase(1, "a", "q-01-01") + "# " + "x".repeat(QuizLoader.MAX_FILE_BYTES) + "\n";
    QuizFiles.write(tmp, "phase-01-a.yaml", text);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp, "data/quizzes", QuizFiles.LANGUAGES));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("data/quizzes/phase-01-a.yaml:1:1", d.location().toString());
    assertEquals("the file is " + Files.size(tmp.resolve("phase-01-a.yaml")) + " bytes, over the"
        + " limit of 1048576 bytes (1 MiB) for a quiz file; split it into several phases", d.message());
  }

  @Test
  void missingFileAndDirectoryAreLocatedErrors() {
    DiagnosticException file = assertThrows(DiagnosticException.class,
        () -> QuizFiles.load(tmp.resolve("phase-01-a.yaml"), "data/quizzes/phase-01-a.yaml",
            QuizFiles.LANGUAGES));
    assertEquals("data/quizzes/phase-01-a.yaml:1:1: the file does not exist; check the name and the folder",
        file.getMessage());
    DiagnosticException dir = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp.resolve("nope"), "nope", QuizFiles.LANGUAGES));
    assertEquals("nope:1:1: the quiz folder does not exist; create it with a phase-NN-slug.yaml file, or point"
        + " gradproof.data (<data> in the POM) at the folder that holds the quiz files", dir.getMessage());
  }

  @Test
  void aQuizFolderThatIsAFileSaysSo() throws java.io.IOException {
    java.nio.file.Files.writeString(tmp.resolve("notes"), "x");
    DiagnosticException dir = assertThrows(DiagnosticException.class,
        () -> QuizFiles.loadAll(tmp.resolve("notes"), "notes", QuizFiles.LANGUAGES));
    assertTrue(dir.getMessage().startsWith("notes:1:1: the quiz folder is a file, not a folder; point gradproof.data"),
        dir.getMessage());
  }

  @Test
  void languagesAreConfigurable() {
    Phase p = QuizFiles.load(
        QuizFiles.write(tmp, "phase-01-t.yaml", QuizFiles.HEADER.replace(", es: \"Fase 1\"", "")
            .replace(", es: \"Resumen.\"", "") + String.join("\n",
            "  - id: q-01-01",
            "    kind: free",
            "    title: {en: \"T\"}",
            "    prompt: {en: \"P\"}",
            "    answer: {text: {en: \"A\"}}",
            "")),
        "t.yaml", List.of("en"));
    assertEquals(List.of("en"), List.copyOf(p.title().texts().keySet()));
  }
}
