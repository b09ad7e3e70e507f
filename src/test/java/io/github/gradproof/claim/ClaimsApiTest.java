package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of {@link Claims}' API the renderer and the verifier read a line with. */
class ClaimsApiTest {

  private static final Scope SCOPE = CaseFile.scope("M:dim K:dim A:input[M,K]");

  private static Expr value(String src) {
    return ((Line.Definition) Parser.forwardLine("out = " + src)).value();
  }

  @Test
  void aClaimIsItsCheckedLineOrNullWithItsErrors() {
    List<Diagnostic> sink = new ArrayList<>();
    Line.GradientClaim claim = assertInstanceOf(Line.GradientClaim.class,
        Claims.claim(CaseFile.text("dA = 2 * A"), SCOPE, sink));
    assertEquals("dA", claim.name());
    assertEquals(List.of(), sink);
    assertNull(Claims.claim(CaseFile.text("dA = 2 * Q"), SCOPE, sink));
    assertEquals(1, sink.size());
    List<ClaimSyntaxException> errors = Checker.check(Parser.claim("dA = 2 * Q + R"), SCOPE.withGradients());
    assertEquals(List.of(9, 13), errors.stream().map(ClaimSyntaxException::offset).toList(), "every error, in order");
    assertEquals(List.of(), Checker.check(Parser.claim("dA = 2 * A"), SCOPE.withGradients()));
  }

  /** {@code x.reshape(3, 4)} is {@code reshape(x, (3, 4))}; {@code x.sum(axis=0)} is {@code sum(x, axis=0)}. */
  @Test
  void aMethodCallIsTheFunctionCallItStandsFor() {
    Expr.Call reshape = Claims.asCall((Expr.MethodCall) value("x.reshape(3, 4)")).orElseThrow();
    assertEquals("reshape", reshape.function());
    assertEquals("x", ((Expr.Name) reshape.args().get(0)).name());
    assertEquals(2, assertInstanceOf(Expr.Tuple.class, reshape.args().get(1)).items().size());
    Expr.Call sum = Claims.asCall((Expr.MethodCall) value("x.sum(axis=0)")).orElseThrow();
    assertEquals("sum", sum.function());
    assertEquals(List.of("axis"), sum.keywords().stream().map(Expr.Keyword::name).toList());
    assertTrue(Claims.asCall((Expr.MethodCall) value("x.softplus()")).isEmpty(), "softplus is no array method");
    Expr.Call clip = Claims.asCall((Expr.MethodCall) value("x.clip(max=1)")).orElseThrow();
    assertEquals("clip", clip.function());
    assertEquals(List.of("max"), clip.keywords().stream().map(Expr.Keyword::name).toList());
  }

  /** A comparison reads the values of forward and gradient names on both sides, not through {@code .shape}. */
  @Test
  void aComparisonReadsTheValuesOfForwardAndGradientNamesOnBothSides() {
    Scope scope = CaseFile.scope("M:dim K:dim A:input[M,K] C:forward[M,K]");
    assertEquals(List.of("C", "dA"), List.copyOf(Claims.valueNames(Parser.claim("M * sum(C) <= sum(dA * A)"), scope)));
    assertEquals(List.of("dA"), List.copyOf(Claims.valueNames(Parser.claim("0 <= sum(dA)"), scope)), "the right side");
    assertEquals(List.of(), List.copyOf(Claims.valueNames(Parser.claim("dA.shape == C.shape"), scope)));
  }

  @Test
  void argumentsBindToParameterNamesAndOmittedOnesAreLeftOut() {
    Map<String, Expr> bound = Claims.arguments((Expr.Call) value("sum(x, keepdims=True)")).orElseThrow();
    assertEquals(List.of("a", "keepdims"), List.copyOf(bound.keySet()));
    assertTrue(Claims.arguments((Expr.Call) value("smu(x)")).isEmpty(), "an unknown function");
    assertTrue(Claims.arguments((Expr.Call) value("exp(x, 2)")).isEmpty(), "arguments that do not bind");
  }
}
