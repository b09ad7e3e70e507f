package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A misspelt language key is pointed to the language the field lacks, never to one it has. */
class LanguageKeysTest {

  @TempDir Path tmp;

  private String error(String title) {
    return assertThrows(DiagnosticException.class, () -> QuizFiles.load(tmp, QuizFiles.HEADER + String.join("\n",
        "  - id: q-01-01",
        "    kind: free",
        "    title: " + title,
        "    prompt: {en: p, es: p}",
        "    answer:",
        "      text: {en: a, es: a}",
        ""))).getMessage();
  }

  @Test
  void aMisspeltKeyBesideTheLanguageItResemblesSuggestsTheMissingOne() {
    String message = error("{en: t, ex: t}");
    assertTrue(message.contains("unexpected language 'ex' in title (did you mean 'es'?)"), message);
    assertTrue(!message.contains("did you mean 'en'"), message);
  }

  @Test
  void aMisspeltKeyWithBothLanguagesMissingSuggestsTheClosest() {
    String message = error("{ex: t, es: t}");
    assertTrue(message.contains("(did you mean 'en'?)"), message);
  }
}
