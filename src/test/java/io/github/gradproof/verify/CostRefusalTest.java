package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusal of too costly questions at the edges found by mutation testing (docs/MUTANTS.md):
 * how counts are written, both limits exceeded at once, ties between lines, a forward line's own
 * memory, the convergence experiment's re-runs, a gradient of a later forward line, numeric
 * questions and unverified ones. Every expected count is worked out by hand in the comments from
 * the cost model of {@link io.github.gradproof.claim.Cost} (2000 per operation, 16 per element it
 * creates or reads, whichever is more, plus a matmul's multiply-adds).
 */
class CostRefusalTest {

  @TempDir Path tmp;

  private static final long PLENTY = Long.MAX_VALUE;

  /** The first line of the refusal of {@code q} at 3 seeds under {@code limits}. */
  private static String refusal(Question q, WorkLimits limits) {
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> CostEstimate.check(q, 3, limits));
    return e.getMessage().lines().findFirst().orElseThrow();
  }

  private static Question matmul(String dims, String... claims) {
    return TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup(dims, "A[M,K] B[K,N]",
        "C = A @ B")), claims);
  }

  @Test
  void countsBelowAMillionAreExact() {
    assertEquals("0", CostEstimate.count(0));
    assertEquals("999999", CostEstimate.count(999_999.4));
    assertEquals("1000000", CostEstimate.count(999_999.6));
  }

  @Test
  void countsFromAMillionOnHaveOneDecimalAndAnExponent() {
    assertEquals("1e6", CostEstimate.count(1e6));
    assertEquals("1.2e6", CostEstimate.count(1_234_567));
    assertArrayEquals(new String[] {"1.0004e11", "1e11"}, CostEstimate.counts(1.0004e11, 1e11),
        "a cost just over its limit never reads as the limit");
    assertArrayEquals(new String[] {"4.5e11", "1e11"}, CostEstimate.counts(4.5e11, 1e11));
    assertArrayEquals(new String[] {"1.000001e11", "1e11"}, CostEstimate.counts(1.0000012e11, 1e11));
    assertEquals("4.5e11", CostEstimate.count(4.5e11));
    assertEquals("9.9e6", CostEstimate.count(9.94e6));
  }

  /** 9.99e6 rounds its mantissa up to 10.0: it is written 1e7, not 10e6. */
  @Test
  void aMantissaRoundingUpToTenMovesTheExponent() {
    assertEquals("1e7", CostEstimate.count(9.99e6));
    assertEquals("1e12", CostEstimate.count(999.96e9));
  }

  /**
   * Over both limits, one paragraph names both at the costliest line by work (the forward line,
   * 10:9) and names the claim's line 20 as the one that creates the most memory; the counts are
   * those of {@link CostEstimateTest}'s hand count (882732 operations, 478392 on the forward line,
   * 1008 bytes, the claim's 32 elements = 256 bytes).
   */
  @Test
  void overBothLimitsOneParagraphNamesBoth() {
    assertEquals("test.yaml:10:9: q-01-01: this question is too costly to verify: verifying it would take about "
        + "882732 operations (multiply-adds or their equivalent), over the limit of 882731 (gradproof.maxWork): 3 "
        + "trials (3 seeds at the author's dims) of the forward lines, their gradients, every claim and the "
        + "finite-difference check of dA; this line costs the most (about 478392 in all); and one trial would keep "
        + "about 1008 bytes of tensors at once, over the limit of 1007 bytes (gradproof.maxMemory); line 20 creates "
        + "the most (about 256 bytes). Use smaller dims (or fewer alternatives), or raise the limits with "
        + "-Dgradproof.maxWork (<maxWork> in the POM) and -Dgradproof.maxMemory (<maxMemory> in the POM)",
        refusal(matmul("M=3 K=4 N=5", "dA = dC @ B.T"), new WorkLimits(882731, 1007)));
  }

  /**
   * A forward line keeps its value and its gradient: {@code C = A @ B} at M=5, K=2, N=5 creates 25
   * elements, 2 × 25 × 8 = 400 bytes, more than the claim {@code dA = dC @ B.T} (B.T 10 and the
   * product 10 elements: 160 bytes). One trial: 8 × (2 × (10 + 10 inputs + 25 forward) + max(25
   * re-run, 20 claim)) = 8 × 115 = 920 bytes.
   */
  @Test
  void aForwardLineKeepsItsValueAndItsGradient() {
    Question q = matmul("M=5 K=2 N=5", "dA = dC @ B.T");
    assertDoesNotThrow(() -> CostEstimate.check(q, 3, new WorkLimits(PLENTY, 920)));
    assertEquals("test.yaml:10:9: q-01-01: this question is too costly to verify: one trial would keep about 920 "
        + "bytes of tensors at once, over the limit of 919 bytes (gradproof.maxMemory); this line creates the most "
        + "(about 400 bytes). Use smaller dims (or fewer alternatives), or raise the limit with -Dgradproof.maxMemory "
        + "(<maxMemory> in the POM)", refusal(q, new WorkLimits(PLENTY, 919)));
  }

  /**
   * At M = K = N = 3 the forward line (9 elements and their gradients: 144 bytes) and the claim
   * (B.T 9 and the product 9: 144 bytes) tie; the first of them is named. One trial: 8 × (2 × (9 + 9
   * + 9) + max(9, 18)) = 576 bytes.
   */
  @Test
  void ofTwoLinesThatTieTheFirstIsNamed() {
    Question q = matmul("M=3 K=3 N=3", "dA = dC @ B.T");
    assertTrue(refusal(q, new WorkLimits(PLENTY, 575)).startsWith("test.yaml:10:9: q-01-01: this question is too "
        + "costly to verify: one trial would keep about 576 bytes of tensors at once, over the limit of 575 bytes "
        + "(gradproof.maxMemory); this line creates the most (about 144 bytes)."));
  }

  /**
   * {@code fd_order} runs the convergence experiment (27 runs of every line a trial) and checks the
   * gradient of the first float input x (N = 6: at most 1 + 7 + 3 + 4 × 6 = 35 evaluations a trial).
   * The line {@code f = sum(x * x)} costs 2000 + 16 × 12 (x * x) + 2000 + 16 × 6 (sum) = 4288 a
   * run; over 3 seeds it runs 3 × 3 (forward and backward) + 3 × 35 + 3 × 27 = 195 times: 836160.
   */
  @Test
  void theConvergenceExperimentReRunsEveryLine() {
    Question q = TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup("N=6", "x[N]",
        "f = sum(x * x)")), "fd_order(central) ~ 2");
    String message = refusal(q, new WorkLimits(1, PLENTY));
    assertTrue(message.startsWith("test.yaml:10:9: q-01-01: this question is too costly to verify:"), message);
    assertTrue(message.contains(": 3 trials (3 seeds at the author's dims) of the forward lines, their gradients, "
        + "every claim and the finite-difference check of dx; this line costs the most (about 836160 in all). "),
        message);
  }

  /**
   * A claim on the gradient of the second of three forward lines re-runs only the third for its
   * finite-difference check. N = 2, 3 seeds, {@code h = x * x; g = h * h; f = sum(g)} and
   * {@code dg == 1}:
   * <ul>
   *   <li>h and g: 2000 + 16 × 4 = 2064 each, f: 2000 + 16 × 2 = 2032; the claim compares 2 elements:
   *       2032;
   *   <li>dg (2 elements): at most 1 + 7 + 3 + 4 × 2 = 19 evaluations a trial, 57 in all, each moving
   *       the point (2000 + 16 × 2 = 2032: 115824) and re-running f (2032 × 57);
   *   <li>inputs 16 × 2 × 3 = 96; h and g 2064 × 9 each = 18576 each; f 2032 × (9 + 57) = 134112; the
   *       claim 2032 × 3 = 6096;
   *   <li>in all 96 + 115824 + 2 × 18576 + 134112 + 6096 = <b>293280</b>.
   * </ul>
   */
  @Test
  void aGradientOfALaterLineReRunsOnlyTheLinesAfterIt() {
    Question q = TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup("N=2", "x[N]",
        "h = x * x; g = h * h; f = sum(g)")), "dg == 1");
    assertDoesNotThrow(() -> CostEstimate.check(q, 3, new WorkLimits(293280, PLENTY)));
    assertEquals("test.yaml:12:9: q-01-01: this question is too costly to verify: verifying it would take about "
        + "293280 operations (multiply-adds or their equivalent), over the limit of 293279 (gradproof.maxWork): 3 "
        + "trials (3 seeds at the author's dims) of the forward lines, their gradients, every claim and the "
        + "finite-difference check of dg; this line costs the most (about 134112 in all). Use smaller dims (or "
        + "fewer alternatives), or raise the limit with -Dgradproof.maxWork (<maxWork> in the POM)",
        refusal(q, new WorkLimits(293279, PLENTY)));
  }

  /**
   * The finite-difference check re-runs only the lines the output reads: in {@code h = x * x;
   * r = h * h; f = sum(h)} with {@code dh == 1}, r comes after h but f does not read it, so r runs
   * only in the trials themselves. The same figures as above with r in place of g: r 2064 × 9 =
   * 18576 (not 2064 × 66 = 136224, which would make 410928): <b>293280</b>.
   */
  @Test
  void aLineTheOutputDoesNotReadIsNotReRunForTheCheck() {
    Question q = TestQuestions.free("q-01-01", TestQuestions.exactDims(TestQuestions.setup("N=2", "x[N]",
        "h = x * x; r = h * h; f = sum(h)")), "dh == 1");
    assertDoesNotThrow(() -> CostEstimate.check(q, 3, new WorkLimits(293280, PLENTY)));
    String message = refusal(q, new WorkLimits(293279, PLENTY));
    assertTrue(message.contains("would take about 293280 operations"), message);
    assertTrue(message.contains("finite-difference check of dh; this line costs the most (about 134112 in all)"),
        message);
  }

  /** A question with {@code verify: false} runs nothing, so it is never refused for its cost. */
  @Test
  void anUnverifiedQuestionIsNotEstimated() {
    Question q = matmul("M=3 K=4 N=5", "dA = dC @ B.T");
    assertThrows(DiagnosticException.class, () -> CostEstimate.check(q, 3, new WorkLimits(1, 1)));
    assertDoesNotThrow(() -> CostEstimate.check(TestQuestions.unverified(q), 3, new WorkLimits(1, 1)));
  }

  /**
   * A numeric question runs up to 20 draws per variant and one finite-difference check per variant
   * of the gradients its ask and placeholders read, except the objective's own ({@code dL} is 1).
   * x has 3 elements; {@code L = sum(x * x)} creates 3 + 1 elements; the ask {@code dx[0] + dL}
   * creates 2; the placeholder {@code sum(x * x * x * x * x * x)} creates 5 × 3 + 1 = 16 (128 bytes,
   * more than the forward line's 2 × 4 × 8 = 64). One trial: 8 × (2 × (3 + 4) + max(4, 16)) = 240
   * bytes, refused at the placeholder, the explanation on line 16 of the file.
   */
  @Test
  void aNumericQuestionIsRefusedWithItsDrawsAndPlaceholders() throws IOException {
    Question q = NumericQuestions.numeric(tmp, "x: {shape: [3], dist: small_int}", "L = sum(x * x)", "dx[0] + dL",
        "    variants: 2", "    explanation: {en: \"{{sum(x * x * x * x * x * x)}}\", es: \"{{sum(x * x * x * x * x "
        + "* x)}}\"}");
    assertDoesNotThrow(() -> CostEstimate.check(q, 3, new WorkLimits(PLENTY, 240)));
    String memory = refusal(q, new WorkLimits(PLENTY, 239));
    assertTrue(memory.startsWith("t.yaml:16:"), memory);
    assertTrue(memory.contains(": one trial would keep about 240 bytes of tensors at once, over the limit of 239 "
        + "bytes (gradproof.maxMemory); this line creates the most (about 128 bytes). "), memory);
    String work = refusal(q, new WorkLimits(1, PLENTY));
    assertTrue(work.contains(" (gradproof.maxWork): up to 40 draws (2 variants × 20) of the forward lines, their "
        + "gradients, the ask and the placeholders, and the finite-difference check of dx on each variant; this "
        + "line costs the most (about "), work);
  }

  private static Question conv(String dims, String inputs) {
    return convQuestion(TestQuestions.setup(dims, inputs, "y = conv2d(x, w, b, padding=1)"));
  }

  /** The outside tester's question (docs/FORMAT.md's cost example): conv2d's three gradients. */
  private static Question convQuestion(io.github.gradproof.quiz.Setup setup) {
    return TestQuestions.free("q-09-01", setup, "dx = conv_transpose2d(dy, w, padding=1)",
        "db = sum(dy, axis=(0, 2, 3))", "dw = conv2d(x.transpose(1, 0, 2, 3), dy.transpose(1, 0, 2, 3), padding=1)"
        + ".transpose(1, 0, 2, 3)");
  }

  /**
   * A convolution whose fresh dims (up to 13 for six dims, however small the author's are) cost more
   * than the author's: the refusal names that assignment and what makes it cheaper, which does: the
   * kernel's sizes as integers in the shape (five dims, smaller fresh values), or exact_dims.
   */
  @Test
  void freshDimsThatCostTheMostAreNamedWithWhatHelps() {
    String dims = "N=2 C=3 H=6 W=5 O=4 K=3";
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> CostEstimate.check(conv(dims, "x[N,C,H,W] w[O,C,K,K] b[O]"), 10, WorkLimits.DEFAULT));
    String refusal = e.getMessage().lines().findFirst().orElseThrow();
    assertTrue(refusal.contains("; this line costs the most (about "), refusal);
    assertTrue(refusal.matches(".*; the fresh dims N = \\d+, C = \\d+, H = \\d+, W = \\d+, O = \\d+, K = \\d+ cost the "
        + "most \\(about [0-9.e]+\\)\\. Fresh dims are not the author's sizes scaled: .* Write sizes that need not vary "
        + "as integers in the input shapes instead of dims \\(a kernel of shape \\[O, C, 3, 3\\] rather than \\[O, C, K, "
        + "K\\]\\), or set exact_dims: true with an exact_dims_reason if the claims are meant at the author's dims only; "
        + "or raise the limit with -Dgradproof.maxWork \\(<maxWork> in the POM\\)"), refusal);
    assertDoesNotThrow(() -> CostEstimate.check(conv("N=2 C=3 H=6 W=5 O=4", "x[N,C,H,W] w[O,C,3,3] b[O]"), 10,
        WorkLimits.DEFAULT));
    Question exact = convQuestion(TestQuestions.exactDims(TestQuestions.setup(dims, "x[N,C,H,W] w[O,C,K,K] b[O]",
        "y = conv2d(x, w, b, padding=1)")));
    assertDoesNotThrow(() -> CostEstimate.check(exact, 10, WorkLimits.DEFAULT));
  }

  /** Where the author's dims cost the most, smaller dims are what helps, and the refusal says so. */
  @Test
  void authorsDimsThatCostTheMostAreNamed() {
    String refusal = refusal(conv("N=2 C=3 H=300 W=300 O=4 K=3", "x[N,C,H,W] w[O,C,K,K] b[O]"), new WorkLimits(1_000_000_000L,
        WorkLimits.DEFAULT_MAX_MEMORY));
    assertTrue(refusal.contains("; the author's dims N = 2, C = K = 3, H = W = 300, O = 4 cost the most (about "),
        refusal);
    assertTrue(refusal.contains(". Use smaller dims (or fewer alternatives), or raise the limit with "), refusal);
  }
}
