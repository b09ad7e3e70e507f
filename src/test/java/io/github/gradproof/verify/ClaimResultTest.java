package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A claim's result is a value: every field takes part in equality, and its text shows each of them. */
class ClaimResultTest {

  private static final SourceSpan TEXT = new SourceSpan("M < K", new SourceLocation("t.yaml", 1, 1), "M < K");
  private static final Line LINE = new Line.Comparison(CompareOp.LT, new Expr.Name("M", 0), new Expr.Name("K", 4), 2);
  private static final Reason REASON = new Reason.ComparisonFails(CompareOp.LT, new Argument(null, null,
      new Operand.Element(4)), new Argument(null, null, new Operand.Element(3)), null, Map.of());

  private static ClaimResult result(int[] shape, double error, double engineError, int trials, Verdict verdict,
      Reason reason, List<int[]> shapes, boolean engineSkipped) {
    return new ClaimResult(TEXT, LINE, shape, error, engineError, trials, verdict, reason, null, shapes,
        engineSkipped);
  }

  private static ClaimResult base() {
    return result(new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, List.of(new int[] {3}, new int[] {5}), true);
  }

  @Test
  void everyFieldTakesPartInEquality() {
    ClaimResult a = base();
    assertEquals(a, base());
    assertEquals(a.hashCode(), base().hashCode());
    List<int[]> shapes = List.of(new int[] {3}, new int[] {5});
    SourceSpan otherText = new SourceSpan("M < N", new SourceLocation("t.yaml", 1, 1), "M < N");
    Line otherLine = new Line.Comparison(CompareOp.LT, new Expr.Name("M", 0), new Expr.Name("N", 4), 2);
    for (ClaimResult other : List.of(
        new ClaimResult(otherText, LINE, new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, null, shapes, true),
        new ClaimResult(TEXT, otherLine, new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, null, shapes, true),
        result(new int[] {3}, 0.75, 0.25, 3, Verdict.FALSE, REASON, shapes, true),
        result(new int[] {3}, 0.5, 0.5, 3, Verdict.FALSE, REASON, shapes, true),
        result(new int[] {3}, 0.5, 0.25, 4, Verdict.FALSE, REASON, shapes, true),
        result(new int[] {3}, 0.5, 0.25, 3, Verdict.HOLDS, REASON, shapes, true),
        result(new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, null, shapes, true),
        result(new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, List.of(new int[] {3}), true),
        result(new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, List.of(new int[] {3}, new int[] {6}), true),
        result(new int[] {3}, 0.5, 0.25, 3, Verdict.FALSE, REASON, shapes, false))) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
  }

  @Test
  void theTextShowsEveryField() {
    String s = base().toString();
    for (String part : List.of("claim=" + TEXT, "line=" + LINE, "shape=[3]", "error=0.5", "engineError=0.25",
        "trials=3", "verdict=FALSE", "reason=" + REASON, "shapes=[[3], [5]]", "engineSkipped=true]")) {
      assertEquals(true, s.contains(part), part + " in " + s);
    }
  }

  /** The shapes a claim took over the trials are given as copies, in order. */
  @Test
  void theShapesAreGivenAsCopies() {
    ClaimResult r = base();
    r.shapes().get(0)[0] = 9;
    List<int[]> shapes = r.shapes();
    assertEquals(2, shapes.size());
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {3}, shapes.get(0));
    org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {5}, shapes.get(1));
  }
}
