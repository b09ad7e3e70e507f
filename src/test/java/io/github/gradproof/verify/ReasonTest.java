package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.claim.Operation;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Question;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reasons are facts: what the verifier records about a false claim, compared by value. */
class ReasonTest {

  private static final QuestionVerifier VERIFIER = new QuestionVerifier(1);

  private static Reason reasonOf(String dims, String inputs, String forward, String claim) {
    Question q = TestQuestions.free("q-facts", TestQuestions.setup(dims, inputs, forward), claim);
    return VERIFIER.verify(q).answerClaims().get(0).reason();
  }

  @Test
  void aGradientOfTheWrongShapeRecordsBothShapesTheExpressionAndTheDims() {
    Reason r = reasonOf("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B", "dA = B @ dC.T");
    Reason.ShapeMismatch s = (Reason.ShapeMismatch) r;
    assertEquals(Reason.Kind.SHAPE, s.kind());
    assertEquals("dA", s.gradient());
    assertEquals(new Operand.Tensor(new int[] {4, 3}), s.claimed().value());
    assertTrue(s.claimed().expression() instanceof Expr.Binary);
    assertEquals(new Operand.Tensor(new int[] {3, 4}), s.expected().value());
    assertNull(s.expected().expression());
    assertEquals(List.of("M", "K", "N"), List.copyOf(s.dims().keySet()));
    assertEquals(List.of(3, 4, 5), List.copyOf(s.dims().values()));
    assertThrows(UnsupportedOperationException.class, () -> s.dims().put("M", 9));
  }

  @Test
  void anUndefinedCallRecordsEachArgumentWithItsParameterAndExpression() {
    Reason.Undefined u = (Reason.Undefined) reasonOf("R=4 D=3", "a[D] b[R,D]", "c = a + b", "da = sum(dc, axis=2)");
    assertEquals(Reason.Kind.AXIS, u.kind());
    Operation op = u.operation();
    assertEquals("sum", op.name());
    assertEquals(false, op.infix());
    assertEquals(List.of("a", "axis"), op.arguments().stream().map(Argument::parameter).toList());
    assertEquals(new Operand.Tensor(new int[] {4, 3}), op.arguments().get(0).value());
    assertEquals(new Operand.Int(2), op.arguments().get(1).value());
    assertEquals("dc", ((Expr.Name) op.arguments().get(0).expression()).name());
  }

  @Test
  void anIndexThatDoesNotFitRecordsTheIndexedValueAndEachItem() {
    Reason.Undefined u = (Reason.Undefined) reasonOf("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B", "dA[1:, K] == 0");
    assertEquals(Reason.Kind.INDEX, u.kind());
    Operation op = u.operation();
    assertEquals(Operation.INDEX, op.name());
    assertEquals(false, op.infix());
    assertEquals(List.of(new Operand.Tensor(new int[] {3, 4}), new Operand.Slice(1L, null, null), new Operand.Int(4)),
        op.arguments().stream().map(Argument::value).toList());
    assertEquals("dA", ((Expr.Name) op.arguments().get(0).expression()).name());
    assertEquals("K", ((Expr.Name) op.arguments().get(2).expression()).name());
  }

  @Test
  void arraysThatCannotBeJoinedRecordTheListOfShapes() {
    Reason.Undefined u = (Reason.Undefined) reasonOf("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B",
        "dA = stack([A, B], axis=1)");
    assertEquals(Reason.Kind.JOIN, u.kind());
    assertEquals(List.of("arrays", "axis"), u.operation().arguments().stream().map(Argument::parameter).toList());
    assertEquals(new Operand.Sequence(List.of(new Operand.Tensor(new int[] {3, 4}), new Operand.Tensor(new int[] {4, 5}))),
        u.operation().arguments().get(0).value());
  }

  @Test
  void anUndefinedInfixOperationRecordsTheOperatorAndBothShapes() {
    Reason.Undefined u = (Reason.Undefined) reasonOf("M=3 K=4 N=5", "A[M,K] B[K,N]", "C = A @ B", "dA = sum(A) @ A");
    assertEquals(Reason.Kind.MATMUL, u.kind());
    assertEquals("@", u.operation().name());
    assertEquals(true, u.operation().infix());
    assertEquals(new Operand.Tensor(new int[0]), u.operation().arguments().get(0).value());
    assertEquals(new Operand.Tensor(new int[] {3, 4}), u.operation().arguments().get(1).value());
  }

