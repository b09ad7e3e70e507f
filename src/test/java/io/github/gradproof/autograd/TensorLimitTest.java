package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ops whose result (or an intermediate) would exceed {@link Tensor#MAX_ELEMENTS} refuse before
 * allocating, from inputs that are themselves small; einsum and convolutions that would take more than
 * {@link Tensor#MAX_MULTIPLY_ADDS} steps refuse before starting. (A matmul of operands within the
 * element limit cannot reach it: its work is at most 10^9.)
 */
class TensorLimitTest {

  private static Var ones(int... shape) {
    return Var.constant(Tensor.ones(shape));
  }

  static List<Arguments> oversized() {
    return List.of(
        Arguments.of("broadcast_to", (Executable) () -> ones(1000).broadcastTo(1001, 1000)),
        Arguments.of("outer", (Executable) () -> Ops.outer(ones(1001), ones(1000))),
        Arguments.of("where", (Executable) () -> Ops.where(ones(1001, 1), ones(1, 1000), ones())),
        Arguments.of("maximum", (Executable) () -> ones(1001, 1).maximum(ones(1, 1000))),
        Arguments.of("clip", (Executable) () -> ones(1001, 1).clip(ones(1, 1000), null)),
        Arguments.of("index arrays", (Executable) () -> ones(5, 5).index(List.of(
            new Index.Take(Tensor.zeros(1001, 1)), new Index.Take(Tensor.zeros(1, 1000))))),
        Arguments.of("index with a slice", (Executable) () -> ones(5, 1000).index(List.of(
            new Index.Take(Tensor.zeros(1001, 1)), Index.Slice.all()))),
        Arguments.of("einsum", (Executable) () -> Ops.einsum("i,j->ij", List.of(ones(1001), ones(1000)))),
        Arguments.of("matmul", (Executable) () -> ones(1001, 1).matmul(ones(1, 1000))),
        Arguments.of("tril of a vector", (Executable) () -> ones(1001).tril(0)),
        Arguments.of("concatenate", (Executable) () -> Ops.concatenate(List.of(ones(600_000), ones(600_000)), 0)),
        Arguments.of("stack", (Executable) () -> Ops.stack(List.of(ones(600_000), ones(600_000)), 0)),
        Arguments.of("conv_transpose1d", (Executable) () -> Ops.convTranspose1d(ones(1, 1, 1000), ones(1, 1, 1),
            null, 2000, 0)),
        Arguments.of("eye", (Executable) () -> Tensor.eye(1001, 1000, 0)),
        Arguments.of("arange", (Executable) () -> Tensor.arange(0, 2e6, 1)));
  }

  static List<Arguments> tooMuchWork() {
    return List.of(
        Arguments.of("einsum of two unrelated matrices", "einsum 'ij,kl->' would need 1000000000000 multiply-adds,"
            + " over the limit of 2000000000 per operation",
            (Executable) () -> Ops.einsum("ij,kl->", List.of(ones(1000, 1000), ones(1000, 1000)))),
        Arguments.of("a huge 1-D kernel", "this convolution would need 250000500000 multiply-adds, over the limit"
            + " of 2000000000 per operation", (Executable) () -> Ops.conv1d(ones(1, 1, 1_000_000),
                ones(1, 1, 500_000), null, 1, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tooMuchWork")
  void refusedBeforeWorking(String name, String message, Executable op) {
    TensorLimitException e = assertThrows(TensorLimitException.class, op);
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oversized")
  void refusedBeforeAllocating(String name, Executable op) {
    TensorLimitException e = assertThrows(TensorLimitException.class, op);
    assertTrue(e.elements() > Tensor.MAX_ELEMENTS, e::getMessage);
  }
}
