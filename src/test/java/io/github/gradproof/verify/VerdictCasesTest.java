package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.claim.CaseFile;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the evaluation cases in {@code src/test/resources/verify/verdicts.txt}: under the
 * {@code @dims}, {@code @inputs} and {@code @forward} given (see {@link TestQuestions#setup}),
 * the {@code claim:} is verified as a free answer over every trial, and must give the
 * {@code verdict:} written ({@code holds}, {@code false: <reason in English>}, or
 * {@code false <kind>} where the detail depends on the random draws), or, after {@code error:},
 * fail the build with exactly those diagnostics.
 */
class VerdictCasesTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();

  static Stream<CaseFile.Case> cases() throws IOException {
    return CaseFile.read("/verify/verdicts.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictAsExpected(CaseFile.Case c) {
    Setup setup = TestQuestions.setup(c.directives().getOrDefault("dims", ""),
        c.directives().getOrDefault("inputs", ""), c.directives().getOrDefault("forward", ""));
    if ("yes".equals(c.directives().get("exact_dims"))) {
      setup = TestQuestions.exactDims(setup);
    }
    Question q = TestQuestions.free("q-test", setup, c.fields().get("claim"));
    if (c.error() != null) {
      DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q), c.toString());
      assertEquals(c.error(), e.getMessage(), c.toString());
      return;
    }
    QuestionResult r = VERIFIER.verify(q);
    ClaimResult claim = r.answerClaims().get(0);
    assertEquals(c.fields().get("verdict"), describe(claim), c.toString());
    if (c.fields().containsKey("trials")) {
      assertEquals(Integer.parseInt(c.fields().get("trials")), claim.trials(), c.toString());
    }
  }

  private static String describe(ClaimResult claim) {
    return switch (claim.verdict()) {
      case HOLDS -> "holds";
      case FALSE -> claim.reason() instanceof Reason.ValueMismatch v && v.difference() > 0
          ? "false value"
          : "false: " + Reasons.english(claim.reason());
      case NOT_CHECKABLE -> "not checkable";
    };
  }
}
