package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A comparison that only restates the forward lines is told apart from a fact the run must check. */
class RestatementTest {

  private static Map<String, Expr> forward(String... lines) {
    Map<String, Expr> definitions = new LinkedHashMap<>();
    for (String line : lines) {
      Line.Definition d = Parser.forwardLine(line);
      definitions.put(d.name(), d.value());
    }
    return definitions;
  }

  private static boolean restates(String claim, Map<String, Expr> definitions) {
    return Restatement.restates((Line.Comparison) Parser.claim(claim), definitions);
  }

  private static final Map<String, Expr> RELU = forward("a = relu(h)", "L = sum(a * a)");

  @Test
  void aForwardValueComparedWithItsDefinitionIsARestatement() {
    assertTrue(restates("a == relu(h)", RELU));
    assertTrue(restates("relu(h) == a", RELU), "either side");
    assertTrue(restates("a   ==relu( h )", RELU), "spaces do not count");
  }

  @Test
  void definitionsArePutInThroughEveryLine() {
    assertTrue(restates("L <= sum(relu(h) * relu(h))", RELU), "L, then a inside it");
    assertTrue(restates("L >= sum(a * a)", RELU));
    assertTrue(restates("sum(a) ~ sum(relu(h))", RELU), "inside a call on both sides");
  }

  @Test
  void numbersCompareByValue() {
    Map<String, Expr> twice = forward("y = 2 * x");
    assertTrue(restates("y == 2.0 * x", twice));
    assertFalse(restates("y == 3 * x", twice));
  }

  @Test
  void anotherExpressionIsNoRestatement() {
    assertFalse(restates("a == h", RELU));
    assertFalse(restates("a == relu(h.T)", RELU), "a transpose is another expression, even of a vector");
    assertFalse(restates("sum(p) == 1", forward("p = softmax(z)")), "a fact about softmax, checked by the run");
    assertFalse(restates("a == relu(h)", forward("a = relu(x)")), "other names");
  }

  @Test
  void onlyComparisonsThatHoldForEqualSidesAreRestatements() {
    for (String op : List.of("==", "<=", ">=", "~")) {
      assertTrue(restates("a " + op + " relu(h)", RELU), op);
    }
    for (String op : List.of("!=", "<", ">")) {
      assertFalse(restates("a " + op + " relu(h)", RELU), op + " is false for equal sides: the run refutes it");
    }
  }

  @Test
  void keywordsAndTheirValuesCount() {
    Map<String, Expr> softmax = forward("p = softmax(z, dim=0)");
    assertTrue(restates("p == softmax(z, dim=0)", softmax));
    assertFalse(restates("p == softmax(z, dim=1)", softmax));
    assertFalse(restates("p == softmax(z)", softmax), "an omitted keyword is another expression");
  }

  @Test
  void aChainThatDoublesAtEveryLineIsGivenUpNotExpandedWithoutEnd() {
    String[] lines = new String[60];
    lines[0] = "a0 = x";
    for (int i = 1; i < lines.length; i++) {
      lines[i] = "a" + i + " = a" + (i - 1) + " + a" + (i - 1);
    }
    Map<String, Expr> chain = forward(lines);
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      assertFalse(restates("a59 == a58 + a58", chain), "too long to compare: no error, the run checks it");
      assertTrue(restates("a5 == a4 + a4", chain), "a short chain is compared");
    });
  }
}
