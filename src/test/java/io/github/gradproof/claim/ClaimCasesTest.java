package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the claim-language cases in {@code src/test/resources/claim/*.txt}: each parses a
 * {@code claim:} or {@code forward:} line in the {@code @scope:} given, and must either parse and
 * check or, after {@code error:}, fail with exactly the diagnostics written. (The {@code mathml:}
 * of the cases that parse is checked by the render stage's {@code MathMlTest}.)
 */
class ClaimCasesTest {

  static Stream<CaseFile.Case> cases() throws IOException {
    List<CaseFile.Case> all = new ArrayList<>();
    for (String f : List.of("parse.txt", "errors.txt")) {
      all.addAll(CaseFile.read("/claim/" + f));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parsesAsExpected(CaseFile.Case c) {
    List<Diagnostic> sink = new ArrayList<>();
    Line line = CaseFile.parse(c, sink);
    if (c.error() != null) {
      assertNull(line, c + ": expected an error");
      assertEquals(c.error(), new DiagnosticException(sink).getMessage(), c.toString());
    } else {
      assertNotNull(line, () -> c + ": " + sink);
    }
  }
}
