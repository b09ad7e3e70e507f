package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The parser's two limits at their exact values (found unpinned by the tests of the verdict
 * packages in mutation testing, docs/MUTANTS.md): a line of {@value Parser#MAX_LENGTH} characters
 * parses, one more is refused; {@value Parser#MAX_DEPTH} levels of nesting parse, one more is refused.
 */
class ParserLimitsTest {

  @Test
  void aLineOfExactlyTheMaximumLengthParses() {
    String line = "dA = A";
    String longest = line + " ".repeat(Parser.MAX_LENGTH - line.length());
    assertEquals(Parser.MAX_LENGTH, longest.length());
    assertEquals("dA", ((Line.GradientClaim) Parser.claim(longest)).name());
    ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Parser.claim(longest + " "));
    assertEquals("this line is longer than 1000 characters; split the computation into forward lines", e.getMessage());
  }

  /** {@code -…-A} with {@code k} minus signs nests {@code k + 1} levels: the minus signs and {@code A}. */
  @Test
  void nestingOfExactlyTheMaximumDepthParses() {
    String deepest = "dA = " + "-".repeat(Parser.MAX_DEPTH - 1) + "A";
    Parser.claim(deepest);
    String deeper = "dA = " + "-".repeat(Parser.MAX_DEPTH) + "A";
    ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Parser.claim(deeper));
    assertEquals("this expression is nested more than 100 levels deep; simplify it or split it into forward lines",
        e.getMessage());
  }

  /** Depth is nesting, not length: 150 terms side by side are one level each, not 150 levels. */
  @Test
  void aLongFlatSumIsNotDeep() {
    String flat = "dA = " + "A + ".repeat(150) + "-A";
    assertEquals("dA", ((Line.GradientClaim) Parser.claim(flat)).name());
  }
}
