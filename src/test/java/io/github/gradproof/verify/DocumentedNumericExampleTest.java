package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numeric question docs/FORMAT.md shows loads and verifies as written. */
class DocumentedNumericExampleTest {

  @TempDir Path tmp;

  @Test
  void theExampleOfFormatMdVerifies() throws IOException {
    String doc = Files.readString(Path.of("docs", "FORMAT.md"));
    int section = doc.indexOf("## Numeric questions");
    int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
    String example = doc.substring(start, doc.indexOf("```", start));
    Path file = tmp.resolve("phase-09-doc.yaml");
    Files.writeString(file, String.join("\n", "phase: 9", "slug: doc", "title: {en: \"T\", es: \"T\"}",
        "summary: {en: \"S\", es: \"S\"}", "questions:", example));
    Phase phase = QuizLoad.phase(file, "doc.yaml");
    Question q = phase.questions().get(0);
    assertEquals(QuestionKind.NUMERIC, q.kind());
    QuestionResult r = new PhaseVerifier().check(List.of(phase)).get(0).questions().get(0);
    assertEquals(q.numeric().variants(), r.numeric().variants().size());
    assertTrue(r.keyProven());
  }
}
