package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.QuizLoad;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a numeric question may ask: one number of the setup, never a comparison, a tensor or an
 * experiment on the verifier; each refusal says what the expression is and what to write instead.
 */
class NumericAskTest {

  @TempDir Path tmp;

  private static final NumericVerifier VERIFIER = new NumericVerifier();

  /** The first line of each error the question's ask and placeholders are refused with. */
  private static List<String> refusals(Question q) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    return e.diagnostics().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList();
  }

  private Question question(String ask, String... extra) throws IOException {
    return NumericQuestions.numeric(tmp, "x: {shape: [3], dist: small_int}", "s = sum(x * x)", ask, extra);
  }

  @Test
  void anExperimentIsNoAsk() throws IOException {
    assertEquals(List.of("t.yaml:14:11: q-01-01: ask uses fd_order or fd_evals, which measure the verifier, not the question; "
        + "ask for a value of the setup"), refusals(question("fd_order(central)")));
  }

  @Test
  void aComparisonIsNoAsk() throws IOException {
    assertEquals(List.of("t.yaml:14:11: q-01-01: ask is a comparison, whose value is 1 or 0 (true or false); ask for the value "
        + "itself, e.g. the left side, and state the relation in the explanation"), refusals(question("s > 0")));
  }

  /** A literal shape is written once; a shape in dims is written in dims and in numbers. */
  @Test
  void aTensorIsNoAskAndItsShapeIsStated() throws IOException {
    assertEquals(List.of("t.yaml:14:11: q-01-01: ask must be one number, but it has shape (3,); pick one element by indexing "
        + "(x[0, 1]) or reduce it (sum(x))"), refusals(question("x * 2")));
    String text = String.join("\n", "phase: 1", "slug: t", "title: {en: \"T\", es: \"T\"}",
        "summary: {en: \"S\", es: \"S\"}", "questions:", "  - id: q-01-01", "    kind: numeric",
        "    title: {en: \"T\", es: \"T\"}", "    prompt: {en: \"P\", es: \"P\"}", "    setup:", "      dims: {N: 3}",
        "      inputs: {x: {shape: [N], dist: small_int}}", "      forward: |", "        s = sum(x)",
        "    ask: \"x + 1\"", "");
    Path file = Files.writeString(tmp.resolve("phase-01-t.yaml"), text);
    Question dims = QuizLoad.phase(file, "t.yaml").questions().get(0);
    assertEquals(List.of("t.yaml:15:11: q-01-01: ask must be one number, but it has shape (N,) = (3,); pick one element by "
        + "indexing (x[0, 1]) or reduce it (sum(x))"), refusals(dims));
  }

  /** What is not a tensor is named by its kind. */
  @Test
  void aShapeIsNoAsk() throws IOException {
    assertEquals(List.of("t.yaml:14:11: q-01-01: ask must be one number, but it is a shape tuple; pick one element by indexing "
        + "(x[0, 1]) or reduce it (sum(x))"), refusals(question("x.shape")));
  }

  /**
   * A placeholder is named by its text, each place it is written (the Spanish {{x}} too); the same
   * valid placeholder written twice is evaluated once.
   */
  @Test
  void placeholdersAreNamedAndKeptOnce() throws IOException {
    List<String> r = refusals(question("s", "    explanation: {en: \"{{x}} {{s > 1}}\", es: \"{{x}}\"}"));
    assertEquals(3, r.size(), r.toString());
    assertEquals(true, r.get(0).endsWith(": the placeholder {{x}} must be one number, but it has shape (3,); pick one "
        + "element by indexing (x[0, 1]) or reduce it (sum(x))"), r.get(0));
    assertEquals(true, r.get(1).endsWith(": the placeholder {{s > 1}} is a comparison, whose value is 1 or 0 (true or "
        + "false); ask for the value itself, e.g. the left side, and state the relation in the explanation"), r.get(1));
    assertEquals(r.get(0).substring(r.get(0).indexOf(": ")), r.get(2).substring(r.get(2).indexOf(": ")));
    Question twice = question("s", "    explanation: {en: \"{{s + 1}} and {{s + 1}}\", es: \"{{s + 1}}\"}");
    Variant v = VERIFIER.verify(twice).numeric().variants().get(0);
    assertEquals(List.of("s + 1"), List.copyOf(v.values().keySet()));
    assertEquals(v.answer() + 1, v.values().get("s + 1"));
  }
}
