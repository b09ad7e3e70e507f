package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * torch's embedding: the refusals the golden fixtures (valid calls only) cannot show, and the padding
 * row's zero gradient, which is torch's choice and not the derivative, so the gradient check must leave
 * that row out rather than blame the engine, and check the others.
 */
class EmbeddingTest {

  private static final Tensor WEIGHT = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);

  private static String refusal(Runnable call) {
    return assertThrows(ShapeException.class, call::run).getMessage();
  }

  @Test
  void refusesWhatTorchRefuses() {
    Var w = Var.parameter(WEIGHT);
    assertEquals("embedding: index 4 is out of range for a weight of 4 rows (torch: index out of range in self)",
        refusal(() -> Ops.embedding(Tensor.vector(0, 4), w, null)));
    assertEquals("embedding: index -1 is out of range for a weight of 4 rows (torch: index out of range in self)",
        refusal(() -> Ops.embedding(Tensor.vector(-1), w, null)));
    assertEquals("embedding: the indices must be integers (torch wants a Long or Int tensor), got 0.5",
        refusal(() -> Ops.embedding(Tensor.vector(0.5), w, null)));
    assertEquals("embedding: padding_idx must be within num_embeddings (4), got 4",
        refusal(() -> Ops.embedding(Tensor.vector(0), w, 4)));
    assertEquals("embedding: padding_idx must be within num_embeddings (4), got -5",
        refusal(() -> Ops.embedding(Tensor.vector(0), w, -5)));
    assertEquals("embedding: 'weight' must be 2-D, got shape (8,)",
        refusal(() -> Ops.embedding(Tensor.vector(0), Var.parameter(Tensor.vector(1, 2, 3, 4, 5, 6, 7, 8)), null)));
  }

  @Test
  void aScalarIndexReadsOneRowAndNegativePaddingCountsFromTheEnd() {
    Var w = Var.parameter(WEIGHT);
    Var row = Ops.embedding(Tensor.scalar(2), w, null);
    assertArrayEquals(new int[] {2}, row.value().shape());
    assertArrayEquals(new double[] {5, 6}, row.value().toArray());
    Var y = Ops.embedding(Tensor.vector(3, 1, 3), w, -1);
    assertArrayEquals(new double[] {7, 8, 3, 4, 7, 8}, y.value().toArray(), "the padding row is read");
    y.backward(Tensor.of(new double[] {1, 1, 1, 1, 1, 1}, 3, 2));
    assertArrayEquals(new double[] {0, 0, 1, 1, 0, 0, 0, 0}, w.grad().toArray(), "but gets no gradient");
  }

  @Test
  void theGradientCheckLeavesThePaddingRowOutAndChecksTheOthers() {
    Tensor indices = Tensor.vector(3, 1, 3, 0);
    Tensor upstream = Tensor.of(new double[] {1, -2, 3, 4, -5, 6, 7, 8}, 4, 2);
    Var w = Var.parameter(WEIGHT);
    Ops.embedding(indices, w, 3).backward(upstream);
    assertArrayEquals(new double[] {7, 8, 3, 4, 0, 0, 0, 0}, w.grad().toArray());
    GradCheckResult right = GradCheck.check(t -> Ops.embedding(indices, t, 3).mul(Var.constant(upstream)).sum()
        .value().item(), WEIGHT, w.grad());
    assertTrue(right.passed(), right::toString);
    assertEquals(2, right.skipped(), "the padding row's two elements");
    Tensor wrongRow = Tensor.of(new double[] {3, 4, 7, 8, 0, 0, 0, 0}, 4, 2);
    assertFalse(GradCheck.check(t -> Ops.embedding(indices, t, 3).mul(Var.constant(upstream)).sum()
        .value().item(), WEIGHT, wrongRow).passed(), "rows 0 and 1 swapped");
  }
}
