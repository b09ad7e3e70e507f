package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random and mutated claims and forward lines, run through parsing, checking and evaluation on
 * the engine: every outcome is a verdict or located diagnostics, never another exception (no
 * crash, no out-of-memory, no escaping engine error).
 */
class ClaimFuzzTest {

  private static final List<String> VALID = List.of(
      "dA = dC @ B.T", "dB = A.T @ dC", "dA = dC * B.T", "dx = sum(dC, axis=0)", "dA.shape == (M, K)",
      "dA = reshape(dC @ B.T, (M, -1))", "sum(exp(A), axis=-1, keepdims=True).shape == (M, 1)",
      "dB = transpose(A) @ dC", "-A ** 2 ~ -(A ** 2)", "softmax(A, axis=1) <= 1", "fd_order(central) ~ 2");
  private static final String TOKENS = "dABCMKNx=@*/+-().,:T_ 0123456789~<>!shapeumxlogtanhrelu[]{}'\"#\\";

  private static final Setup SETUP = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B");

  /** One edit of a valid claim: delete, insert or overwrite a few characters. */
  private record Edit(int kind, double where, int length, String with) {
    String apply(String in) {
      int at = (int) (where * in.length());
      int end = Math.min(in.length(), at + length);
      return switch (kind) {
        case 0 -> in.substring(0, at) + in.substring(end);
        case 1 -> in.substring(0, at) + with + in.substring(at);
        default -> in.substring(0, at) + with + in.substring(end);
      };
    }
  }

  @Provide
  Arbitrary<String> mutatedClaims() {
    Arbitrary<Edit> edit = Combinators.combine(
        Arbitraries.integers().between(0, 2),
        Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(1, 4),
        Arbitraries.strings().withChars(TOKENS).ofMinLength(1).ofMaxLength(4)).as(Edit::new);
    return Combinators.combine(Arbitraries.of(VALID), edit.list().ofMinSize(1).ofMaxSize(3))
        .as((claim, edits) -> {
          String out = claim;
          for (Edit e : edits) {
            out = e.apply(out);
          }
          return out;
        });
  }

  @Provide
  Arbitrary<String> randomClaims() {
    return Arbitraries.strings().withChars(TOKENS).ofMinLength(0).ofMaxLength(40);
  }

  @Property(tries = 300)
  void mutatedClaimsGiveAVerdictOrLocatedErrors(@ForAll("mutatedClaims") String claim) {
    verify(TestQuestions.free("q-fuzz", SETUP, claim));
  }

  @Property(tries = 300)
  void randomClaimsGiveAVerdictOrLocatedErrors(@ForAll("randomClaims") String claim) {
    verify(TestQuestions.free("q-fuzz", SETUP, claim));
  }

  @Property(tries = 200)
  void mutatedForwardLinesGiveAResultOrLocatedErrors(@ForAll("mutatedClaims") String line) {
    Setup setup = TestQuestions.setup("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = " + line.replace(";", ","));
    verify(TestQuestions.free("q-fuzz", setup, "dA.shape == (M, K)"));
  }

  private static void verify(Question question) {
    try {
      QuestionResult result = new QuestionVerifier().verify(question);
      assertNotNull(result);
      result.answerClaims().forEach(c -> assertNotNull(c.verdict()));
    } catch (DiagnosticException e) {
      assertFalse(e.diagnostics().isEmpty());
      for (Diagnostic d : e.diagnostics()) {
        assertTrue(d.location().file().equals(TestQuestions.FILE), d.format());
        assertTrue(d.location().line() >= 1 && d.location().column() >= 1, d.format());
        assertFalse(d.message().isBlank(), d.format());
      }
    }
  }

  @net.jqwik.api.Example
  void deeplyNestedClaimsAreRefusedNotCrashed() {
    for (int depth : new int[] {10, 1_000, 100_000}) {
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = " + "(".repeat(depth) + "dC @ B.T" + ")".repeat(depth)));
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = " + "-".repeat(depth) + "dC @ B.T"));
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = dC @ B" + ".T".repeat(depth)));
    }
  }
}
