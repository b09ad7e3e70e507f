package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Which claims constrain values, so that their holding can prove an answer ({@link
 * Claims#constrainsValues}), and experiments refused in forward lines: cases mutation testing
 * found unpinned (docs/MUTANTS.md). A name read for its shape only, a dim, an input or a constant
 * proves nothing; a gradient, a forward value or an experiment read on either side does. And which
 * lines write an infinity as a value ({@link Claims#writesInfinity}).
 */
class ConstrainsValuesTest {

  private static final Scope SCOPE = CaseFile.scope("N:dim x:input[N] h:forward[N]");

  private static boolean constrains(String claim) {
    return Claims.constrainsValues(CaseFile.checkedClaim(claim, SCOPE), SCOPE);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "dx = 2 * x | true",
      "0 <= sum(dx) | true",
      "sum(dx) >= 0 | true",
      "0 <= sum(h) | true",
      "2 * N == fd_evals(central) | true",
      "fd_evals(central) == 2 * N | true",
      "fd_order(central) ~ 2 | true",
      "dx.shape == x.shape | false",
      "dx.ndim == 1 | false",
      "ones_like(dx) == ones_like(x) | false",
      "zeros_like(h) <= ones_like(dx) | false",
      "N * sum(x * 0) == 0 | false",
      "sum(ones_like(dx) * dx) >= -1e9 | true"})
  void aClaimConstrainsValuesWhenItReadsOne(String claim, boolean expected) {
    assertEquals(expected, constrains(claim), claim);
  }

  /** In a scope whose objective is {@code L}, its own gradient {@code dL} is not a value a claim can prove by. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "dL == 1 | false | true",
      "dL = ones_like(L) | false | true",
      "sum(dL ** 2) > 0 | false | true",
      "dL.shape == L.shape | false | false",
      "dh = 2 * x | true | false",
      "dh == 2 * x | true | false",
      "dL * L > 0 | true | true",
      "dx == dL * 2 * x | true | true"})
  void theObjectivesOwnGradientConstrainsNothing(String claim, boolean expected, boolean readsSeed) {
    Scope scope = CaseFile.scope("N:dim x:input[N] h:forward[N] L:forward[]");
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkClaim(CaseFile.text(claim), scope, sink);
    assertNotNull(line, () -> claim + ": " + sink);
    assertEquals(expected, Claims.constrainsValues(line.line(), scope), claim);
    assertEquals(readsSeed, Claims.readsSeed(line.line(), scope), claim);
  }

  @Test
  void aScopeWithoutForwardLinesHasNoObjective() {
    Scope scope = CaseFile.scope("N:dim x:input[N]");
    assertNull(scope.objective());
    assertNull(Claims.seedName(scope));
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkClaim(CaseFile.text("dx == 2 * x"), scope, sink);
    assertNotNull(line, () -> sink.toString());
    assertTrue(Claims.constrainsValues(line.line(), scope));
    assertEquals(false, Claims.readsSeed(line.line(), scope));
  }

  @Test
  void experimentsCannotStandInAForwardLine() {
    List<Diagnostic> sink = new ArrayList<>();
    assertNull(Claims.checkForwardLine(CaseFile.text("L = sum(x) * fd_order(central)"),
        CaseFile.scope("N:dim x:input[N]"), sink));
    assertEquals(1, sink.size(), sink.toString());
    assertTrue(sink.get(0).message().startsWith("fd_order() measures the question's finite differences and can only "
        + "stand in a claim"), sink.get(0).message());
  }

  /**
   * The one bare {@code inf} serves as a value ({@code masked_fill(..., -inf)}, whose non-finite
   * forward line is told how to consume it) and as a norm's order ({@code norm(x, inf)}, a finite
   * norm, which is no written infinity).
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "dx = x.masked_fill(x > 0, -inf) | true",
      "dx = masked_fill(x, x > 0, inf) | true",
      "dx = clip(x, -inf, 0) | true",
      "dx = x * pi | false",
      "dx = x * norm(x, inf) | false",
      "dx = x * norm(x, -inf) | false",
      "dx = x * norm(x, ord=inf, axis=0) | false",
      "dx = normalize(x[None], p=inf, dim=1)[0] | false",
      "dx = x * norm(x, inf) + minimum(x, inf) | true",
      "dx = normalize(x[None], inf)[0].masked_fill(x > 0, -inf) | true",
      "dx = x * x.norm(inf) | false",
      "dx = x * x.norm(p=-inf, dim=0) | false",
      "dx = x.norm(inf) * x.clamp(max=inf) | true"})
  void anOrderOfANormIsNoWrittenInfinity(String claim, boolean expected) {
    assertEquals(expected, Claims.writesInfinity(CaseFile.checkedClaim(claim, SCOPE)), claim);
  }
}
