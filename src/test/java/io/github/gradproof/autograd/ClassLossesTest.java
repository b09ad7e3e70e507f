package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The class losses' cases the golden fixtures cannot hold (a NaN mean) and their refusals, as
 * PyTorch 1.13 gives them: a batch whose every row is ignored has a NaN mean and a zero gradient.
 */
class ClassLossesTest {

  private static final Tensor SCORES = Tensor.of(new double[] {0.5, -1.0, 2.0, 0.25, 1.5, -0.5}, 2, 3);
  private static final Tensor IGNORED = Tensor.vector(-100, -100);

  @Test
  void everyRowIgnoredGivesANanMeanAndNoGradient() {
    for (double smoothing : new double[] {0, 0.1}) {
      Var x = Var.parameter(SCORES);
      Var loss = Ops.crossEntropy(x, IGNORED, null, -100, "mean", smoothing);
      assertTrue(Double.isNaN(loss.value().item()), "torch: nan");
      assertEquals(Tensor.zeros(2, 3), loss.backward().of(x), "torch: zeros, smoothing " + smoothing);
    }
    Var x = Var.parameter(SCORES);
    Var loss = Ops.nllLoss(x, IGNORED, Tensor.vector(1, 2, 3), -100, "mean");
    assertTrue(Double.isNaN(loss.value().item()));
    assertEquals(Tensor.zeros(2, 3), loss.backward().of(x));
    assertEquals(0.0, Ops.nllLoss(Var.constant(SCORES), IGNORED, null, -100, "sum").value().item());
  }

  @Test
  void aLabelNeitherAClassNorIgnoredIsRefused() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Ops.nllLoss(Var.constant(SCORES), Tensor.vector(1, -1), null, -100, "mean"));
    assertEquals("nll_loss: label -1.0 at flat index 1 of labels (2,) is not an integer in [0, 3) nor the"
        + " ignore_index -100", e.getMessage());
    Ops.nllLoss(Var.constant(SCORES), Tensor.vector(1, -1), null, -1, "mean"); // ignored: no error
    e = assertThrows(ShapeException.class,
        () -> Ops.crossEntropy(Var.constant(SCORES), Tensor.vector(3, 0), null, -100, "mean", 0));
    assertEquals("cross_entropy: label 3.0 at flat index 0 of labels (2,) is not an integer in [0, 3) nor the"
        + " ignore_index -100", e.getMessage());
  }

  @Test
  void aWeightPerClassAndASmoothingInTheUnitIntervalAreRequired() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Ops.nllLoss(Var.constant(SCORES), Tensor.vector(1, 0), Tensor.vector(1, 2), -100, "mean"));
    assertEquals("nll_loss: weight should hold one weight for each of the 3 classes, got shape (2,)", e.getMessage());
    e = assertThrows(ShapeException.class,
        () -> Ops.crossEntropy(Var.constant(SCORES), Tensor.vector(1, 0), null, -100, "mean", 1.0000001));
    assertEquals("cross_entropy: label_smoothing must be between 0.0 and 1.0, got 1.0000001", e.getMessage());
    Ops.crossEntropy(Var.constant(SCORES), Tensor.vector(1, 0), null, -100, "mean", 1.0); // the bound itself is fine
  }
}
