package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on the course fixture's Phase 8 file: every verdict as the contract states it, and the build
 * failing, with file, line, question and claim, when a key is flipped, a correct formula broken
 * or a name misspelt.
 */
class Phase8Test {

  static final String DISPLAY = "data/quizzes/phase-08-tensor-autograd.yaml";
  static final Path FILE = CourseFixture.PHASE_8;

  private static PhaseResult result;

  @TempDir Path tmp;

  static Phase load() {
    return QuizFiles.load(FILE, DISPLAY, QuizFiles.LANGUAGES);
  }

  @BeforeAll
  static void verifyOnce() {
    result = new PhaseVerifier().verify(load());
  }

  @Test
  void everyAnswerIsProvenWithoutProblems() {
    assertEquals(List.of(), result.problems());
    assertEquals(5, result.questions().size());
    assertEquals(List.of(), new PhaseVerifier().check(List.of(load())).get(0).problems());
  }

  @Test
  void q0801BroadcastingVerdicts() {
    QuestionResult q = result.questions().get(0);
    assertEquals(List.of(
        "1 FALSE cannot reshape (4, 3) → (3,)",
        "2 HOLDS keyed",
        "3 FALSE shape (4, 3) ≠ da (3,)",
        "4 FALSE shape (4, 3) ≠ da (3,)"), summary(q));
    assertEquals(2 * QuestionVerifier.DEFAULT_SEEDS, q.trials()); // the author's dims, then fresh dims
  }

  @Test
  void q0802MatmulVerdicts() {
    QuestionResult q = result.questions().get(1);
    assertEquals(List.of(
        "1 HOLDS keyed",
        "2 HOLDS keyed",
        "3 FALSE shape (4, 3) ≠ dA (3, 4)",
        "4 FALSE matmul inner dimensions differ: (3, 5) @ (3, 4)",
        "5 FALSE shapes do not broadcast: (3, 5) * (5, 4)"), summary(q));
    ClaimResult first = q.choices().get(0).claims().get(0);
    assertEquals("dA", ((Line.GradientClaim) first.line()).name());
    assertArrayEquals(new int[] {3, 4}, first.shape());
    assertTrue(first.error() <= 1e-12, "error " + first.error());
    assertTrue(first.engineError() > 0 && first.engineError() < 1e-6, "engine error " + first.engineError());
  }

  @Test
  void q0803FreeAnswerHolds() {
    QuestionResult q = result.questions().get(2);
    assertEquals(List.of(Verdict.HOLDS, Verdict.HOLDS), q.answerClaims().stream().map(ClaimResult::verdict).toList());
    assertArrayEquals(new int[] {3, 5}, q.answerClaims().get(0).shape());
  }

  @Test
  void q0804FiniteDifferenceExperiment() {
    QuestionResult q = result.questions().get(3);
    assertEquals(List.of(
        "1 FALSE comparison fails: 12 ≮ 7",
        "2 HOLDS keyed",
        "3 NOT_CHECKABLE",
        "4 NOT_CHECKABLE"), summary(q));
    ClaimResult order = q.choices().get(1).claims().get(0);
    assertTrue(order.engineError() < 1e-6, "the experiment's reference gradient is itself checked: " + order.engineError());
    ConvergenceExperiment e = q.experiment();
    assertEquals(13, e.steps().size());
    assertEquals(0.1, e.steps().get(0), 1e-15);
    assertEquals(1e-4, e.steps().get(12), 1e-19);
    assertEquals(1.0, e.forwardOrder(), 0.05);
    assertEquals(2.0, e.centralOrder(), 0.05);
    assertEquals(7, e.forwardEvaluations());
    assertEquals(12, e.centralEvaluations());
    for (int i = 0; i < 13; i++) {
      assertTrue(e.centralErrors().get(i) < e.forwardErrors().get(i), "step " + i);
    }
  }

  @Test
  void q0805EveryBatchSizeIsTried() {
    QuestionResult q = result.questions().get(4);
    assertEquals(3 * QuestionVerifier.DEFAULT_SEEDS, q.trials());
    assertEquals(List.of(Map.of("B", 4, "K", 3), Map.of("B", 6, "K", 3)), q.sizes().subList(0, 2));
    assertEquals(4, q.sizes().size(), "two author's assignments and two fresh ones (B, K: two dims)");
    for (Map<String, Integer> fresh : q.sizes().subList(2, 4)) {
      assertTrue(fresh.get("B") >= 2 && fresh.get("K") >= 2 && !fresh.get("B").equals(fresh.get("K")), fresh.toString());
      assertTrue(!List.of(4, 6).contains(fresh.get("B")) && fresh.get("K") != 3, fresh.toString());
    }
    ClaimResult c = q.answerClaims().get(0);
    assertEquals(Verdict.HOLDS, c.verdict());
    assertEquals(3 * QuestionVerifier.DEFAULT_SEEDS, c.trials());
    assertArrayEquals(new int[] {4, 3}, c.shape());
  }

  @Test
  void verificationIsDeterministic() {
    assertEquals(result.toString(), new PhaseVerifier().verify(load()).toString());
  }

  @Test
  void flippingAKeyIsDrift() throws IOException {
    Phase phase = edited("    answer: 2\n    explanation:\n      en: \"In the forward pass",
        "    answer: 3\n    explanation:\n      en: \"In the forward pass");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    assertEquals(List.of(
        DISPLAY + ":38:13: q-08-01: choice 2 holds: \"da = sum(dc, axis=0)\" (at line 29, column 17) is true in all "
            + 2 * QuestionVerifier.DEFAULT_SEEDS + " trials, but the key does "
            + "not mark it correct; add it to the answer or correct the claim",
        DISPLAY + ":38:13: q-08-01: the key marks choice 3 correct, but \"da = dc * one_hot(0, D)\" (at line 33, column 17) is false: "
            + "shape (4, 3) ≠ da (3,)"), messages(e));
  }

