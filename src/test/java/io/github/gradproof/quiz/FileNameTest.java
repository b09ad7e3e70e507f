package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.diag.DiagnosticException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quiz file is named phase-NN-slug.yaml after its own phase and slug. */
class FileNameTest {

  @TempDir Path tmp;

  private String failure(String fileName, String phase, String slug) {
    String text = QuizFiles.HEADER.replace("phase: 1", "phase: " + phase)
        .replace("slug: t", "slug: " + slug) + QuizFiles.question("q-01-01");
    Path file = QuizFiles.write(tmp, fileName, text);
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.load(file, "data/" + fileName, QuizFiles.LANGUAGES));
    return e.getMessage();
  }

  @Test
  void phaseNumberIsZeroPaddedToTwoDigits() {
    assertEquals(String.join("\n",
        "data/phase-8-t.yaml:1:1: the file name 'phase-8-t.yaml' does not follow phase-NN-slug.yaml;"
            + " rename the file to phase-08-t.yaml",
        "    phase: 8",
        "    ^"), failure("phase-8-t.yaml", "8", "t"));
  }

  @Test
  void phaseDisagreeingWithTheNameIsReportedAtPhase() {
    assertEquals(String.join("\n",
        "data/phase-02-t.yaml:1:8: phase 1 disagrees with the file name 'phase-02-t.yaml'; rename the"
            + " file to phase-01-t.yaml, or fix phase",
        "    phase: 1",
        "           ^"), failure("phase-02-t.yaml", "1", "t"));
  }

  @Test
  void overPaddedNumberDisagrees() {
    assertEquals(String.join("\n",
        "data/phase-001-t.yaml:1:8: phase 1 disagrees with the file name 'phase-001-t.yaml'; rename"
            + " the file to phase-01-t.yaml, or fix phase",
        "    phase: 1",
        "           ^"), failure("phase-001-t.yaml", "1", "t"));
  }

  @Test
  void slugDisagreeingWithTheNameIsReportedAtSlug() {
    assertEquals(String.join("\n",
        "data/phase-01-tensor.yaml:2:7: slug 'tensors' disagrees with the file name"
            + " 'phase-01-tensor.yaml'; rename the file to phase-01-tensors.yaml, or fix slug",
        "    slug: tensors",
        "          ^"), failure("phase-01-tensor.yaml", "1", "tensors"));
  }

  @Test
  void bothDisagreeing() {
    String message = failure("phase-03-x.yaml", "1", "t");
    assertEquals(2, message.split("\n\n").length, message);
  }

  @Test
  void otherNamesAndExtensions() {
    assertEquals(String.join("\n",
        "data/quiz.yaml:1:1: the file name 'quiz.yaml' does not follow phase-NN-slug.yaml; rename the"
            + " file to phase-01-t.yaml",
        "    phase: 1",
        "    ^"), failure("quiz.yaml", "1", "t"));
    assertEquals(
        "data/phase-01-t.yml:1:1: the file name 'phase-01-t.yml' does not follow phase-NN-slug.yaml;"
            + " rename the file to phase-01-t.yaml",
        failure("phase-01-t.yml", "1", "t").lines().findFirst().orElseThrow());
  }

  @Test
  void phaseZeroAndLargeNumbers() {
    QuizFiles.load(QuizFiles.write(tmp, "phase-00-t.yaml",
        QuizFiles.HEADER.replace("phase: 1", "phase: 0") + QuizFiles.question("q-01-01")),
        "phase-00-t.yaml", QuizFiles.LANGUAGES);
    Phase p = QuizFiles.load(QuizFiles.write(tmp, "phase-123-t.yaml",
        QuizFiles.HEADER.replace("phase: 1", "phase: 123") + QuizFiles.question("q-01-01")),
        "phase-123-t.yaml", QuizFiles.LANGUAGES);
    assertEquals(123, p.number());
  }
}
