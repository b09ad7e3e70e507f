package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Random and mutated claims and forward lines, run through parsing, checking and evaluation on
 * the engine: every outcome is a sound verdict (holds, or false with a reason; its MathML
 * well-formed XML) or located diagnostics, never another exception (no crash, no out-of-memory,
 * no escaping engine error).
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
      assertEquals(question.answer().claims().size(), result.answerClaims().size(), "one result per claim");
      result.answerClaims().forEach(ClaimFuzzTest::assertSound);
    } catch (DiagnosticException e) {
      assertFalse(e.diagnostics().isEmpty());
      for (Diagnostic d : e.diagnostics()) {
        assertTrue(d.location().file().equals(TestQuestions.FILE), d.format());
        assertTrue(d.location().line() >= 1 && d.location().column() >= 1, d.format());
        assertFalse(d.message().isBlank(), d.format());
      }
    }
  }

  /**
   * A verdict of a checked claim is a fact with its evidence: it holds (no reason), or it is false
   * with a reason that names what failed; the claim was run in every trial, and its MathML is
   * well-formed XML with one {@code math} element at its root.
   */
  private static void assertSound(ClaimResult claim) {
    String what = claim.claim().source() + " -> " + claim.verdict() + " " + claim.reason();
    assertTrue(claim.verdict() == Verdict.HOLDS || claim.verdict() == Verdict.FALSE, what);
    assertEquals(claim.verdict() == Verdict.FALSE, claim.reason() != null, what);
    if (claim.reason() != null) {
      assertFalse(claim.reason().detail() == null || claim.reason().detail().isBlank(), what);
    }
    assertTrue(claim.trials() > 0, what);
    assertEquals("math", parseXml(claim.mathMl(), what).getDocumentElement().getTagName(), what);
  }

  private static Document parseXml(String xml, String what) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new AssertionError("not well-formed XML (" + e.getMessage() + "): " + xml + " for " + what, e);
    }
  }

  @Example
  void aHoldingAndAFalseClaimAreBothSound() {
    Setup setup = SETUP;
    QuestionResult holds = new QuestionVerifier().verify(TestQuestions.free("q-fuzz", setup, "dA = dC @ B.T"));
    QuestionResult wrong = new QuestionVerifier().verify(TestQuestions.free("q-fuzz", setup, "dA = B.T @ dC"));
    assertEquals(Verdict.HOLDS, holds.answerClaims().get(0).verdict());
    assertEquals(Verdict.FALSE, wrong.answerClaims().get(0).verdict());
    assertSound(holds.answerClaims().get(0));
    assertSound(wrong.answerClaims().get(0));
    assertThrows(AssertionError.class, () -> parseXml("<math><mi>a</mi>", "an unclosed element"));
  }

  @Example
  void deeplyNestedClaimsAreRefusedNotCrashed() {
    for (int depth : new int[] {10, 1_000, 100_000}) {
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = " + "(".repeat(depth) + "dC @ B.T" + ")".repeat(depth)));
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = " + "-".repeat(depth) + "dC @ B.T"));
      verify(TestQuestions.free("q-fuzz", SETUP, "dA = dC @ B" + ".T".repeat(depth)));
    }
  }
}
