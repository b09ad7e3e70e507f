package io.github.gradproof.claim;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code src/test/resources/claim/checker-edges.txt} as {@link ClaimCasesTest} runs its files:
 * the checker's messages for the cases mutation testing showed no test pinned down.
 */
class CheckerEdgesTest {

  static Stream<CaseFile.Case> cases() throws IOException {
    return CaseFile.read("/claim/checker-edges.txt").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void failsWithExactlyTheseDiagnostics(CaseFile.Case c) {
    new ClaimCasesTest().parsesAsExpected(c);
  }
}
