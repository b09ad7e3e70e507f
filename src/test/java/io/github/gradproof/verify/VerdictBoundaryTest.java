package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where verdicts are decided, at the boundary: errors just inside and just outside the claims'
 * tolerance and the {@code ~} allowance, every ordering comparison at equality (strict against
 * non-strict), a gradient used inside a comparison cross-checked against central differences, and
 * the perturbation of an intermediate forward name reaching the objective. Each case is a whole
 * question through {@link QuestionVerifier}, so the verdict is the one a page would show.
 */
class VerdictBoundaryTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();
  private static final Setup SQUARES = TestQuestions.setup("N=6", "x[N]", "L = sum(x * x)");
  /** Positive values well above 1, so that a relative allowance is the binding one. */
  private static final Setup SHIFTED = TestQuestions.setup("N=6", "x[N]:positive", "y = x + 5; L = sum(y)");

  private static Verdict verdict(Setup setup, String claim) {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-boundary", setup, claim));
    return r.answerClaims().get(0).verdict();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.17g", v);
  }

  /** A gradient claim off by a relative {@code fraction} of the claims' relative tolerance. */
  @ParameterizedTest(name = "dx off by {0} of RTOL: {1}")
  @CsvSource({"0.9, HOLDS", "1.1, FALSE", "-0.9, HOLDS", "-1.1, FALSE", "0.5, HOLDS", "2, FALSE"})
  void aGradientClaimIsJudgedAtItsTolerance(double fraction, Verdict expected) {
    // dx = 2x (values of order 1, so the relative term dominates the absolute 1e-8)
    String claim = "dx = 2 * x * (1 + " + number(fraction * Closeness.RTOL) + ")";
    assertEquals(expected, verdict(SQUARES, claim), claim);
  }

  @ParameterizedTest(name = "== off by {0} of RTOL: {1}")
  @CsvSource({"0.9, HOLDS", "1.1, FALSE", "-0.9, HOLDS", "-1.1, FALSE"})
  void equalityIsJudgedAtItsTolerance(double fraction, Verdict expected) {
    String claim = "y * (1 + " + number(fraction * Closeness.RTOL) + ") == y";
    assertEquals(expected, verdict(SHIFTED, claim), claim);
    String ne = "y * (1 + " + number(fraction * Closeness.RTOL) + ") != y";
    assertEquals(expected == Verdict.HOLDS ? Verdict.FALSE : Verdict.HOLDS, verdict(SHIFTED, ne), ne);
  }

  @ParameterizedTest(name = "~ off by {0} of the allowance: {1}")
  @CsvSource({"0.9, HOLDS", "1.1, FALSE", "-0.9, HOLDS", "-1.1, FALSE"})
  void approximationIsJudgedAtItsAllowance(double fraction, Verdict expected) {
    String claim = "y * (1 + " + number(fraction * ClaimJudge.APPROX) + ") ~ y";
    assertEquals(expected, verdict(SHIFTED, claim), claim);
  }

  /** Whole numbers: an allowance of exactly one unit at {@code M = 1 / APPROX} holds; two units do not. */
  @Test
  void integerApproximationIsInclusive() {
    int m = (int) Math.round(1 / ClaimJudge.APPROX);
    // exact dims: at any other M one unit is a different fraction of it
    Setup setup = TestQuestions.exactDims(TestQuestions.setup("M=" + m, "x[M]", "L = sum(x)"));
    assertEquals(Verdict.HOLDS, verdict(setup, "M + 1 ~ M"));
    assertEquals(Verdict.HOLDS, verdict(setup, "M - 1 ~ M"));
    assertEquals(Verdict.FALSE, verdict(setup, "M + 2 ~ M"));
    assertEquals(Verdict.FALSE, verdict(setup, "M - 2 ~ M"));
    assertEquals(Verdict.HOLDS, verdict(setup, "0 ~ M - M"));
    assertEquals(Verdict.FALSE, verdict(setup, "2 ~ 0"));
  }

  /**
   * Exactly at the allowance, where the difference equals it bit for bit: {@code 0.05} from 0 is the
   * {@code ~} allowance, and inclusive. Claims about zero have no absolute allowance of their own:
   * a gradient that is exactly 0 is not equal to any constant, however small (the floors are
   * relative to the values' own scale, so {@code 1e-12} is as wrong as {@code 1}).
   */
  @Test
  void theAllowancesAreInclusiveAtTheirExactValue() {
    String approx = number(ClaimJudge.APPROX);
    assertEquals(Verdict.HOLDS, verdict(SHIFTED, "zeros_like(y) + " + approx + " ~ zeros_like(y)"));
    assertEquals(Verdict.FALSE, verdict(SHIFTED, "zeros_like(y) + 2 * " + approx + " ~ zeros_like(y)"));
    // the inputs and forward values are of order 1 to 10, so 1e-9 is far above the floors
    assertEquals(Verdict.FALSE, verdict(SHIFTED, "zeros_like(y) + 1e-9 == zeros_like(y)"));
    // (as 1e-9 * ones_like(y): a != whose sides differ by a number added is an authoring error)
    assertEquals(Verdict.HOLDS, verdict(SHIFTED, "zeros_like(y) + 1e-9 * ones_like(y) != zeros_like(y)"));
    // a gradient that is exactly 0 (the objective does not depend on x), claimed off by a tiny constant
    Setup flat = TestQuestions.setup("N=6", "x[N]", "L = sum(x) * 0");
    assertEquals(Verdict.HOLDS, verdict(flat, "dx = zeros_like(x)"));
    assertEquals(Verdict.FALSE, verdict(flat, "dx = zeros_like(x) + 1e-12"));
  }

  /** A false gradient claim reports its largest difference and the first element that fails worst. */
  @Test
  void aFalseGradientReportsItsLargestErrorAndWorstElement() {
    Setup matrix = TestQuestions.setup("R=3 C=4", "x[R,C]", "L = sum(x * x)");
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-worst", matrix,
        "dx = 2 * x + 0.5 * (arange(R * C).reshape(R, C) == 7)"));
    ClaimResult c = r.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    assertEquals(0.5, c.error(), 1e-12);
    assertTrue(Reasons.english(c.reason()).contains("[1, 3]"), Reasons.english(c.reason()));
    // every element off by the same amount: the first one is reported
    Setup flat = TestQuestions.setup("R=3 C=4", "x[R,C]", "L = sum(x) * 0");
    ClaimResult tie = VERIFIER.verify(TestQuestions.free("q-tie", flat, "dx = ones_like(x)")).answerClaims().get(0);
    assertEquals(1.0, tie.error());
    assertTrue(Reasons.english(tie.reason()).contains("[0, 0]"), Reasons.english(tie.reason()));
    // a NaN anywhere makes the error NaN, and the claim false
    ClaimResult nan = VERIFIER.verify(TestQuestions.free("q-nan", matrix, "dx = 2 * x + log(x * 0 - 1)"))
        .answerClaims().get(0);
    assertEquals(Verdict.FALSE, nan.verdict());
    assertTrue(Double.isNaN(nan.error()), "error " + nan.error());
  }

  /**
   * Each ordering, on equal values, on a smaller left side and on a larger one. Equal values are
   * spelled two ways ({@code y} is {@code x + 5}, compared with {@code 5 + x}): an expression
   * compared with itself, or with the forward line it names, is an authoring error, and so is a
   * {@code !=} whose sides differ by a number added ({@code y + 1 != y}), so its larger side adds
   * {@code x} (positive) instead.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'y <= 5 + x', HOLDS", "'y < 5 + x', FALSE", "'y >= 5 + x', HOLDS", "'y > 5 + x', FALSE",
      "'y - 1 < y', HOLDS", "'y - 1 <= y', HOLDS", "'y - 1 > y', FALSE", "'y - 1 >= y', FALSE",
      "'y + 1 > y', HOLDS", "'y + 1 >= y', HOLDS", "'y + 1 < y', FALSE", "'y + 1 <= y', FALSE",
      "'y == 5 + x', HOLDS", "'y != 5 + x', FALSE", "'x + y != y', HOLDS", "'y + 1 == y', FALSE"})
  void everyTensorOrderingAtEquality(String claim, Verdict expected) {
    assertEquals(expected, verdict(SHIFTED, claim), claim);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'N <= N + 0', HOLDS", "'N < N + 0', FALSE", "'N >= N + 0', HOLDS", "'N > N + 0', FALSE",
      "'N - 1 < N', HOLDS", "'N - 1 <= N', HOLDS", "'N - 1 > N', FALSE", "'N - 1 >= N', FALSE",
      "'N + 1 > N', HOLDS", "'N + 1 >= N', HOLDS", "'N + 1 < N', FALSE", "'N + 1 <= N', FALSE",
      "'N == N + 0', HOLDS", "'N != N + 0', FALSE", "'N + N != N', HOLDS", "'N + 1 == N', FALSE",
      "'x.shape == (N,)', HOLDS", "'x.shape != (N,)', FALSE", "'x.shape == (N, 1)', FALSE",
      "'x.shape != (N, 1)', HOLDS"})
  void everyIntegerAndShapeOrderingAtEquality(String claim, Verdict expected) {
    assertEquals(expected, verdict(SHIFTED, claim), claim);
  }

  /** A tensor ordering fails at its first failing element, and names it. */
  @Test
  void anOrderingFailsOnOneElement() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-boundary", SHIFTED, "y < y + (arange(N) == 3)"));
    ClaimResult c = r.answerClaims().get(0);
    assertEquals(Verdict.FALSE, c.verdict());
    assertTrue(Reasons.english(c.reason()).contains("[0]"), Reasons.english(c.reason()));
  }

  /** A gradient written only inside a comparison is still cross-checked against central differences. */
  @Test
  void aGradientInsideAComparisonIsCrossChecked() {
    Setup setup = TestQuestions.setup("B=3 D=4", "x[B,D] W[D,D]", "h = tanh(x @ W); L = sum(h * h)");
    // comparisons that a zero gradient would fail, so they prove the answer (sum(dW * dW) >= 0 would not)
    Question q = TestQuestions.free("q-compare", setup, "sum(dW * dW) > 0", "sum(abs(dh)) > 0");
    List<Diagnostic> problems = new QuestionVerifier(1, failing()).verify(q).problems();
    Set<String> blamed = new TreeSet<>();
    for (Diagnostic d : problems) {
      for (String name : List.of("dW", "dh", "dx")) {
        if (d.message().contains("gradient " + name + " disagrees")) {
          blamed.add(name);
        }
      }
    }
    assertEquals(Set.of("dW", "dh"), blamed, problems.toString());
    // with the real check, the same question has no problem
    assertEquals(List.of(), VERIFIER.verify(q).problems());
  }

  /**
   * A comparison without gradients asks nothing of the engine check (the shape claim alone proves
   * nothing, which is the only problem reported; the failing engine check is never called).
   */
  @Test
  void aComparisonWithoutGradientsChecksNothing() {
    Setup setup = TestQuestions.setup("B=3 D=4", "x[B,D] W[D,D]", "h = tanh(x @ W); L = sum(h * h)");
    Question q = TestQuestions.free("q-compare", setup, "h.shape == (B, D)", "abs(h) <= 1");
    assertEquals(List.of(), new QuestionVerifier(1, failing()).verify(q).problems());
  }

  /**
   * Perturbing a name moves the objective: for an input and for an intermediate forward name, the
   * objective re-run at {@code x ± εg} changes by {@code 2ε|g|²} to first order (a directional central
   * difference along the engine's own gradient), so a perturbation that is dropped (a constant
   * objective) or applied to the wrong name cannot pass.
   */
  @Test
  void perturbingAnIntermediateNameReachesTheObjective() {
    Setup setup = TestQuestions.setup("B=3 D=4", "x[B,D] W[D,D]", "a = x @ W; h = tanh(a); L = sum(h * h)");
    Question q = TestQuestions.free("q-perturb", setup, "dh = 2 * h", "da = 2 * h * (1 - h ** 2)", "dW = x.T @ da");
    List<String> failures = new ArrayList<>();
    int[] calls = {0};
    EngineCheck directional = (f, x, g) -> {
      calls[0]++;
      double slope = directional(f, x, g, 1e-4);
      double expected = dot(g, g);
      if (!(Math.abs(slope - expected) <= 1e-5 * expected) || !(expected > 0)) {
        failures.add("slope " + slope + " along the gradient, expected |g|^2 = " + expected);
      }
      return GradCheck.check(f, x, g);
    };
    QuestionResult r = new QuestionVerifier(2, directional).verify(q);
    assertEquals(List.of(), failures);
    assertEquals(2 * 2 * 3, calls[0], "h, a and W in each of 2 seeds at 2 dims assignments");
    assertEquals(List.of(), r.problems());
    r.answerClaims().forEach(c -> assertEquals(Verdict.HOLDS, c.verdict(), c.claim().source()));
    r.answerClaims().forEach(c -> assertTrue(c.engineError() <= 1e-6, c.claim().source() + ": " + c.engineError()));
  }

  /** After a check the name's value is restored: the next check sees the trial's own values. */
  @Test
  void aCheckRestoresTheValues() {
    Setup setup = TestQuestions.setup("B=3 D=4", "x[B,D] W[D,D]", "a = x @ W; h = tanh(a); L = sum(h * h)");
    Question q = TestQuestions.free("q-perturb", setup, "dh = 2 * h", "da = 2 * h * (1 - h ** 2)");
    List<Double> atRest = new ArrayList<>();
    EngineCheck probe = (f, x, g) -> {
      atRest.add(f.applyAsDouble(Var.constant(x)));
      f.applyAsDouble(Var.constant(scaled(x, 3)));
      return GradCheck.check(f, x, g);
    };
    new QuestionVerifier(1, probe).verify(q);
    assertEquals(6, atRest.size(), "dh and da at the author's dims and at the two fresh assignments");
    for (int trial = 0; trial < 3; trial++) {
      double first = atRest.get(2 * trial);
      assertEquals(first, atRest.get(2 * trial + 1), 1e-12 * Math.abs(first));
      assertFalse(first == 0);
    }
  }

  private static double directional(ToDoubleFunction<Var> f, Tensor x, Tensor g, double eps) {
    double norm = Math.sqrt(dot(g, g));
    double t = eps / norm;
    double plus = f.applyAsDouble(Var.constant(axpy(x, g, t)));
    double minus = f.applyAsDouble(Var.constant(axpy(x, g, -t)));
    return (plus - minus) / (2 * t);
  }

  private static Tensor axpy(Tensor x, Tensor g, double t) {
    double[] a = x.toArray();
    double[] b = g.toArray();
    for (int i = 0; i < a.length; i++) {
      a[i] += t * b[i];
    }
    return Tensor.of(a, x.shape());
  }

  private static Tensor scaled(Tensor x, double s) {
    double[] a = x.toArray();
    for (int i = 0; i < a.length; i++) {
      a[i] *= s;
    }
    return Tensor.of(a, x.shape());
  }

  private static double dot(Tensor a, Tensor b) {
    double[] x = a.toArray();
    double[] y = b.toArray();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static EngineCheck failing() {
    return (f, x, g) -> new GradCheckResult(2.5e-3, 1e-2, new int[0], false, 4, 0);
  }
}
