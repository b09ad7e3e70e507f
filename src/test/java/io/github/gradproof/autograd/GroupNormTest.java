package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * torch's group_norm and instance_norm: the refusals the golden expressions (valid calls only) cannot
 * show, and the identities that tie them to layer_norm.
 */
class GroupNormTest {

  private static Var ones(int... shape) {
    return Var.parameter(Tensor.ones(shape));
  }

  private static String refusal(Runnable call) {
    return assertThrows(ShapeException.class, call::run).getMessage();
  }

  @Test
  void refusesWhatTorchRefuses() {
    assertEquals("group_norm: expected the number of channels in input to be divisible by num_groups, but got"
        + " input of shape (2, 6, 4) and num_groups=4", refusal(() -> Ops.groupNorm(ones(2, 6, 4), 4, null, null, 1e-5)));
    assertEquals("group_norm: expected the number of channels in input to be divisible by num_groups, but got"
        + " input of shape (2, 6, 4) and num_groups=0", refusal(() -> Ops.groupNorm(ones(2, 6, 4), 0, null, null, 1e-5)));
    assertEquals("group_norm: expected an input (N, C, ...) of at least 2 dimensions, got shape (6,)",
        refusal(() -> Ops.groupNorm(ones(6), 3, null, null, 1e-5)));
    assertEquals("group_norm: expected weight to be a vector of 6 values, one per channel of input (2, 6, 4), got"
        + " shape (5,)", refusal(() -> Ops.groupNorm(ones(2, 6, 4), 3, ones(5), null, 1e-5)));
    assertEquals("instance_norm: expected more than 1 spatial element when using the input's statistics, got input"
        + " shape (2, 3)", refusal(() -> Ops.instanceNorm(ones(2, 3), null, null, null, null, true, 1e-5)));
    assertEquals("instance_norm: expected more than 1 spatial element when using the input's statistics, got input"
        + " shape (2, 3, 1)", refusal(() -> Ops.instanceNorm(ones(2, 3, 1), null, null, null, null, true, 1e-5)));
    assertEquals("instance_norm: expected running_mean and running_var to be given when use_input_stats is False",
        refusal(() -> Ops.instanceNorm(ones(2, 3, 4), null, null, null, null, false, 1e-5)));
    assertEquals("instance_norm: running_var should contain 3 elements (one per channel of input (2, 3, 4)), got"
        + " shape (4,)", refusal(() -> Ops.instanceNorm(ones(2, 3, 4), Tensor.zeros(3), Tensor.ones(4), null, null,
            false, 1e-5)));
  }

  @Test
  void oneGroupIsTheLayerNormOfEachSampleAndOneGroupPerChannelIsTheInstanceNorm() {
    Tensor x = Tensor.of(new double[] {1, 4, 2, 8, 5, 7, 0, 3, 9, 6, 2, 2}, 2, 3, 2);
    assertArrayEquals(Ops.layerNorm(Var.constant(x), new int[] {3, 2}, null, null, 1e-5).value().toArray(),
        Ops.groupNorm(Var.constant(x), 1, null, null, 1e-5).value().toArray(), 1e-15);
    assertArrayEquals(Ops.groupNorm(Var.constant(x), 3, null, null, 1e-5).value().toArray(),
        Ops.instanceNorm(Var.constant(x), null, null, null, null, true, 1e-5).value().toArray(), 0);
  }
}
