package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile files near the size limit are refused quickly, with the limit named. */
class ResourceLimitTest {

  @TempDir Path tmp;

  private DiagnosticException refuse(String text) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(DiagnosticException.class, () -> QuizFiles.load(tmp, text)));
  }

  @Test
  void aMillionOpenBracketsIsADepthErrorNotAStackOverflow() {
    DiagnosticException e = refuse("phase: " + "[".repeat(1_000_000) + "\n");
    assertEquals("t.yaml:1:39", e.diagnostics().get(0).location().toString());
    assertTrue(e.diagnostics().get(0).message().startsWith(
        "maps and lists are nested more than 32 levels deep (the limit for a quiz file)"));
  }

  @Test
  void deepBlockNestingIsRefused() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }
    DiagnosticException e = refuse(text.toString());
    assertEquals("t.yaml:33:65", e.diagnostics().get(0).location().toString());
  }

  @Test
  void aWideAliasBombIsRefusedAtTheFirstAliasOverTheLimit() {
    StringBuilder text = new StringBuilder("a: &a [x, x]\nb: [");
    for (int i = 0; i < 10_000; i++) {
      text.append(i == 0 ? "" : ", ").append("*a");
    }
    text.append("]\n");
    DiagnosticException e = refuse(text.toString());
    assertEquals(1, e.diagnostics().size());
    assertEquals("t.yaml:2:205", e.diagnostics().get(0).location().toString());
    assertTrue(e.diagnostics().get(0).message().startsWith("more than 50 aliases to maps or lists"));
  }

  @Test
  void manyScalarAliasesAreHarmless() {
    StringBuilder text = new StringBuilder(QuizFiles.HEADER.replace("phase: 1", "phase: &one 1"));
    text.append(QuizFiles.question("q-01-01").replace("\"T\", es: \"T\"", "&t \"T\", es: *t"));
    Phase phase = QuizFiles.load(tmp, text.toString());
    assertEquals("T", phase.questions().get(0).title().in("es"));
  }
}
