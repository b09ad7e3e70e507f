package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A standalone expression (the number a numeric question asks for) parsed and checked: its static
 * facts, the gradients it reads, and its authoring errors. Scope: {@code A: (M, K)}, {@code B: (K,)},
 * {@code z} of unknown rank, gradient names visible.
 */
class StandaloneExpressionTest {

  private static final Scope SCOPE = CaseFile.scope("M:dim K:dim A:input[M,K] B:input[K] z:input").withGradients();

  private static CheckedExpression check(String src) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedExpression e = Claims.checkExpression(CaseFile.text(src), SCOPE, sink);
    assertNotNull(e, () -> src + ": " + sink);
    return e;
  }

  private static String error(String src) {
    List<Diagnostic> sink = new ArrayList<>();
    assertNull(Claims.checkExpression(CaseFile.text(src), SCOPE, sink), src);
    return new DiagnosticException(sink).getMessage().lines().findFirst().orElseThrow();
  }

  @Test
  void theGradientsReadAreNamedOnceInOrderOfFirstUse() {
    CheckedExpression e = check("sum(dB) + sum(dA * A) + dB[0] * M");
    assertEquals(List.of("B", "A"), List.copyOf(e.differentiated()));
    assertEquals(List.of(), List.copyOf(check("sum(A) * M").differentiated()), "plain names and dims are no gradients");
  }

  @Test
  void neverScalarOnlyWhenStaticallyNotOneNumber() {
    assertTrue(check("A @ B").isNeverScalar(), "a vector");
    assertTrue(check("A.shape").isNeverScalar(), "a shape tuple is no number");
    assertFalse(check("sum(A)").isNeverScalar(), "a rank-0 tensor");
    assertFalse(check("M * K").isNeverScalar(), "an integer");
    assertFalse(check("z").isNeverScalar(), "unknown rank: may be one number");
  }

  @Test
  void experimentsAreFoundAnywhereInTheExpression() {
    assertTrue(check("2 * fd_order(central)").usesExperiments());
    assertTrue(check("fd_evals(forward) + 1").usesExperiments());
    assertFalse(check("sum(A)").usesExperiments());
  }

  @Test
  void theTreeAndTheTypesOfItsNodes() {
    CheckedExpression e = check("sum(A @ B)");
    Expr.Call call = assertInstanceOf(Expr.Call.class, e.expr());
    assertEquals(StaticType.tensor(Shape.scalar()), e.type());
    assertEquals(StaticType.tensor(Shape.of(Dim.symbol("M"))), e.type(call.args().get(0)));
  }

  /** Counted as in {@link CostTest}: {@code sum(A)} reads 12 and creates 1 under M = 3, K = 4. */
  @Test
  void anExpressionCostsWhatItsNodesDo() {
    Map<String, Integer> dims = Map.of("M", 3, "K", 4);
    assertEquals(new Cost(2000 + 16 * 12, 1), Cost.of(check("sum(A)"), dims));
    assertEquals(12, Cost.elements(Shape.of(Dim.symbol("M"), Dim.symbol("K")), dims));
    assertEquals(0, Cost.elements(Shape.unknown(), dims), "not determined");
  }

  @Test
  void authoringErrorsAreLocated() {
    assertEquals("claim.yaml:7:20: write only the expression whose value is asked for, without 'name ='",
        error("dA = A"));
    assertEquals("claim.yaml:7:24: expected end of line, found 'B'", error("sum(A) B"));
    assertEquals("claim.yaml:7:17: unknown name 'Q'", error("Q + 1").replaceAll(" \\(did you mean.*", ""));
  }

  /** A line's value: the definition's, the claimed gradient's, a comparison's left side. */
  @Test
  void aCheckedLineKnowsItsValueAndWhichNodesHaveAShape() {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine forward = Claims.checkForwardLine(CaseFile.text("C = einsum('ij->ji', A)"), SCOPE, sink);
    CheckedLine gradient = Claims.checkClaim(CaseFile.text("dA = 2 * A"), SCOPE, sink);
    CheckedLine comparison = Claims.checkClaim(CaseFile.text("M * K >= sum(dA)"), SCOPE, sink);
    assertEquals(List.of(), sink);
    Shape km = Shape.of(Dim.symbol("K"), Dim.symbol("M"));
    assertEquals(StaticType.tensor(km), forward.valueType());
    assertEquals(StaticType.tensor(Shape.of(Dim.symbol("M"), Dim.symbol("K"))), gradient.valueType());
    assertEquals(new StaticType.IntType(Dim.symbol("K").times(Dim.symbol("M"))), comparison.valueType());
    Expr subscripts = ((Expr.Call) ((Line.Definition) forward.line()).value()).args().get(0);
    assertInstanceOf(StaticType.StringType.class, forward.type(subscripts));
    assertNull(forward.shape(subscripts), "a string has no shape");
  }
}
