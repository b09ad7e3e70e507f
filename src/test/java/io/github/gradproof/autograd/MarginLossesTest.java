package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The margin losses' refusals, which the golden fixtures (valid calls only) cannot show. */
class MarginLossesTest {

  private static Var ones(int... shape) {
    return Var.parameter(Tensor.ones(shape));
  }

  private static String refusal(Runnable call) {
    return assertThrows(ShapeException.class, call::run).getMessage();
  }

  @Test
  void refusesWhatTorchRefuses() {
    assertEquals("multi_margin_loss: only p == 1 and p == 2 are supported, got p=3",
        refusal(() -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 2), 3, 1, null)));
    assertEquals("multi_margin_loss: target 3.0 is out of range for 3 classes",
        refusal(() -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 3), 1, 1, null)));
    assertEquals("multi_margin_loss: expected scores (N, C) with targets (N,), or (C,) with one target, got (2, 3)"
        + " and (3,)", refusal(() -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 1, 2), 1, 1, null)));
    assertEquals("multi_margin_loss: expected a weight of 3 values, one per class, got shape (2,)",
        refusal(() -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 1), 1, 1, Tensor.vector(1, 1))));
    assertEquals("margin_ranking_loss: all input tensors should have the same number of dimensions, got shapes (3,),"
        + " (3,) and (1, 3)", refusal(() -> Ops.marginRankingLoss(ones(3), ones(3), ones(1, 3), 0)));
    assertEquals("triplet_margin_loss: the anchor, positive and negative tensors are expected to have the same"
        + " number of dimensions (at least 1), got shapes (2, 3), (3,) and (2, 3)",
        refusal(() -> Ops.tripletMarginLoss(ones(2, 3), ones(3), ones(2, 3), 1, 2, 1e-6, false)));
    assertEquals("cosine_embedding_loss: expected inputs (N, D) with a target (N,), or (D,) with one target, got"
        + " (2, 3), (2, 3) and (2, 1)", refusal(() -> Ops.cosineEmbeddingLoss(ones(2, 3), ones(2, 3), ones(2, 1), 0)));
  }
}