  @Test
  void flippingAMultiKeyIsDrift() throws IOException {
    Phase phase = edited("answer: [1, 2]", "answer: [1, 3]");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    assertEquals(List.of(
        DISPLAY + ":61:13: q-08-02: choice 2 holds: \"dB = A.T @ dC\" (at line 56, column 17) is true in all "
            + 2 * QuestionVerifier.DEFAULT_SEEDS + " trials, but the key does not mark it "
            + "correct; add it to the answer or correct the claim",
        DISPLAY + ":61:13: q-08-02: the key marks choice 3 correct, but \"dA = B @ dC.T\" (at line 57, column 17) is false: "
            + "shape (4, 3) ≠ dA (3, 4)"), messages(e));
  }

  @Test
  void breakingACorrectFormulaIsDrift() throws IOException {
    Phase phase = edited("- claim: \"dA = dC @ B.T\"", "- claim: \"dA = dC @ B\"");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    assertEquals(List.of(DISPLAY + ":61:13: q-08-02: the key marks choice 1 correct, but \"dA = dC @ B\" (at line 55, column 17) is false: "
        + "matmul inner dimensions differ: (3, 5) @ (4, 5)"), messages(e));
  }

  @Test
  void breakingAFreeAnswerIsDriftAtTheClaim() throws IOException {
    Phase phase = edited("claim: \"dz = (p - one_hot(y, K)) / B\"", "claim: \"dz = (p - one_hot(y, K)) / K\"");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    assertEquals(1, e.diagnostics().size());
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(DISPLAY + ":139:15", d.location().toString());
    assertTrue(d.message().startsWith("q-08-05: the answer claims \"dz = (p - one_hot(y, K)) / K\", but it is false: "
        + "values differ: |Δ["), d.message());
    assertEquals("      claim: \"dz = (p - one_hot(y, K)) / K\"", d.sourceLine());
  }

  @Test
  void aMisspeltNameInAWrongChoiceIsAnAuthoringError() throws IOException {
    Phase phase = edited("claim: \"da = dc\"", "claim: \"da = dcc\"");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    assertEquals(DISPLAY + ":37:22: q-08-01: unknown name 'dcc' (did you mean 'dc'?)\n"
        + "            claim: \"da = dcc\"\n"
        + " ".repeat(4 + 21) + "^", e.getMessage());
  }

  @Test
  void everyProblemOfEveryQuestionIsReportedInOneRun() throws IOException {
    Phase phase = edited(List.of(
        "claim: \"da = dc\"", "claim: \"da = dcc\"",
        "- claim: \"dA = dC @ B.T\"", "- claim: \"dA = dC @ B\"",
        "- \"fd_order(central) ~ 2\"", "- \"fd_order(centrl) ~ 2\"",
        "claim: \"dz = (p - one_hot(y, K)) / B\"", "claim: \"dz = (p - one_hot(y, K)) / K\""));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(List.of(phase)));
    List<String> where = e.diagnostics().stream().map(d -> d.location().line() + " " + d.message()
        .replaceFirst(":.*", "")).toList();
    assertEquals(List.of("37 q-08-01", "109 q-08-04", "61 q-08-02", "139 q-08-05"), where,
        "every problem names its question, authoring errors and drift alike");
    assertTrue(e.diagnostics().get(0).message().startsWith("q-08-01: unknown name 'dcc' (did you mean 'dc'?)"));
    assertTrue(e.diagnostics().get(1).message().startsWith("q-08-04: fd_order() takes the method 'forward' or"
        + " 'central'"), e.diagnostics().get(1).message());
  }

  private static List<String> summary(QuestionResult q) {
    List<String> out = new ArrayList<>();
    for (ChoiceResult c : q.choices()) {
      String line = c.number() + " " + c.verdict();
      if (c.verdict() == Verdict.FALSE) {
        line += " " + Reasons.english(c.claims().stream().filter(r -> r.verdict() == Verdict.FALSE).findFirst()
            .orElseThrow().reason());
      }
      if (c.keyed()) {
        line += " keyed";
      }
      assertTrue(c.agreesWithKey(), line);
      out.add(line);
    }
    return out;
  }

  private static List<String> messages(DiagnosticException e) {
    return e.diagnostics().stream().map(d -> d.location() + ": " + d.message()).toList();
  }

  private Phase edited(String from, String to) throws IOException {
    return edited(List.of(from, to));
  }

  /** The Phase 8 file with each pair (from, to) replaced once, loaded under its real display path. */
  private Phase edited(List<String> pairs) throws IOException {
    String text = Files.readString(FILE, StandardCharsets.UTF_8);
    for (int i = 0; i < pairs.size(); i += 2) {
      assertTrue(text.contains(pairs.get(i)), "fixture text not found: " + pairs.get(i));
      text = text.replaceFirst(java.util.regex.Pattern.quote(pairs.get(i)),
          java.util.regex.Matcher.quoteReplacement(pairs.get(i + 1)));
    }
    Path copy = tmp.resolve("phase-08-tensor-autograd.yaml");
    Files.writeString(copy, text, StandardCharsets.UTF_8);
    return QuizFiles.load(copy, DISPLAY, List.of("en", "es"));
  }
}
