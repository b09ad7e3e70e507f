package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * The identities that tie torch's group_norm to layer_norm and instance_norm (their refusals are in
 * {@link ErrorMessageTest}).
 */
class GroupNormTest {

  @Test
  void oneGroupIsTheLayerNormOfEachSampleAndOneGroupPerChannelIsTheInstanceNorm() {
    Tensor x = Tensor.of(new double[] {1, 4, 2, 8, 5, 7, 0, 3, 9, 6, 2, 2}, 2, 3, 2);
    assertArrayEquals(Ops.layerNorm(Var.constant(x), new int[] {3, 2}, null, null, 1e-5).value().toArray(),
        Ops.groupNorm(Var.constant(x), 1, null, null, 1e-5).value().toArray(), 1e-15);
    assertArrayEquals(Ops.groupNorm(Var.constant(x), 3, null, null, 1e-5).value().toArray(),
        Ops.instanceNorm(Var.constant(x), null, null, null, null, true, 1e-5).value().toArray(), 0);
  }
}
