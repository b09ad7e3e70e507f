package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Refusals that no test triggered (found by mutation testing, docs/MUTANTS.md), each with its message
 * (NumPy's wording with the shapes shown) and its kind, and the case just inside each rule, which works.
 */
class MoreErrorMessagesTest {

  private static Var ones(int... shape) {
    return Var.constant(Tensor.ones(shape));
  }

  private static void refused(String message, ShapeException.Kind kind, Executable op) {
    ShapeException e = assertThrows(ShapeException.class, op);
    assertEquals(message, e.getMessage());
    assertEquals(kind, e.kind());
  }

  @Test
  void joiningNothingOrScalars() {
    refused("concatenate: need at least one array to concatenate", ShapeException.Kind.DOMAIN,
        () -> Ops.concatenate(List.of(), 0));
    refused("stack: need at least one array to stack", ShapeException.Kind.DOMAIN, () -> Ops.stack(List.of(), 0));
    refused("concatenate: zero-dimensional arrays cannot be concatenated (use stack)", ShapeException.Kind.DOMAIN,
        () -> Ops.concatenate(List.of(ones(), ones()), 0));
    refused("concatenate: all the input arrays must have the same number of dimensions, but the array at index 0"
        + " has shape (2, 3) and the array at index 1 has shape (3,)", ShapeException.Kind.JOIN,
        () -> Ops.concatenate(List.of(ones(2, 3), ones(3)), 0));
    assertArrayEquals(new int[] {3}, Ops.concatenate(List.of(ones(1), ones(2)), 0).value().shape());
    assertArrayEquals(new int[] {2}, Ops.stack(List.of(ones(), ones()), 0).value().shape());
  }

  @Test
  void repeatedAxes() {
    refused("transpose: repeated axis in (0, 0)", ShapeException.Kind.AXIS, () -> ones(2, 3).transpose(0, 0));
    refused("transpose: repeated axis in (1, -1)", ShapeException.Kind.AXIS, () -> ones(2, 3).transpose(1, -1));
    refused("expand_dims: repeated axis in (0, 0)", ShapeException.Kind.AXIS, () -> ones(3).expandDims(0, 0));
    refused("expand_dims: repeated axis in (2, -1)", ShapeException.Kind.AXIS, () -> ones(3).expandDims(2, -1));
    assertArrayEquals(new int[] {1, 3, 1}, ones(3).expandDims(0, 2).value().shape());
  }

  @Test
  void reshapeToANegativeSizeButNotToZero() {
    refused("cannot reshape (2, 3): negative dimension in (-2, 3)", ShapeException.Kind.RESHAPE,
        () -> ones(2, 3).reshape(-2, 3));
    // np.zeros((0, 3)).reshape(0, 5) is allowed: both hold no element
    assertArrayEquals(new int[] {0, 5}, ones(0, 3).reshape(0, 5).value().shape());
  }

  @Test
  void oneHotWithANegativeClassCountButNotZero() {
    refused("one_hot: negative number of classes -1", ShapeException.Kind.DOMAIN,
        () -> Var.oneHot(Tensor.vector(0), -1));
    assertArrayEquals(new int[] {0, 0}, Var.oneHot(Tensor.zeros(0), 0).shape());
  }

  @Test
  void aPoolingWindowLargerThanItsInput() {
    refused("max_pool2d: the window (3, 3) does not fit the input (1, 1, 2, 2) with padding (0, 0): the output"
        + " would be (0, 0)", ShapeException.Kind.DOMAIN,
        () -> Ops.maxPool2d(ones(1, 1, 2, 2), new int[] {3, 3}, null, new int[] {0, 0}));
    refused("max_pool2d: the window (2, 3) does not fit the input (1, 1, 2, 2) with padding (0, 0): the output"
        + " would be (1, 0)", ShapeException.Kind.DOMAIN,
        () -> Ops.maxPool2d(ones(1, 1, 2, 2), new int[] {2, 3}, null, new int[] {0, 0}));
    assertEquals(Tensor.ones(1, 1, 1, 1),
        Ops.maxPool2d(ones(1, 1, 2, 2), new int[] {2, 2}, null, new int[] {0, 0}).value(), "a window that just fits");
  }

  @Test
  void backwardFromAnArrayNeedsAnUpstreamOfItsShape() {
    Var x = Var.parameter(Tensor.ones(2));
    refused("backward: grad can be implicitly created only for size-1 outputs, got shape (2,); pass an upstream"
        + " gradient", ShapeException.Kind.DOMAIN, () -> x.exp().backward());
    refused("backward: upstream shape (3,) does not match output shape (2,)", ShapeException.Kind.DOMAIN,
        () -> x.exp().backward(Tensor.ones(3)));
    assertEquals(Tensor.vector(2, 3), x.mul(Var.constant(Tensor.vector(2, 3))).backward(Tensor.ones(2)).of(x));
    Var p = Var.parameter(Tensor.vector(4));
    assertEquals(Tensor.vector(5), p.mul(Var.constant(Tensor.scalar(5))).backward().of(p), "size 1 of rank 1");
  }
}
