package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import io.github.gradproof.render.MathMl;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
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
import org.xml.sax.helpers.DefaultHandler;

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
      "dB = transpose(A) @ dC", "-A ** 2 ~ -(A ** 2)", "softmax(A, axis=1) <= 1", "fd_order(central) ~ 2",
      "dA[1:M, ::2] == (dC @ B.T)[1:M, ::2]", "dA = dC @ B.T * (A > -100)", "dB = einsum('ik,ij->kj', A, dC)",
      "dA = where(A > 0, dC @ B.T, dC @ B.T)", "dA = concatenate([dC @ B.T, A], axis=0)[:M]",
      "dA = dC.sum(axis=1, keepdims=True) * A.reshape(M, -1)", "dA[..., None, -1].shape == (M, 1)",
      "A.ndim + (N - 1) // 2 == 4", "dB = A.T @ dC[arange(M), :]", "dA = clip(A, None, 1.5e-3) * 0 + dC @ B.T",
      "dA = conv1d(A[None], B.T[:, :, None], stride=1, padding=0)[0] - max_pool2d(A[None, None], 2)[0, 0]",
      "dA = dC @ B.T * ((A > 0) & ~(A > 1) | (A < -1) | (A >= -1))");
  private static final String TOKENS = "dABCMKNx=@*/+-().,:T_ 0123456789~<>!shapeumxlogtanhrelu[]{}'\"#\\&|";

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
      CostEstimate.check(question, QuestionVerifier.DEFAULT_SEEDS, WorkLimits.DEFAULT); // priced without a crash
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

  /** Arguments at the edge of every function's domain: each is a verdict or a located error. */
  @Example
  void edgeArgumentsGiveAVerdictOrLocatedErrors() {
    for (String claim : List.of("dA = ones((-1, 3))", "dA = zeros(-5)", "dA = eye(-2)", "dA = arange(0, 10, 0)",
        "dA = arange(1e308)", "dA = A[999999999]", "dA = A[M * M * M * M * M * M * M * M * M * M * M * M]",
        "dA = reshape(A, (0, -1))", "dA = one_hot(A, 3)", "dA = A[A]", "dA = einsum('...', A)", "dA = conv1d(A, B)",
        "dA = max_pool2d(A, 0)", "dA = max_pool2d(A[None], 2)", "dA = conv2d(A, B, stride=0)",
        "dA = squeeze(A, axis=0)", "dA = broadcast_to(A, (2,))", "dA = stack([])", "dA = concatenate([])",
        "dA = concatenate([A, 1])", "dA = trace(A, 100)", "dA = cumsum(A, 5)", "dA = softmax(A, 7)",
        "dA = A.transpose(5, 6)", "dA = tril(A, -100)", "dA.shape[-100] == 1", "dA = M ** 40 * A",
        "M // 0 == 1", "dA = one_hot(M, -3)", "dA = cross_entropy(A, B)", "dA = mse_loss(A, B)",
        "dA = eye(M, M=None, k=M)", "dA = arange(-1)", "dA = ones((M, K))[[]]", "dA = A[[0, [1]]]",
        "dA = avg_pool2d(A[None, None], (2, 9), stride=(1, 0))", "dA = conv_transpose1d(A[None], B, stride=-1)",
        "dA = expand_dims(A, (0, 0))", "dA = A[None, ..., None, ..., 0]", "dA = leaky_relu(A, negative_slope=A[0, 0])",
        "dA = einsum('ij,jk->ik', A)", "dA = einsum('ii', B)", "dA = flip(A, (0, 0))", "dA = var(A, ddof=100)",
        "dA = A[:, None][[0, 1], :, [0, 1]]", "dA = dot(A, B.T)", "dA = outer(A, 1e400)")) {
      verify(TestQuestions.free("q-fuzz", SETUP, claim));
    }
  }

  /**
   * A verdict of a checked claim is a fact with its evidence: it holds (no reason), or it is false
   * with a reason that names what failed; the claim was run in every trial, and the MathML pages
   * draw it with is well-formed XML with one {@code math} element at its root.
   */
  private static void assertSound(ClaimResult claim) {
    String what = claim.claim().source() + " -> " + claim.verdict() + " " + claim.reason();
    assertTrue(claim.verdict() == Verdict.HOLDS || claim.verdict() == Verdict.FALSE, what);
    assertEquals(claim.verdict() == Verdict.FALSE, claim.reason() != null, what);
    if (claim.reason() != null) {
      assertNotNull(claim.reason().kind(), what);
      assertFalse(Reasons.english(claim.reason()).isBlank(), what);
    }
    assertTrue(claim.trials() > 0, what);
    assertEquals("math", parseXml(MathMl.render(claim.line()), what).getDocumentElement().getTagName(), what);
  }

  private static Document parseXml(String xml, String what) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // throws on malformed XML instead of printing "[Fatal Error]"
      return builder.parse(new InputSource(new StringReader(xml)));
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
