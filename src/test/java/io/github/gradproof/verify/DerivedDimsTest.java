package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.quiz.DimExpr;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.Setup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Derived dims and dim expressions in shapes at verification: derived dims are recomputed under
 * every fresh assignment of the free dims (so a claim true exactly when {@code E == NH * DH} holds,
 * and one true only at the author's sizes still fails), the sizes and reasons name them, a derived
 * dim that is no positive size at fresh dims is an authoring error at it, and the cost estimate
 * uses the computed sizes.
 */
class DerivedDimsTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier();
  private static final SourceLocation E_AT = new SourceLocation(TestQuestions.FILE, 2, 21);

  /** {@code base} with derived dims {@code name=formula}, in order. */
  private static Setup derived(Setup base, String... formulas) {
    Map<String, DimExpr> derived = new LinkedHashMap<>();
    Map<String, SourceLocation> at = new LinkedHashMap<>(base.dimLocations());
    for (String f : formulas) {
      String[] kv = f.split("=", 2);
      derived.put(kv[0], DimExpr.parse(kv[1]));
      at.put(kv[0], E_AT);
    }
    return new Setup(base.dims(), at, base.inputs(), base.forward(), base.location(), base.exactDimsReason(),
        derived);
  }

  /** Heads of width DH reshaped into one axis of E = NH * DH. */
  private static Setup heads() {
    return derived(TestQuestions.setup("NH=2 DH=3", "x[E]", "h = reshape(x, (NH, DH)); L = sum(h * h)"),
        "E=NH * DH");
  }

  private static Verdict verdict(Setup setup, String claim) {
    return VERIFIER.verify(TestQuestions.free("q-derived", setup, claim)).answerClaims().get(0).verdict();
  }

  @Test
  void aClaimTrueExactlyWhenEIsNhTimesDhHolds() {
    assertEquals(Verdict.HOLDS, verdict(heads(), "dx = reshape(2 * h, (E,))"));
    assertEquals(Verdict.HOLDS, verdict(heads(), "E == NH * DH"));
    assertEquals(Verdict.HOLDS, verdict(heads(), "x.shape == (NH * DH,)"));
    assertEquals(Verdict.HOLDS, verdict(heads(), "dh.shape == (NH, E // NH)"));
  }

  @Test
  void aClaimTrueOnlyAtTheAuthorsSizesFails() {
    assertEquals(Verdict.FALSE, verdict(heads(), "E == 6"));
    assertEquals(Verdict.FALSE, verdict(heads(), "dx = reshape(2 * h, (6,))"));
    assertEquals(Verdict.FALSE, verdict(heads(), "dx = x * E / 3"), "2 * x only when E = 6");
  }

  @Test
  void theTrialSizesAndReasonsNameTheDerivedDims() {
    QuestionResult r = VERIFIER.verify(TestQuestions.free("q-derived", heads(), "E == 6"));
    assertEquals(Map.of("NH", 2, "DH", 3, "E", 6), r.sizes().get(0));
    assertEquals(List.of("NH", "DH", "E"), List.copyOf(r.sizes().get(0).keySet()));
    for (Map<String, Integer> s : r.sizes()) {
      assertEquals(s.get("NH") * s.get("DH"), s.get("E"), s.toString());
    }
    assertTrue(r.sizes().size() > 1, "tried at fresh dims too");
    String reason = Reasons.english(r.answerClaims().get(0).reason());
    assertTrue(reason.startsWith("it holds for NH = 2, DH = 3, E = 6 but not for NH = "), reason);
  }

  @Test
  void theDerivedDimsAreNeverDrawnThemselves() {
    List<Map<String, Integer>> fresh = FreshDims.of("q-derived", heads());
    assertEquals(2, fresh.size(), "two free dims: two assignments, as without E");
    List<Map<String, Integer>> without = FreshDims.of("q-derived",
        TestQuestions.setup("NH=2 DH=3", "x[NH,DH]", "L = sum(x)"));
    for (int k = 0; k < fresh.size(); k++) {
      assertEquals(without.get(k).get("NH"), fresh.get(k).get("NH"));
      assertEquals(without.get(k).get("DH"), fresh.get(k).get("DH"));
    }
  }

  @Test
  void aDerivedDimThatIsNoSizeAtFreshDimsIsAnAuthoringErrorAtIt() {
    // P = 3 - T is 1 at the author's T = 2; fresh T is at least 3 (never 2), so P is at most 0
    Setup setup = derived(TestQuestions.setup("T=2", "x[T] w[P]", "L = sum(x) + sum(w)"), "P=3 - T");
    Question q = TestQuestions.free("q-derived", setup, "dx = ones_like(x)");
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> VERIFIER.verify(q));
    String m = e.diagnostics().get(0).message();
    assertEquals(E_AT, e.diagnostics().get(0).location());
    assertTrue(m.matches("q-derived: dim 'P' = 3 - T is -?[0-9]+, not a positive size when T = [0-9]+, fresh dims drawn"
        + " to try the claims at other sizes than the author's .*; write the derived dim so that it is a positive"
        + " size at any sizes of the dims it names, or, if the question means exactly its sizes, set exact_dims:"
        + " true with an exact_dims_reason"), m);
    assertEquals(Verdict.HOLDS, VERIFIER.verify(TestQuestions.free("q-derived", TestQuestions.exactDims(setup),
        "dx = ones_like(x)")).answerClaims().get(0).verdict(), "at the author's dims only, P = 1 is a size");
  }

  @Test
  void anExpressionAxisFollowsTheFreshDims() {
    Setup setup = TestQuestions.setup("B=2 C=3 T=4", "x[B,2*C] h[T+1,C]", "y = x[:, :C] * x[:, C:]; z = h[1:] * 2");
    assertEquals(Verdict.HOLDS, verdict(setup, "dx = concatenate([dy * x[:, C:], dy * x[:, :C]], axis=1)"));
    assertEquals(Verdict.HOLDS, verdict(setup, "h.shape == (T + 1, C)"));
    assertEquals(Verdict.FALSE, verdict(setup, "h.shape == (5, C)"));
  }

  /** The cost of a derived or expression axis is the cost of the same size written as a number. */
  @Test
  void theCostEstimateUsesTheComputedSizes() {
    String lines = "h = x * x; L = sum(h)";
    Setup derivedAxis = TestQuestions.exactDims(derived(TestQuestions.setup("NH=30 DH=40", "x[E]", lines),
        "E=NH * DH"));
    Setup expressionAxis = TestQuestions.exactDims(TestQuestions.setup("NH=30 DH=40", "x[NH*DH]", lines));
    Setup literal = TestQuestions.exactDims(TestQuestions.setup("NH=30 DH=40", "x[1200]", lines));
    Setup smaller = TestQuestions.exactDims(TestQuestions.setup("NH=30 DH=40", "x[600]", lines));
    String expected = refusal(literal);
    assertEquals(expected, refusal(derivedAxis));
    assertEquals(expected, refusal(expressionAxis));
    assertNotEquals(expected, refusal(smaller), "the count depends on the size");
  }

  private static String refusal(Setup setup) {
    Question q = TestQuestions.free("q-01-01", setup, "dx = 2 * x");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> CostEstimate.check(q, 3, new WorkLimits(1, Long.MAX_VALUE)));
    String m = e.getMessage().lines().findFirst().orElseThrow();
    return m.substring(m.indexOf("about"), m.indexOf(" operations"));
  }

  /**
   * The sweep's finding 11, both ways: a dilated conv verifies at fresh dims (the draws its kernel
   * does not fit are widened), and a forward line no wider draw makes defined (a reshape to the
   * author's size) is refused with the way out, a derived dim.
   */
  @Test
  void aDilatedConvVerifiesAtFreshDimsAndARefusalSuggestsADerivedDim() {
    Setup dilated = TestQuestions.setup("N=1 C=2 O=3 T=9 K=3", "x[N,C,T] w[O,C,K]", "y = conv1d(x, w, dilation=2)");
    assertEquals(List.of(), VERIFIER.verify(TestQuestions.free("q-14-01", dilated,
        "dx = conv_transpose1d(dy, w, dilation=2)")).problems());
    Setup literal = TestQuestions.setup("N=3", "x[N]", "y = reshape(x, (3,)); L = sum(y * y)");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> VERIFIER.verify(TestQuestions.free("q-literal", literal, "dx = 2 * x")));
    assertTrue(e.getMessage().contains("q-literal: this forward line is undefined when N = "), e.getMessage());
    assertTrue(e.getMessage().contains("and making the larger of them larger still (by 2 to 16) left the forward"
        + " lines undefined too: give a dim that must exceed another by some rule as a derived dim (T: 2 * K + 3"),
        e.getMessage());
  }
}
