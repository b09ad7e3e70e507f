package io.github.gradproof.quiz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.diag.DiagnosticException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain scalars follow YAML 1.2's core schema: Spanish "no" is a word, not a boolean. */
class YamlSchemaTest {

  @TempDir Path tmp;

  @Test
  void plainNoYesOnOffStayStrings() {
    Phase phase = QuizFiles.load(tmp, QuizFiles.HEADER + String.join("\n",
        "  - id: q-01-01",
        "    kind: free",
        "    title: {en: yes, es: no}",
        "    prompt: {en: off, es: on}",
        "    answer:",
        "      text:",
        "        en: No",
        "        es: no",
        "    explanation: {en: y, es: n}",
        ""));
    Question q = phase.questions().get(0);
    assertEquals("yes", q.title().in("en"));
    assertEquals("no", q.title().in("es"));
    assertEquals("off", q.prompt().in("en"));
    assertEquals("on", q.prompt().in("es"));
    assertEquals("No", q.answer().text().in("en"));
    assertEquals("no", q.answer().text().in("es"));
    assertEquals("n", q.explanation().in("es"));
  }

  @Test
  void numbersAndBooleansAsTextKeepTheirSpelling() {
    Phase phase = QuizFiles.load(tmp, QuizFiles.HEADER + String.join("\n",
        "  - id: !!str 42",
        "    kind: free",
        "    title: {en: 1.50, es: true}",
        "    prompt: {en: 0x1F, es: ~x}",
        "    answer:",
        "      text: {en: \"A\", es: \"A\"}",
        ""));
    Question q = phase.questions().get(0);
    assertEquals("42", q.id());
    assertEquals("1.50", q.title().in("en"));
    assertEquals("true", q.title().in("es"));
    assertEquals("0x1F", q.prompt().in("en"));
    assertEquals("~x", q.prompt().in("es"));
  }

  @Test
  void verifyNoIsNotABoolean() {
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> QuizFiles.load(tmp, QuizFiles.HEADER + QuizFiles.question("q-01-01") + "    verify: no\n"));
    assertEquals("t.yaml:12:13: q-01-01: verify must be true or false; found the text 'no'",
        e.diagnostics().get(0).location() + ": " + e.diagnostics().get(0).message());
  }

  @Test
  void verifyFalseWithAReasonLoads() {
    Question q = QuizFiles.load(tmp, QuizFiles.HEADER + QuizFiles.question("q-01-01")
        + "    verify: false\n    verify_reason: {en: \"Opinion.\", es: \"Opinión.\"}\n")
        .questions().get(0);
    assertEquals(false, q.verify());
    assertEquals("Opinión.", q.verifyReason().in("es"));
  }

  @Test
  void tabsOnBlankLinesAndInsideTextAreFine() {
    Phase phase = QuizFiles.load(tmp, QuizFiles.HEADER + "\t\n"
        + QuizFiles.question("q-01-01").replace("{en: \"P\", es: \"P\"}", "{en: \"a\tb\", es: \"P\"}"));
    assertEquals("a\tb", phase.questions().get(0).prompt().in("en"));
  }

  @Test
  void hexAndOctalIntegersAreNumbers() {
    Phase phase = QuizFiles.load(tmp, QuizFiles.HEADER.replace("phase: 1", "phase: 0x1")
        + QuizFiles.question("q-01-01"));
    assertEquals(1, phase.number());
  }
}