  @Test
  void aValueMismatchRecordsTheWorstElementBothValuesAndTheirDifference() {
    Reason.ValueMismatch v = (Reason.ValueMismatch) reasonOf("N=3", "x[N]", "s = sum(x * x)", "dx = x");
    assertEquals("dx", v.gradient());
    assertEquals(1, v.index().length);
    assertEquals(Math.abs(v.claimed() - v.expected()), v.difference());
    assertEquals(v.claimed(), v.expected() / 2, 1e-12); // d(x·x)/dx = 2x
  }

  @Test
  void aFailedElementComparisonRecordsTheIndexAndBothElements() {
    Reason.ComparisonFails c = (Reason.ComparisonFails) reasonOf("N=3", "x[N]:positive", "s = sum(x)", "x < -1");
    assertEquals(CompareOp.LT, c.op());
    assertArrayEquals(new int[] {0}, c.index());
    assertTrue(c.left().value() instanceof Operand.Element);
    assertEquals(new Operand.Element(-1), c.right().value());
  }

  @Test
  void factsAreComparedByValueAndArraysAreCopied() {
    Map<String, Integer> dims = new LinkedHashMap<>(Map.of("N", 3));
    int[] index = {1, 2};
    Reason.ValueMismatch a = new Reason.ValueMismatch("dA", index, 1.0, 2.0, dims);
    index[0] = 7;
    dims.put("N", 4);
    Reason.ValueMismatch b = new Reason.ValueMismatch("dA", new int[] {1, 2}, 1.0, 2.0, Map.of("N", 3));
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertTrue(a.toString().contains("[1, 2]"), a.toString());
    a.index()[1] = 9;
    assertArrayEquals(new int[] {1, 2}, a.index());
    assertNotEquals(a, new Reason.ValueMismatch("dA", new int[] {2, 1}, 1.0, 2.0, Map.of("N", 3)));
    assertNotEquals(a, new Reason.ValueMismatch("dA", new int[] {1, 2}, 1.0, 2.5, Map.of("N", 3)));

    Argument one = new Argument(null, null, new Operand.Element(1));
    Reason.ComparisonFails c = new Reason.ComparisonFails(CompareOp.LT, one, one, null, Map.of());
    assertEquals(c, new Reason.ComparisonFails(CompareOp.LT, one, one, null, Map.of()));
    assertNotEquals(c, new Reason.ComparisonFails(CompareOp.LT, one, one, new int[0], Map.of()));
    assertNotEquals(c, new Reason.ComparisonFails(CompareOp.GT, one, one, null, Map.of()));
    assertTrue(c.toString().contains("index=null"), c.toString());
  }

  @Test
  void claimResultsAreComparedByValue() {
    SourceSpan text = new SourceSpan("M < K", new SourceLocation("t.yaml", 1, 1), "M < K");
    Line line = new Line.Comparison(CompareOp.LT, new Expr.Name("M", 0), new Expr.Name("K", 4), 2);
    int[] shape = {3, 4};
    ClaimResult a = new ClaimResult(text, line, shape, 0.5, Double.NaN, 3, Verdict.HOLDS, null);
    shape[0] = 7;
    ClaimResult b = new ClaimResult(text, line, new int[] {3, 4}, 0.5, Double.NaN, 3, Verdict.HOLDS, null);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a.toString(), b.toString());
    assertTrue(a.toString().contains("shape=[3, 4]"), a.toString());
    a.shape()[0] = 9;
    assertArrayEquals(new int[] {3, 4}, a.shape());
    assertNotEquals(a, new ClaimResult(text, line, new int[] {4, 3}, 0.5, Double.NaN, 3, Verdict.HOLDS, null));
    assertNotEquals(a, new ClaimResult(text, line, null, 0.5, Double.NaN, 3, Verdict.HOLDS, null));
    assertNull(new ClaimResult(text, line, null, 0.5, Double.NaN, 3, Verdict.HOLDS, null).shape());
  }
}
