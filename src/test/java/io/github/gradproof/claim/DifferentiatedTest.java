package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.github.gradproof.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The names whose engine gradient a claim reads ({@link Claims#differentiated}): each is
 * cross-checked against central differences, so a gradient read anywhere in the claim must be
 * found, on the right of a gradient claim, on either side of a comparison, and in a keyword
 * argument of a function or of a method (found unpinned by mutation testing, docs/MUTANTS.md).
 */
class DifferentiatedTest {

  private static final Scope SCOPE = CaseFile.scope("B:dim D:dim x:input[B,D] W:input[D,D] h:forward[B,D]");

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "dW = x.T @ (dh * (1 - h ** 2)) | W h",
      "dW = x.T @ x | W",
      "sum(dh) >= -1e9 | h",
      "-1e9 <= sum(dh) | h",
      "sum(clip(x, a_min=dh)) >= -1e9 | h",
      "sum(h.dot(b=dW)) >= -1e9 | W",
      "h.shape == dh.shape | h",
      "sum(x) >= -1e9 | ''"})
  void everyGradientReadIsFound(String claim, String expected) {
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkClaim(CaseFile.text(claim), SCOPE, sink);
    assertNotNull(line, () -> claim + ": " + sink);
    Set<String> want = expected.isEmpty() ? Set.of() : Set.of(expected.split(" "));
    assertEquals(want, Claims.differentiated(line.line(), SCOPE), claim);
  }
}
