package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** batch_norm's refusals, as PyTorch's (the values are in the golden expressions). */
class BatchNormTest {

  private static final Var X = Var.constant(Tensor.of(new double[] {1, 2, 3, 4, 5, 7}, 2, 3));

  private static String refusal(Runnable call) {
    return assertThrows(ShapeException.class, call::run).getMessage();
  }

  @Test
  void trainingNeedsMoreThanOneValuePerChannel() {
    Var one = Var.constant(Tensor.of(new double[] {1, 2, 3}, 1, 3, 1));
    assertEquals("batch_norm: expected more than 1 value per channel when training, got input shape (1, 3, 1)",
        refusal(() -> Ops.batchNorm(one, null, null, null, null, true, 1e-5)));
    Ops.batchNorm(X, null, null, null, null, true, 1e-5); // two values per channel are enough
  }

  @Test
  void evaluationNeedsBothRunningStatistics() {
    assertEquals("batch_norm: running_mean must be given in evaluation mode (training=False)",
        refusal(() -> Ops.batchNorm(X, null, Tensor.vector(1, 1, 1), null, null, false, 1e-5)));
    assertEquals("batch_norm: running_var must be given in evaluation mode (training=False)",
        refusal(() -> Ops.batchNorm(X, Tensor.vector(0, 0, 0), null, null, null, false, 1e-5)));
  }

  @Test
  void everyVectorHoldsOneValuePerChannel() {
    assertEquals("batch_norm: weight should contain 3 elements (one per channel of input (2, 3)), not 2",
        refusal(() -> Ops.batchNorm(X, null, null, Var.constant(Tensor.vector(1, 2)), null, true, 1e-5)));
    assertEquals("batch_norm: running_mean should contain 3 elements (one per channel of input (2, 3)), not 4",
        refusal(() -> Ops.batchNorm(X, Tensor.vector(0, 0, 0, 0), null, null, null, true, 1e-5)));
    assertEquals("batch_norm: expected an input (N, C) or (N, C, ...), got shape (3,)",
        refusal(() -> Ops.batchNorm(Var.constant(Tensor.vector(1, 2, 3)), null, null, null, null, true, 1e-5)));
  }
}
