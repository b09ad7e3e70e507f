package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The exact messages (and kinds) a course author sees when an op's arguments do not fit. */
class ErrorMessageTest {

  private static Var ones(int... shape) {
    return Var.constant(Tensor.ones(shape));
  }

  private static Var ints(double... v) {
    return Var.constant(Tensor.vector(v));
  }

  private static Arguments error(String message, ShapeException.Kind kind, Executable op) {
    return Arguments.of(message, kind, op);
  }

  static List<Arguments> errors() {
    return List.of(
        error("operands could not be broadcast together with shapes (3, 4) (2, 3)", ShapeException.Kind.BROADCAST,
            () -> ones(3, 4).maximum(ones(2, 3))),
        error("operands could not be broadcast together with shapes (3, 4) (2,) (3, 4)",
            ShapeException.Kind.BROADCAST, () -> Ops.where(ones(3, 4), ones(2), ones(3, 4))),
        error("axis 2 is out of bounds for array of dimension 2", ShapeException.Kind.AXIS,
            () -> ones(3, 4).var(new int[] {2}, false)),
        error("duplicate value in 'axis': (0, -2)", ShapeException.Kind.AXIS,
            () -> ones(3, 4).prod(new int[] {0, -2}, false)),
        error("axis -3 is out of bounds for array of dimension 2", ShapeException.Kind.AXIS,
            () -> ones(3, 4).argmax(-3, false)),
        error("zero-size array to reduction operation minimum which has no identity: shape (0, 3)",
            ShapeException.Kind.DOMAIN, () -> ones(0, 3).min(new int[] {0}, false)),
        error("index 4 is out of bounds for axis 0 with size 4", ShapeException.Kind.INDEX,
            () -> ones(4, 5).index(List.of(new Index.At(4)))),
        error("index -6 is out of bounds for axis 1 with size 5", ShapeException.Kind.INDEX,
            () -> ones(4, 5).index(List.of(Index.Slice.all(), new Index.Take(Tensor.vector(0, -6))))),
        error("too many indices for array: array is 2-dimensional, but 3 were indexed", ShapeException.Kind.INDEX,
            () -> ones(4, 5).index(List.of(new Index.At(0), new Index.At(0), new Index.At(0)))),
        error("an index can only have a single ellipsis ('...')", ShapeException.Kind.INDEX,
            () -> ones(4, 5).index(List.of(new Index.Ellipsis(), new Index.Ellipsis()))),
        error("slice step cannot be zero", ShapeException.Kind.INDEX,
            () -> ones(4).index(List.of(new Index.Slice(null, null, 0)))),
        error("arrays used as indices must hold integers, got 1.5", ShapeException.Kind.INDEX_TYPE,
            () -> ones(4).index(List.of(new Index.Take(Tensor.vector(0, 1.5))))),
        error("arrays used as indices must hold integers, got Infinity", ShapeException.Kind.INDEX_TYPE,
            () -> ones(4).index(List.of(new Index.Take(Tensor.scalar(Double.POSITIVE_INFINITY))))),
        error("clip: one of lo and hi must be given", ShapeException.Kind.DOMAIN, () -> ones(3).clip(null, null)),
        error("shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)",
            ShapeException.Kind.INDEX, () -> ones(4, 5).index(List.of(new Index.Take(Tensor.vector(0, 1)),
                new Index.Take(Tensor.vector(0, 1, 2))))),
        error("einsum: the subscripts 'ij,jk->ik' name 2 operands but 1 is given", ShapeException.Kind.DOMAIN,
            () -> Ops.einsum("ij,jk->ik", List.of(ones(2, 3)))),
        error("einsum: invalid subscript '1' in the subscripts of operand 0 ('i1'); subscripts must be letters"
            + " a-z or A-Z", ShapeException.Kind.DOMAIN, () -> Ops.einsum("i1", List.of(ones(2, 3)))),
        error("einsum: operand 0 has shape (2, 3) (2 axes) but its subscripts 'ijk' name 3",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("ijk->i", List.of(ones(2, 3)))),
        error("einsum: operand 0 has shape (2,) (1 axis) but its subscripts 'ij' name 2",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("ij->i", List.of(ones(2)))),
        error("einsum: operand 0 has shape (2,) (1 axis) but its subscripts '...ij' name 2 axes besides '...'",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("...ij", List.of(ones(2)))),
        error("einsum: the subscripts of operand 0 ('i.j') contain a '.' that is not part of '...'",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("i.j", List.of(ones(2, 3)))),
        error("einsum: the output subscript 'k' does not appear in any operand's subscripts",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("ij->k", List.of(ones(2, 3)))),
        error("einsum: the output subscripts 'ii' name 'i' more than once", ShapeException.Kind.DOMAIN,
            () -> Ops.einsum("ij->ii", List.of(ones(2, 3)))),
        error("einsum: the operands' '...' stands for 1 axis, so the output subscripts 'i' need a '...' too",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("...i->i", List.of(ones(4, 2)))),
        error("einsum: operands could not be broadcast together: subscript 'j' has size 3 in an earlier operand"
            + " but 4 in operand 1 (shape (4, 4))", ShapeException.Kind.BROADCAST,
            () -> Ops.einsum("ij,jk->ik", List.of(ones(2, 3), ones(4, 4)))),
        error("einsum: subscript 'i' is repeated in operand 0 ('ii', shape (3, 4)) with different sizes 3 and 4",
            ShapeException.Kind.BROADCAST, () -> Ops.einsum("ii", List.of(ones(3, 4)))),
        error("einsum: the subscripts '->->' contain more than one '->'", ShapeException.Kind.DOMAIN,
            () -> Ops.einsum("->->", List.of(ones()))),
        error("einsum: the subscripts 'i->i->i' contain more than one '->'", ShapeException.Kind.DOMAIN,
            () -> Ops.einsum("i->i->i", List.of(ones(2)))),
        error("einsum: the subscripts 'ij' name 1 operand but 2 are given", ShapeException.Kind.DOMAIN,
            () -> Ops.einsum("ij", List.of(ones(2, 3), ones(3)))),
        error("einsum: the subscripts of operand 0 ('......i') contain more than one '...'",
            ShapeException.Kind.DOMAIN, () -> Ops.einsum("......i", List.of(ones(2, 3)))),
        error("einsum: invalid subscript '[' in the subscripts of operand 0 ('i['); subscripts must be letters"
            + " a-z or A-Z", ShapeException.Kind.DOMAIN, () -> Ops.einsum("i[", List.of(ones(2, 3)))),
        error("einsum: invalid subscript '`' in the subscripts of the output ('`'); subscripts must be letters"
            + " a-z or A-Z", ShapeException.Kind.DOMAIN, () -> Ops.einsum("i->`", List.of(ones(2)))),
        error("einsum: invalid subscript '@' in the subscripts of operand 0 ('@'); subscripts must be letters"
            + " a-z or A-Z", ShapeException.Kind.DOMAIN, () -> Ops.einsum("@", List.of(ones(2)))),
        error("einsum: invalid subscript '{' in the subscripts of operand 0 ('{'); subscripts must be letters"
            + " a-z or A-Z", ShapeException.Kind.DOMAIN, () -> Ops.einsum("{", List.of(ones(2)))),
        error("einsum: operands could not be broadcast together: subscript 'Z' has size 3 in an earlier operand"
            + " but 2 in operand 1 (shape (2,))", ShapeException.Kind.BROADCAST,
            () -> Ops.einsum("aZ,Z", List.of(ones(2, 3), ones(2)))),
        error("einsum: operands could not be broadcast together: subscript '...' has size 3 in an earlier operand"
            + " but 2 in operand 1 (shape (2, 4))", ShapeException.Kind.BROADCAST,
            () -> Ops.einsum("...i,...i", List.of(ones(3, 4), ones(2, 4)))),
        error("zero-size array to reduction operation argmax which has no identity: shape (0,)",
            ShapeException.Kind.DOMAIN, () -> ones(0).argmax(null, false)),
        error("zero-size array to reduction operation argmin which has no identity: shape (2, 0)",
            ShapeException.Kind.DOMAIN, () -> ones(2, 0).argmin(1, false)),
        error("zero-size array to reduction operation maximum which has no identity: shape (2, 0)",
            ShapeException.Kind.DOMAIN, () -> ones(2, 0).logsumexp(new int[] {1}, false)),
        error("tril: expected an array of at least 1 dimension, got a scalar", ShapeException.Kind.DOMAIN,
            () -> ones().tril(0)),
        error("cannot reshape (3, 4): can only specify one unknown dimension in (-1, -1)",
            ShapeException.Kind.RESHAPE, () -> ones(3, 4).reshape(-1, -1)),
        error("cannot reshape (0, 3) (0 elements) into (-1, 0)", ShapeException.Kind.RESHAPE,
            () -> ones(0, 3).reshape(-1, 0)),
        error("cannot reshape (1,) (1 element) into (2,)", ShapeException.Kind.RESHAPE, () -> ones(1).reshape(2)),
        error("conv2d: expected a weight of 4 dimensions (out_channels, in_channels / groups, k...), got shape (1, 1, 2)",
            ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 1, 5, 5), ones(1, 1, 2), null, new int[] {1},
                new int[] {0})),
        error("conv_transpose1d: expected a weight of 3 dimensions (in_channels, out_channels / groups, k...),"
            + " got shape (1, 1)", ShapeException.Kind.DOMAIN, () -> Ops.convTranspose1d(ones(1, 1, 5), ones(1, 1), null, 1, 0)),
        error("conv2d: padding must have 1 or 2 values, got none", ShapeException.Kind.DOMAIN,
            () -> Ops.conv2d(ones(1, 1, 5, 5), ones(1, 1, 2, 2), null, new int[] {1}, null)),
        error("conv2d: the kernel (2, 4) is larger than the padded input: spatial size (5, 2) plus padding (0, 0) on"
            + " both sides", ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 1, 5, 2), ones(1, 1, 2, 4), null,
                new int[] {1}, new int[] {0})),
        error("conv2d: the weight (4, 3, 3, 3) expects 3 input channels, but the input (1, 2, 5, 5) has 2",
            ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 2, 5, 5), ones(4, 3, 3, 3), null,
                new int[] {1}, new int[] {0})),
        error("conv2d: the weight (4, 1, 3, 3) expects 1 input channel, but the input (1, 2, 5, 5) has 2",
            ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 2, 5, 5), ones(4, 1, 3, 3), null,
                new int[] {1}, new int[] {0})),
        error("conv1d: the kernel (5,) is larger than the padded input: spatial size (2,) plus padding (1,) on"
            + " both sides", ShapeException.Kind.DOMAIN, () -> Ops.conv1d(ones(1, 1, 2), ones(1, 1, 5), null, 1, 1)),
        error("conv2d: the bias must have shape (4,), one value per output channel, got (3,)",
            ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 3, 5, 5), ones(4, 3, 3, 3), ones(3),
                new int[] {1, 1}, new int[] {0, 0})),
        error("conv2d: padding must have 1 or 2 values, got (1, 1, 1)", ShapeException.Kind.DOMAIN,
            () -> Ops.conv2d(ones(1, 1, 5, 5), ones(1, 1, 2, 2), null, new int[] {1}, new int[] {1, 1, 1})),
        error("conv2d: padding must be non-negative, got (-1,)", ShapeException.Kind.DOMAIN,
            () -> Ops.conv2d(ones(1, 1, 5, 5), ones(1, 1, 2, 2), null, new int[] {1}, new int[] {-1})),
        error("conv_transpose1d: the output would have a spatial size of -1; reduce the padding or grow the input",
            ShapeException.Kind.DOMAIN, () -> Ops.convTranspose1d(ones(1, 1, 1), ones(1, 1, 1), null, 1, 1)),
        error("conv1d: stride must be positive, got (0,)", ShapeException.Kind.DOMAIN,
            () -> Ops.conv1d(ones(1, 1, 5), ones(1, 1, 2), null, 0, 0)),
        error("conv1d: expected an input (N, C, L) or without the batch axis, got shape (5,)",
            ShapeException.Kind.DOMAIN, () -> Ops.conv1d(ones(5), ones(1, 1, 2), null, 1, 0)),
        error("conv_transpose2d: output_padding (2, 0) must be smaller than either the stride (2, 2) or the"
            + " dilation (1, 1)", ShapeException.Kind.DOMAIN, () -> Ops.convTranspose2d(ones(1, 1, 3, 3),
                ones(1, 1, 2, 2), null, new int[] {2}, new int[] {0}, new int[] {2, 0})),
        error("conv_transpose2d: output_padding (2, 2) must be smaller than either the stride (1, 1) or the"
            + " dilation (2, 2)", ShapeException.Kind.DOMAIN, () -> Ops.convTranspose2d(ones(1, 1, 3, 3),
                ones(1, 1, 2, 2), null, new int[] {1}, new int[] {0}, new int[] {2}, 1, new int[] {2})),
        error("conv2d: the weight (6, 3, 3, 3) with groups=2 expects 6 input channels, but the input (1, 4, 6, 6)"
            + " has 4", ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 4, 6, 6), ones(6, 3, 3, 3), null,
                new int[] {1}, new int[] {0}, new int[] {1}, 2)),
        error("conv2d: the weight (3, 2, 3, 3) must divide into groups=2 along its first dimension (3 output"
            + " channels), as PyTorch requires", ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 4, 6, 6),
                ones(3, 2, 3, 3), null, new int[] {1}, new int[] {0}, new int[] {1}, 2)),
        error("conv_transpose1d: the weight (3, 3, 3) must divide into groups=2 along its first dimension (3 input"
            + " channels), as PyTorch requires", ShapeException.Kind.DOMAIN, () -> Ops.convTranspose1d(ones(1, 3, 5),
                ones(3, 3, 3), null, 1, 0, 0, 2, 1)),
        error("conv1d: groups must be positive (PyTorch: non-positive groups is not supported), got 0",
            ShapeException.Kind.DOMAIN, () -> Ops.conv1d(ones(1, 2, 5), ones(1, 2, 2), null, 1, 0, 1, 0)),
        error("conv1d: dilation must be positive, got (0,)", ShapeException.Kind.DOMAIN,
            () -> Ops.conv1d(ones(1, 2, 5), ones(1, 2, 2), null, 1, 0, 0, 1)),
        error("conv2d: the kernel (3, 3) dilated by (3, 3) is larger than the padded input: spatial size (6, 6) plus"
            + " padding (0, 0) on both sides", ShapeException.Kind.DOMAIN, () -> Ops.conv2d(ones(1, 4, 6, 6),
                ones(3, 4, 3, 3), null, new int[] {1}, new int[] {0}, new int[] {3}, 1)),
        error("max_pool2d: padding (2, 0) must be at most half the kernel size (3, 3)", ShapeException.Kind.DOMAIN,
            () -> Ops.maxPool2d(ones(1, 1, 5, 5), new int[] {3, 3}, null, new int[] {2, 0})),
        error("group_norm: expected the number of channels in input to be divisible by num_groups, but got input of"
            + " shape (2, 6, 4) and num_groups=4", ShapeException.Kind.DOMAIN,
            () -> Ops.groupNorm(ones(2, 6, 4), 4, null, null, 1e-5)),
        error("group_norm: expected the number of channels in input to be divisible by num_groups, but got input of"
            + " shape (2, 6, 4) and num_groups=0", ShapeException.Kind.DOMAIN,
            () -> Ops.groupNorm(ones(2, 6, 4), 0, null, null, 1e-5)),
        error("group_norm: expected an input (N, C, ...) of at least 2 dimensions, got shape (6,)",
            ShapeException.Kind.DOMAIN, () -> Ops.groupNorm(ones(6), 3, null, null, 1e-5)),
        error("group_norm: expected weight to be a vector of 6 values, one per channel of input (2, 6, 4), got shape"
            + " (5,)", ShapeException.Kind.DOMAIN, () -> Ops.groupNorm(ones(2, 6, 4), 3, ones(5), null, 1e-5)),
        error("instance_norm: expected more than 1 spatial element when using the input's statistics, got input"
            + " shape (2, 3)", ShapeException.Kind.DOMAIN,
            () -> Ops.instanceNorm(ones(2, 3), null, null, null, null, true, 1e-5)),
        error("instance_norm: expected more than 1 spatial element when using the input's statistics, got input"
            + " shape (2, 3, 1)", ShapeException.Kind.DOMAIN,
            () -> Ops.instanceNorm(ones(2, 3, 1), null, null, null, null, true, 1e-5)),
        error("instance_norm: expected running_mean and running_var to be given when use_input_stats is False",
            ShapeException.Kind.DOMAIN, () -> Ops.instanceNorm(ones(2, 3, 4), null, null, null, null, false, 1e-5)),
        error("instance_norm: running_var should contain 3 elements (one per channel of input (2, 3, 4)), got shape"
            + " (4,)", ShapeException.Kind.DOMAIN, () -> Ops.instanceNorm(ones(2, 3, 4), Tensor.zeros(3),
                Tensor.ones(4), null, null, false, 1e-5)),
        error("multi_margin_loss: only p == 1 and p == 2 are supported, got p=3", ShapeException.Kind.DOMAIN,
            () -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 2), 3, 1, null)),
        error("multi_margin_loss: target 3.0 is out of range for 3 classes", ShapeException.Kind.DOMAIN,
            () -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 3), 1, 1, null)),
        error("multi_margin_loss: expected scores (N, C) with targets (N,), or (C,) with one target, got (2, 3) and"
            + " (3,)", ShapeException.Kind.DOMAIN,
            () -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 1, 2), 1, 1, null)),
        error("multi_margin_loss: expected a weight of 3 values, one per class, got shape (2,)",
            ShapeException.Kind.DOMAIN, () -> Ops.multiMarginLoss(ones(2, 3), Tensor.vector(0, 1), 1, 1,
                Tensor.vector(1, 1))),
        error("margin_ranking_loss: all input tensors should have the same number of dimensions, got shapes (3,), (3,)"
            + " and (1, 3)", ShapeException.Kind.DOMAIN, () -> Ops.marginRankingLoss(ones(3), ones(3), ones(1, 3), 0)),
        error("triplet_margin_loss: the anchor, positive and negative tensors are expected to have the same number of"
            + " dimensions (at least 1), got shapes (2, 3), (3,) and (2, 3)", ShapeException.Kind.DOMAIN,
            () -> Ops.tripletMarginLoss(ones(2, 3), ones(3), ones(2, 3), 1, 2, 1e-6, false)),
        error("cosine_embedding_loss: expected inputs (N, D) with a target (N,), or (D,) with one target, got (2, 3),"
            + " (2, 3) and (2, 1)", ShapeException.Kind.DOMAIN,
            () -> Ops.cosineEmbeddingLoss(ones(2, 3), ones(2, 3), ones(2, 1), 0)),
        error("max_pool1d: padding (2,) must be at most half the kernel size (2,)", ShapeException.Kind.DOMAIN,
            () -> Ops.maxPool1d(ones(1, 3, 3), 2, null, 2)),
        error("avg_pool1d: the window (4,) does not fit the input (1, 3, 3) with padding (0,): the output would be"
            + " (0,)", ShapeException.Kind.DOMAIN, () -> Ops.avgPool1d(ones(1, 3, 3), 4, null, 0)),
        error("adaptive_avg_pool2d: expected an input (N, C, H, W) or without the batch axis, got shape (2, 3)",
            ShapeException.Kind.DOMAIN, () -> Ops.adaptiveAvgPool2d(ones(2, 3), new int[] {2})),
        error("adaptive_max_pool1d: output_size must be non-negative, got (-1,)", ShapeException.Kind.DOMAIN,
            () -> Ops.adaptiveMaxPool1d(ones(1, 3), -1)),
        error("adaptive_avg_pool1d: expected an input of non-zero size apart from the batch axis, got shape"
            + " (2, 3, 0)", ShapeException.Kind.DOMAIN, () -> Ops.adaptiveAvgPool1d(ones(2, 3, 0), 2)),
        error("avg_pool2d: the window (3, 3) does not fit the input (1, 2, 2) with padding (0, 0): the output"
            + " would be (0, 0)", ShapeException.Kind.DOMAIN,
            () -> Ops.avgPool2d(ones(1, 2, 2), new int[] {3}, null, new int[] {0})),
        error("concatenate: all the input array dimensions except for the concatenation axis must match exactly,"
            + " but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4",
            ShapeException.Kind.JOIN, () -> Ops.concatenate(List.of(ones(2, 3), ones(2, 4)), 0)),
        error("stack: all input arrays must have the same shape, but the array at index 0 has shape (3,) and the"
            + " array at index 1 has shape (4,)", ShapeException.Kind.JOIN,
            () -> Ops.stack(List.of(ones(3), ones(4)), 0)),
        error("squeeze: cannot squeeze axis 1 of shape (1, 4): its size is 4, not 1", ShapeException.Kind.AXIS,
            () -> ones(1, 4).squeeze(new int[] {1})),
        error("cannot broadcast an array of shape (3,) to shape (4,)", ShapeException.Kind.BROADCAST,
            () -> ones(3).broadcastTo(4)),
        error("trace: diag requires an array of at least two dimensions, got shape (3,)", ShapeException.Kind.DOMAIN,
            () -> ones(3).trace(0)),
        error("dot: shapes (2, 3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)", ShapeException.Kind.MATMUL,
            () -> Ops.dot(ones(2, 3), ones(4))),
        error("arange: start, stop and step must be finite and the step nonzero, got arange(0.0, 1.0, 0.0)",
            ShapeException.Kind.DOMAIN, () -> Tensor.arange(0, 1, 0)),
        error("cross_entropy: label 3.0 at flat index 1 of labels (2,) is not an integer in [0, 3)",
            ShapeException.Kind.DOMAIN, () -> Var.crossEntropy(ones(2, 3), ints(0, 3).value())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void messageAndKind(String message, ShapeException.Kind kind, Executable op) {
    ShapeException e = assertThrows(ShapeException.class, op);
    assertEquals(message, e.getMessage());
    assertEquals(kind, e.kind());
  }
}
