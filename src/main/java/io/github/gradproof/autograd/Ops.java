package io.github.gradproof.autograd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine's functions that are not methods of one operand: NumPy's {@code where}, {@code concatenate},
 * {@code stack}, {@code dot}, {@code outer} and {@code einsum}, and {@code torch.nn.functional}'s
 * {@code mse_loss}, convolutions and pooling (PyTorch layouts; an input may omit the batch axis, as in
 * PyTorch). Every function returns a new {@link Var} with its gradient rule attached.
 */
public final class Ops {

  private Ops() {}

  /**
   * NumPy's where: {@code a} where {@code cond} is nonzero, else {@code b}, all three broadcast together.
   * The condition gets no gradient; a and b get it where they were chosen.
   *
   * @throws ShapeException of kind BROADCAST if the three shapes do not broadcast together
   */
  public static Var where(Var cond, Var a, Var b) {
    return PointwiseOps.WHERE.call(cond, a, b);
  }

  /**
   * torch's masked_fill: {@code value} where {@code mask} is 1, else {@code input}, the two broadcast
   * together. The mask (0 and 1 only, as a comparison gives) gets no gradient; the input gets it where
   * the mask is 0, the value (rank 0) its sum over the filled positions.
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast together, DOMAIN if the mask
   *     holds another value than 0 and 1 or the value is not rank 0
   */
  public static Var maskedFill(Var input, Var mask, Var value) {
    return PointwiseOps.MASKED_FILL.call(input, mask, value);
  }

  /**
   * torch.nn.functional.pad: {@code pad} gives {@code (left, right)} for the last axis, then the one
   * before it, and so on; a negative pad crops. {@code mode} is {@code constant} (filled with
   * {@code value}), {@code reflect}, {@code replicate} or {@code circular}; the gradient adds up every
   * copy of an input element.
   *
   * @throws ShapeException of kind DOMAIN for a pad tuple of odd length or too long, a rank the mode does
   *     not support, a crop past an axis, a reflection or wrap wider than the axis, or an unknown mode
   */
  public static Var pad(Var input, int[] pad, String mode, double value) {
    Padding.Mode m;
    try {
      m = Padding.Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "pad: unknown padding mode '" + mode + "'");
    }
    return ShapeOps.PAD.apply(Padding.plan(input.value().shapeRef(), pad, m, value), input);
  }

  /**
   * NumPy's concatenate along {@code axis} (negative allowed).
   *
   * @throws ShapeException of kind DOMAIN for no parts or scalar parts, AXIS for a bad axis, JOIN when
   *     the parts differ in rank or in a dimension other than {@code axis}
   */
  public static Var concatenate(List<Var> parts, int axis) {
    return ShapeOps.CONCATENATE.apply(axis, parts.toArray(new Var[0]));
  }

  /**
   * NumPy's stack: joins equally shaped parts along a new axis {@code axis} of the result.
   *
   * @throws ShapeException of kind DOMAIN for no parts, JOIN for different shapes, AXIS for a bad axis
   */
  public static Var stack(List<Var> parts, int axis) {
    if (parts.isEmpty()) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "stack: need at least one array to stack");
    }
    int[] shape = parts.get(0).value().shapeRef();
    int a = Shapes.normalizeAxis(axis, shape.length + 1);
    List<Var> expanded = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      int[] s = parts.get(i).value().shapeRef();
      if (!Arrays.equals(s, shape)) {
        throw new ShapeException(ShapeException.Kind.JOIN, "stack: all input arrays must have the same"
            + " shape, but the array at index 0 has shape " + Shapes.format(shape) + " and the array at index "
            + i + " has shape " + Shapes.format(s));
      }
      expanded.add(parts.get(i).expandDims(a));
    }
    return concatenate(expanded, a);
  }

  /**
   * NumPy's dot: a product with a scalar, the inner product of vectors, matmul for 2-D and N-D with 1-D,
   * and otherwise the sum over the last axis of {@code a} and the second-to-last of {@code b}.
   *
   * @throws ShapeException of kind MATMUL if the summed axes differ in length
   */
  public static Var dot(Var a, Var b) {
    int[] sa = a.value().shapeRef();
    int[] sb = b.value().shapeRef();
    if (sa.length == 0 || sb.length == 0) {
      return a.mul(b);
    }
    int ka = sa.length - 1;
    int kb = Math.max(sb.length - 2, 0);
    if (sa[ka] != sb[kb]) {
      throw new ShapeException(ShapeException.Kind.MATMUL, "dot: shapes " + Shapes.format(sa) + " and "
          + Shapes.format(sb) + " not aligned: " + sa[ka] + " (dim " + ka + ") != " + sb[kb] + " (dim " + kb + ")");
    }
    if (sa.length <= 2 && sb.length <= 2 || sb.length == 1) {
      return a.matmul(b);
    }
    return einsum(dotSubscripts(sa.length, sb.length), List.of(a, b));
  }

  /** {@code "abk,ckd->abcd"}-style subscripts: a's axes, then b's axes except the summed one. */
  private static String dotSubscripts(int rankA, int rankB) {
    StringBuilder left = new StringBuilder();
    StringBuilder right = new StringBuilder();
    char next = 'a';
    for (int i = 0; i < rankA - 1; i++) {
      left.append(next++);
    }
    char summed = next++;
    left.append(summed);
    StringBuilder out = new StringBuilder(left.substring(0, rankA - 1));
    for (int i = 0; i < rankB; i++) {
      char c = i == rankB - 2 ? summed : next++;
      right.append(c);
      if (c != summed) {
        out.append(c);
      }
    }
    return left + "," + right + "->" + out;
  }

  /**
   * NumPy's tensordot with {@code axes=n}: the last {@code n} axes of {@code a} summed against the first
   * {@code n} of {@code b}; composed of transpose, reshape and matmul.
   *
   * @throws ShapeException of kind DOMAIN for {@code n} out of range, MATMUL if the summed axes differ in length
   */
  public static Var tensordot(Var a, Var b, int n) {
    return TensorDot.tensordot(a, b, n);
  }

  /**
   * NumPy's tensordot with {@code axes=(axesA, axesB)}: each axis of {@code a} summed against its partner
   * of {@code b}.
   *
   * @throws ShapeException of kind DOMAIN if the lists differ in length, AXIS for an axis out of range or
   *     repeated, MATMUL if partners differ in length
   */
  public static Var tensordot(Var a, Var b, int[] axesA, int[] axesB) {
    return TensorDot.tensordot(a, b, axesA, axesB);
  }

  /**
   * NumPy's {@code linalg.inv} of a square matrix or a stack of them {@code (..., n, n)}; gradient
   * {@code -Yᵀ G Yᵀ}.
   *
   * @throws ShapeException of kind DOMAIN for an array that is not a stack of square matrices, or a
   *     singular matrix (an exact zero pivot, NumPy's LinAlgError)
   */
  public static Var inv(Var a) {
    return SquareOps.INV.call(a);
  }

  /**
   * NumPy's {@code linalg.det} of each matrix of {@code (..., n, n)}: shape {@code (...)}; gradient the
   * cofactor matrix {@code det(A) A⁻ᵀ} times the upstream (0 for a singular matrix's det, whose
   * cofactors still exist).
   *
   * @throws ShapeException of kind DOMAIN for an array that is not a stack of square matrices
   */
  public static Var det(Var a) {
    return SquareOps.DET.call(a);
  }

  /**
   * NumPy's and PyTorch's {@code linalg.solve(A, b)}: {@code x} with {@code A x = b}. {@code A} is
   * {@code (..., n, n)}; {@code b} is a vector {@code (n,)} (result {@code (..., n)}) or a stack of
   * matrices {@code (..., n, k)} whose batch axes broadcast with A's. A {@code b} with one axis fewer
   * than A (and at least two) is refused: NumPy 1 and PyTorch read it as a stack of vectors, NumPy 2 as
   * matrices.
   *
   * @throws ShapeException of kind DOMAIN for that ambiguous b, a non-square A or a singular matrix;
   *     MATMUL when b's rows are not n; BROADCAST when the batch axes do not broadcast
   */
  public static Var solve(Var a, Var b) {
    int[] as = a.value().shapeRef();
    int[] bs = b.value().shapeRef();
    LinearSystems.side("solve", as);
    if (bs.length >= 2 && bs.length == as.length - 1) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "solve: " + ambiguousSolve(Shapes.format(as),
          Shapes.format(bs)));
    }
    if (bs.length != 1) {
      return SquareOps.SOLVE.call(a, b);
    }
    if (bs[0] != as[as.length - 1]) {
      throw new ShapeException(ShapeException.Kind.MATMUL, "solve: b must have " + as[as.length - 1]
          + " elements, one per row of A (A is " + Shapes.format(as) + "), got shape " + Shapes.format(bs));
    }
    Var x = SquareOps.SOLVE.call(a, b.reshape(bs[0], 1));
    int[] xs = x.value().shapeRef();
    return x.reshape(java.util.Arrays.copyOf(xs, xs.length - 1));
  }

  /** Why {@code solve(A, b)} with b one axis short of A (at least two) is refused, and what to write. */
  public static String ambiguousSolve(String a, String b) {
    return "b of shape " + b + " with A of shape " + a + " is ambiguous: NumPy 1 and PyTorch read b as a"
        + " stack of vectors, NumPy 2 as matrices; write solve(A, b[..., None])[..., 0] for vectors, or"
        + " solve(A, b[None]) for matrices shared by A's batch";
  }

  /**
   * NumPy's {@code sort(a, axis=-1)}: each lane along {@code axis} ascending (null: the flattened array,
   * 1-D), NaN last, ties in their order; the gradient goes back through the permutation, as
   * {@code torch.sort}'s values'.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range (a scalar has none)
   */
  public static Var sort(Var a, Integer axis) {
    if (axis != null) {
      Shapes.normalizeAxis(axis, a.value().rank());
    }
    return SortOps.SORT.apply(axis, a);
  }

  /**
   * NumPy's {@code floor_divide(x1, x2)}, Python's {@code x1 // x2} on floats: the floored quotient,
   * broadcast ({@code 1 // 0.1} is 9; a zero divisor gives {@code x1 / 0}, infinite or NaN). Gradient 0
   * to both, as torch's {@code div(rounding_mode='floor')}; a jump for {@link GradCheck} where the
   * quotient changes.
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast together
   */
  public static Var floorDivide(Var x1, Var x2) {
    return StepOps.FLOOR_DIVIDE.call(x1, x2);
  }

  /**
   * NumPy's {@code heaviside(x1, x2)}: 0 below 0, 1 above, {@code x2} at 0, broadcast. Gradient 0 to
   * {@code x1} (a jump at 0 for {@link GradCheck}), and to {@code x2} the upstream where {@code x1} is 0.
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast together
   */
  public static Var heaviside(Var x1, Var x2) {
    return StepOps.HEAVISIDE.call(x1, x2);
  }

  /** NumPy's outer: both operands flattened, {@code out[i, j] = a[i] * b[j]}. */
  public static Var outer(Var a, Var b) {
    return a.reshape(-1, 1).mul(b.reshape(1, -1));
  }

  /**
   * NumPy's einsum: explicit ({@code "ij,jk->ik"}) or implicit output ({@code "ij,jk"}: the letters used
   * once, in alphabetical order, upper case first), repeated letters in one operand for diagonals, and
   * {@code ...} for broadcast axes. The gradient of each operand is the same contraction with the output
   * gradient in its place.
   *
   * @throws ShapeException of kind DOMAIN for malformed subscripts (the message says what is wrong),
   *     BROADCAST when sizes do not agree
   */
  public static Var einsum(String subscripts, List<Var> operands) {
    int[][] shapes = new int[operands.size()][];
    for (int i = 0; i < shapes.length; i++) {
      shapes[i] = operands.get(i).value().shapeRef();
    }
    return LinalgOps.EINSUM.apply(Einsum.plan(subscripts, shapes), operands.toArray(new Var[0]));
  }

  /**
   * torch's mse_loss (mean reduction): {@code mean((input - target) ** 2)} over the broadcast shape;
   * both operands get gradients.
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast together
   */
  public static Var mseLoss(Var input, Var target) {
    return LossOps.MSE_LOSS.call(input, target);
  }

  /**
   * torch's conv1d: input {@code (N, C, L)} or {@code (C, L)}, weight {@code (O, C, k)}, bias {@code (O,)}
   * or null.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var conv1d(Var input, Var weight, Var bias, int stride, int padding) {
    return conv1d(input, weight, bias, stride, padding, 1, 1);
  }

  /**
   * conv1d with the kernel's taps {@code dilation} apart and the channels in {@code groups} (the weight
   * {@code (O, C / groups, k)}; each group of {@code O / groups} filters reads its own {@code C / groups}
   * input channels).
   *
   * @throws ShapeException of kind DOMAIN when the shapes, groups, stride, padding or dilation do not fit
   */
  public static Var conv1d(Var input, Var weight, Var bias, int stride, int padding, int dilation, int groups) {
    return Networks.conv(Networks.Conv.CONV1D, input, weight, bias, new int[] {stride},
        new int[] {padding}, new int[] {0}, new int[] {dilation}, groups);
  }

  /**
   * torch's conv2d: input {@code (N, C, H, W)} or {@code (C, H, W)}, weight {@code (O, C, kH, kW)}, bias
   * {@code (O,)} or null; stride and padding give one value for both axes or one per axis.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var conv2d(Var input, Var weight, Var bias, int[] stride, int[] padding) {
    return conv2d(input, weight, bias, stride, padding, new int[] {1}, 1);
  }

  /**
   * conv2d with dilation (one value or one per axis) and channel groups (the weight
   * {@code (O, C / groups, kH, kW)}).
   *
   * @throws ShapeException of kind DOMAIN when the shapes, groups, stride, padding or dilation do not fit
   */
  public static Var conv2d(Var input, Var weight, Var bias, int[] stride, int[] padding, int[] dilation,
      int groups) {
    return Networks.conv(Networks.Conv.CONV2D, input, weight, bias, stride, padding, new int[] {0}, dilation,
        groups);
  }

  /**
   * torch's conv_transpose1d: input {@code (N, C_in, L)} or {@code (C_in, L)}, weight
   * {@code (C_in, C_out, k)}; output length {@code (L - 1)·stride - 2·padding + k}.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var convTranspose1d(Var input, Var weight, Var bias, int stride, int padding) {
    return convTranspose1d(input, weight, bias, stride, padding, 0);
  }

  /**
   * conv_transpose1d with {@code output_padding} added to one side of the output (smaller than the stride).
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var convTranspose1d(Var input, Var weight, Var bias, int stride, int padding, int outputPadding) {
    return convTranspose1d(input, weight, bias, stride, padding, outputPadding, 1, 1);
  }

  /**
   * conv_transpose1d with channel groups (the weight {@code (C_in, C_out / groups, k)}) and dilation;
   * torch's positional order is {@code output_padding, groups, dilation}.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, groups, stride, padding or dilation do not fit
   */
  public static Var convTranspose1d(Var input, Var weight, Var bias, int stride, int padding, int outputPadding,
      int groups, int dilation) {
    return Networks.conv(Networks.Conv.CONV_TRANSPOSE1D, input, weight, bias, new int[] {stride},
        new int[] {padding}, new int[] {outputPadding}, new int[] {dilation}, groups);
  }

  /**
   * torch's conv_transpose2d: input {@code (N, C_in, H, W)} or {@code (C_in, H, W)}, weight
   * {@code (C_in, C_out, kH, kW)}.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var convTranspose2d(Var input, Var weight, Var bias, int[] stride, int[] padding) {
    return convTranspose2d(input, weight, bias, stride, padding, new int[] {0});
  }

  /**
   * conv_transpose2d with {@code output_padding} (one value or one per axis, each smaller than the stride).
   *
   * @throws ShapeException of kind DOMAIN when the shapes, stride or padding do not fit
   */
  public static Var convTranspose2d(Var input, Var weight, Var bias, int[] stride, int[] padding,
      int[] outputPadding) {
    return convTranspose2d(input, weight, bias, stride, padding, outputPadding, 1, new int[] {1});
  }

  /**
   * conv_transpose2d with channel groups (the weight {@code (C_in, C_out / groups, kH, kW)}) and dilation
   * (one value or one per axis), in torch's positional order.
   *
   * @throws ShapeException of kind DOMAIN when the shapes, groups, stride, padding or dilation do not fit
   */
  public static Var convTranspose2d(Var input, Var weight, Var bias, int[] stride, int[] padding,
      int[] outputPadding, int groups, int[] dilation) {
    return Networks.conv(Networks.Conv.CONV_TRANSPOSE2D, input, weight, bias, stride, padding, outputPadding,
        dilation, groups);
  }

  /**
   * torch's max_pool2d over {@code (N, C, H, W)} or {@code (C, H, W)}; {@code stride} null means the kernel
   * size; padding at most half the kernel. Each window's gradient goes to its first maximum in row-major
   * window order (ties: the first); overlapping windows add up. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind DOMAIN when the window, stride or padding do not fit
   */
  public static Var maxPool2d(Var input, int[] kernel, int[] stride, int[] padding) {
    return Networks.pool(true, 2, input, kernel, stride, padding);
  }

  /**
   * torch's avg_pool2d with {@code count_include_pad = True}: every window divides by {@code kH·kW}.
   *
   * @throws ShapeException of kind DOMAIN when the window, stride or padding do not fit
   */
  public static Var avgPool2d(Var input, int[] kernel, int[] stride, int[] padding) {
    return Networks.pool(false, 2, input, kernel, stride, padding);
  }

  /**
   * torch's max_pool1d over {@code (N, C, L)} or {@code (C, L)}: {@code stride} null means the kernel
   * size; padding at most half the kernel. Each window's gradient goes to its first maximum.
   * A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind DOMAIN when the window, stride or padding do not fit
   */
  public static Var maxPool1d(Var input, int kernel, Integer stride, int padding) {
    return Networks.pool(true, 1, input, new int[] {kernel}, stride == null ? null : new int[] {stride},
        new int[] {padding});
  }

  /**
   * torch's avg_pool1d with {@code count_include_pad = True}: every window divides by the kernel size.
   *
   * @throws ShapeException of kind DOMAIN when the window, stride or padding do not fit
   */
  public static Var avgPool1d(Var input, int kernel, Integer stride, int padding) {
    return Networks.pool(false, 1, input, new int[] {kernel}, stride == null ? null : new int[] {stride},
        new int[] {padding});
  }

  /**
   * torch's adaptive_avg_pool1d: output cell {@code i} of {@code outputSize} averages input positions
   * {@code [floor(i·L/out), ceil((i + 1)·L/out))}.
   *
   * @throws ShapeException of kind DOMAIN for a negative size, an input of another rank or of zero size
   */
  public static Var adaptiveAvgPool1d(Var input, int outputSize) {
    return Networks.adaptivePool(false, 1, input, new int[] {outputSize});
  }

  /**
   * torch's adaptive_avg_pool2d: the bins of {@link #adaptiveAvgPool1d} along each axis, one output
   * size for both axes or one per axis.
   *
   * @throws ShapeException of kind DOMAIN for a negative size, an input of another rank or of zero size
   */
  public static Var adaptiveAvgPool2d(Var input, int[] outputSize) {
    return Networks.adaptivePool(false, 2, input, outputSize);
  }

  /**
   * torch's adaptive_max_pool1d: the maximum of each bin of {@link #adaptiveAvgPool1d}; its gradient goes
   * to the bin's first maximum. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind DOMAIN for a negative size, an input of another rank or of zero size
   */
  public static Var adaptiveMaxPool1d(Var input, int outputSize) {
    return Networks.adaptivePool(true, 1, input, new int[] {outputSize});
  }

  /**
   * torch's adaptive_max_pool2d: the maximum of each bin of {@link #adaptiveAvgPool2d}; its gradient
   * goes to the bin's first maximum in row-major order. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind DOMAIN for a negative size, an input of another rank or of zero size
   */
  public static Var adaptiveMaxPool2d(Var input, int[] outputSize) {
    return Networks.adaptivePool(true, 2, input, outputSize);
  }

  /**
   * torch's embedding: row {@code indices[...]} of {@code weight} for every index, shaped
   * {@code indices.shape + (embedding_dim,)}. The weight's gradient adds every output row back into the
   * row it read; row {@code paddingIdx} gets none. The indices are never differentiated.
   *
   * @param indices integer-valued, any shape, entries in {@code [0, num_embeddings)}
   * @param weight shape {@code (num_embeddings, embedding_dim)}
   * @param paddingIdx null for none; in {@code [-num_embeddings, num_embeddings)}, negative from the end
   * @throws ShapeException of kind DOMAIN for a weight that is not 2-D or a padding_idx out of range,
   *     INDEX for an index that is not an integer or out of range
   */
  public static Var embedding(Tensor indices, Var weight, Integer paddingIdx) {
    return Embedding.apply(indices, weight, paddingIdx);
  }

  /**
   * torch's binary_cross_entropy with {@code reduction='none'}: {@code -(t log p + (1 - t) log(1 - p))}
   * elementwise, each logarithm floored at -100. Both operands get gradients.
   *
   * @throws ShapeException of kind DOMAIN if the shapes differ (PyTorch does not broadcast here) or an
   *     input lies outside [0, 1]
   */
  public static Var binaryCrossEntropy(Var input, Var target) {
    return LossOps.BINARY_CROSS_ENTROPY.call(input, target);
  }

  /**
   * torch's binary_cross_entropy_with_logits with {@code reduction='none'}: the binary cross-entropy
   * of {@code sigmoid(input)}, computed from the logits without overflow. Both operands get gradients.
   *
   * @throws ShapeException of kind DOMAIN if the shapes differ
   */
  public static Var binaryCrossEntropyWithLogits(Var input, Var target) {
    return LossOps.BINARY_CROSS_ENTROPY_WITH_LOGITS.call(input, target);
  }

  /**
   * torch's nll_loss with {@code reduction='none'}: {@code -input[i, labels[i]]} of shape {@code (B,)};
   * the labels are never differentiated.
   *
   * @param input shape (B, K), log-probabilities
   * @param labels shape (B,), integer classes in [0, K)
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is not a class index
   */
  public static Var nllLoss(Var input, Tensor labels) {
    return LossOps.NLL_LOSS.call(input, Var.constant(labels));
  }

  /**
   * torch's layer_norm: {@code (x - mean) / sqrt(var + eps)} over the last {@code normalizedShape.length}
   * axes (the biased variance), then times {@code weight} and plus {@code bias} where given. Composed
   * of the engine's ops, so its gradient is theirs.
   *
   * @param weight null, or of shape {@code normalizedShape}
   * @param bias null, or of shape {@code normalizedShape}
   * @throws ShapeException of kind DOMAIN if {@code normalizedShape} is empty, the input's shape does
   *     not end in it, or weight or bias has another shape
   */
  public static Var layerNorm(Var input, int[] normalizedShape, Var weight, Var bias, double eps) {
    int[] shape = input.value().shapeRef();
    int first = shape.length - normalizedShape.length;
    if (normalizedShape.length == 0 || first < 0
        || !Arrays.equals(Arrays.copyOfRange(shape, first, shape.length), normalizedShape)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "layer_norm: expected an input whose shape ends in"
          + " normalized_shape " + Shapes.format(normalizedShape) + ", got " + Shapes.format(shape));
    }
    int[] axes = new int[normalizedShape.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = first + i;
    }
    Var centred = input.sub(input.mean(axes, true));
    Var spread = input.var(axes, true).add(Var.constant(Tensor.scalar(eps))).sqrt();
    Var out = centred.div(spread);
    out = weight == null ? out : out.mul(affine("weight", weight, normalizedShape));
    return bias == null ? out : out.add(affine("bias", bias, normalizedShape));
  }

  private static Var affine(String name, Var v, int[] normalizedShape) {
    if (!Arrays.equals(v.value().shapeRef(), normalizedShape)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "layer_norm: expected " + name + " of shape"
          + " normalized_shape " + Shapes.format(normalizedShape) + ", got " + v.value().shapeString());
    }
    return v;
  }

  /**
   * torch's gather: {@code out[i][j] = input[index[i][j]][j]} for {@code dim = 0} (and so on), of the
   * index's shape; the input's gradient scatters back and adds repeated indices.
   *
   * @param index integer-valued, of the input's rank, no larger than it along the other axes, entries
   *     in {@code [0, size)}
   * @throws ShapeException of kind AXIS for a bad dim, INDEX if the index does not fit
   */
  public static Var gather(Var input, int dim, Tensor index) {
    int axis = Shapes.normalizeAxis(dim, input.value().rank());
    return GatherOps.GATHER.apply(new GatherOps.Along(axis, false), input, Var.constant(index));
  }

  /**
   * NumPy's take_along_axis along {@code axis} (null: of the flattened array, with 1-D indices): the
   * indices and the array broadcast along the other axes, negative entries count from the end.
   *
   * @throws ShapeException of kind AXIS for a bad axis, INDEX if the indices do not fit
   */
  public static Var takeAlongAxis(Var arr, Tensor indices, Integer axis) {
    if (axis == null) {
      if (indices.rank() != 1) {
        throw new ShapeException(ShapeException.Kind.INDEX, "take_along_axis: when axis=None, `indices` must have"
            + " a single dimension, got " + indices.shapeString());
      }
      return takeAlongAxis(arr.reshape(arr.value().size()), indices, 0);
    }
    int a = Shapes.normalizeAxis(axis, arr.value().rank());
    return GatherOps.GATHER.apply(new GatherOps.Along(a, true), arr, Var.constant(indices));
  }

  /**
   * NumPy's {@code linalg.norm(x, ord, axis, keepdims)} with a numeric order ({@code null}: None):
   * along one axis the vector norm {@code (Σ |x|^ord)^(1/ord)} ({@code ±inf}: the largest or smallest
   * magnitude, 0: the nonzero count); along two the matrix norm ({@code 1}, {@code -1}, {@code ±inf}:
   * extreme column or row sums of magnitudes; None: Frobenius); no axis flattens for None. Gradients
   * are PyTorch's: 0 where a norm of order ≥ 1 is 0, tied extremes share evenly.
   *
   * @param axis null, or one or two axes (negative allowed)
   * @throws ShapeException of kind AXIS for an axis out of range, DOMAIN for an order or number of
   *     axes NumPy refuses, or a matrix norm of singular values (2, -2), which is not supported
   */
  public static Var norm(Var x, Double ord, int[] axis, boolean keepdims) {
    return Norms.norm(x, ord, null, axis, keepdims);
  }

  /**
   * torch.linalg.vector_norm: the elements along {@code axes} (null: every axis) as one vector, its
   * norm of order {@code ord} (any number; {@code ±inf} the extreme magnitude, 0 the count of nonzeros),
   * with the gradients of {@link #norm(Var, Double, int[], boolean)}'s vector norms.
   *
   * @throws ShapeException of kind AXIS for an axis out of range or repeated
   */
  public static Var vectorNorm(Var x, double ord, int[] axes, boolean keepdims) {
    ReductionOps.Reduce r = ReductionOps.Reduce.of(axes, x.value().rank(), keepdims);
    return NormOps.VECTOR_NORM.apply(new NormOps.Norm(r, ord), x);
  }

  /**
   * NumPy's {@code linalg.norm} with a named order: {@code 'fro'} (or {@code 'f'}), the Frobenius norm of
   * a matrix; {@code 'nuc'} is refused (not supported), as is either for a vector.
   *
   * @throws ShapeException of kind AXIS or DOMAIN as {@link #norm(Var, Double, int[], boolean)}
   */
  public static Var norm(Var x, String ord, int[] axis, boolean keepdims) {
    return Norms.norm(x, null, ord, axis, keepdims);
  }

  /**
   * torch's {@code nn.functional.normalize(input, p, dim, eps)}: {@code input / max(norm(input, p, dim), eps)},
   * the norm kept as a size-1 axis. Composed of the engine's norm, clip and division, so its gradient
   * is theirs (the floor passes the gradient where the norm is at least {@code eps}, as torch's clamp_min).
   *
   * @throws ShapeException of kind AXIS if {@code dim} is out of range
   */
  public static Var normalize(Var input, double p, int dim, double eps) {
    ReductionOps.Reduce r = ReductionOps.Reduce.of(new int[] {dim}, input.value().rank(), true);
    Var norm = NormOps.VECTOR_NORM.apply(new NormOps.Norm(r, p), input);
    return input.div(norm.clip(Var.constant(Tensor.scalar(eps)), null));
  }

  /**
   * torch's {@code nn.functional.cosine_similarity(x1, x2, dim, eps)}: {@code Σ x1 x2 / (max(‖x1‖, eps)
   * max(‖x2‖, eps))} along {@code dim} of the broadcast operands, with PyTorch 1.13's gradient (the floor
   * is not differentiated through; see {@link NormOps#COSINE_SIMILARITY}).
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast, AXIS if {@code dim} is out of range
   */
  public static Var cosineSimilarity(Var x1, Var x2, int dim, double eps) {
    int[] shape = Shapes.broadcast(x1.value().shapeRef(), x2.value().shapeRef());
    int axis = Shapes.normalizeAxis(dim, shape.length);
    return NormOps.COSINE_SIMILARITY.apply(new NormOps.Cosine(axis, eps), x1, x2);
  }

  /**
   * torch's smooth_l1_loss with {@code reduction='none'}, broadcasting: {@code 0.5 d² / beta} where
   * {@code |d| < beta}, else {@code |d| - 0.5 beta}, for {@code d = input - target}; {@code beta = 0} is
   * the L1 loss (with torch's slope -1 at {@code d = 0}). Both operands get gradients.
   *
   * @throws ShapeException of kind DOMAIN if {@code beta} is negative, BROADCAST if the shapes do not broadcast
   */
  public static Var smoothL1Loss(Var input, Var target, double beta) {
    if (!(beta >= 0)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "smooth_l1_loss does not support negative values for"
          + " beta, got " + beta);
    }
    return RegressionLossOps.SMOOTH_L1.apply(beta, input, target);
  }

  /**
   * torch's huber_loss with {@code reduction='none'}, broadcasting: {@code 0.5 d²} where {@code |d| < delta},
   * else {@code delta (|d| - 0.5 delta)}. Both operands get gradients.
   *
   * @throws ShapeException of kind DOMAIN if {@code delta} is not positive, BROADCAST if the shapes do not broadcast
   */
  public static Var huberLoss(Var input, Var target, double delta) {
    if (!(delta > 0)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "huber_loss does not support non-positive values for"
          + " delta, got " + delta);
    }
    return RegressionLossOps.HUBER.apply(delta, input, target);
  }

  /**
   * torch's kl_div with {@code reduction='none'}, broadcasting: {@code xlogy(t, t) - t · input} for
   * log-probabilities {@code input}, or with {@code logTarget} {@code e^t (t - input)}. Both operands get
   * gradients (the target's is NaN where a probability target is 0, as PyTorch's).
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast
   */
  public static Var klDiv(Var input, Var target, boolean logTarget) {
    return (logTarget ? RegressionLossOps.KL_DIV_LOG_TARGET : RegressionLossOps.KL_DIV).call(input, target);
  }

  /**
   * torch's nll_loss with {@code weight} and {@code ignore_index}: {@code -weight[y_i] input[i, y_i]} per
   * row, 0 for a row labelled {@code ignoreIndex}; 'mean' divides by the summed weights of the kept rows'
   * labels (NaN when every row is ignored, with gradient 0). Labels and weights get no gradient.
   *
   * @param weight null, or {@code (K,)}
   * @param reduction 'mean', 'sum' or 'none'
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is neither a class nor ignored
   */
  public static Var nllLoss(Var input, Tensor labels, Tensor weight, int ignoreIndex, String reduction) {
    return ClassLosses.nllLoss("nll_loss", input, labels, weight, ignoreIndex, reduction);
  }

  /**
   * torch's cross_entropy with {@code weight}, {@code ignore_index} and {@code label_smoothing}: the
   * {@link #nllLoss(Var, Tensor, Tensor, int, String)} of {@code log_softmax(input, 1)}, mixed with torch's
   * smoothing term.
   *
   * @throws ShapeException of kind DOMAIN as nllLoss, or if {@code labelSmoothing} is not in [0, 1]
   */
  public static Var crossEntropy(Var input, Tensor labels, Tensor weight, int ignoreIndex, String reduction,
      double labelSmoothing) {
    return ClassLosses.crossEntropy(input, labels, weight, ignoreIndex, reduction, labelSmoothing);
  }

  /**
   * torch's batch_norm over the channel axis 1 of an input {@code (N, C, ...)}: in training mode
   * {@code (x - mean) / sqrt(var + eps)} with each channel's batch mean and biased variance (over every
   * axis but 1), else the same with {@code runningMean} and {@code runningVar}; then times {@code weight}
   * and plus {@code bias} where given. Composed of the engine's ops, so its gradient is theirs; the running
   * statistics get none (PyTorch does not differentiate them) and, in training mode, are only checked
   * (PyTorch updates them in place, which changes no value here).
   *
   * @param runningMean null (training mode only), or {@code C} values
   * @param weight null, or {@code C} values
   * @throws ShapeException of kind DOMAIN if the input has rank below 2, a vector does not have {@code C}
   *     values, training mode has one value per channel, or evaluation mode lacks a running statistic
   */
  public static Var batchNorm(Var input, Tensor runningMean, Tensor runningVar, Var weight, Var bias,
      boolean training, double eps) {
    return BatchNorm.apply(input, runningMean, runningVar, weight, bias, training, eps);
  }

  /**
   * torch's margin_ranking_loss with {@code reduction='none'}: {@code clamp_min(-target * (input1 - input2)
   * + margin, 0)}, broadcast; the gradient passes at the hinge's kink, as PyTorch's clamp_min.
   *
   * @throws ShapeException of kind DOMAIN if the three ranks differ, BROADCAST if the shapes do not broadcast
   */
  public static Var marginRankingLoss(Var input1, Var input2, Var target, double margin) {
    return MarginLosses.marginRanking(input1, input2, target, margin);
  }

  /**
   * torch's hinge_embedding_loss with {@code reduction='none'}: {@code input} where the target is 1,
   * {@code clamp_min(margin - input, 0)} where it is -1 (both terms for any other target).
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast
   */
  public static Var hingeEmbeddingLoss(Var input, Var target, double margin) {
    return MarginLosses.hingeEmbedding(input, target, margin);
  }

  /**
   * torch's soft_margin_loss with {@code reduction='none'}: {@code log1p(exp(-input * target))}; the
   * target gets no gradient (PyTorch refuses to differentiate it).
   *
   * @throws ShapeException of kind BROADCAST if the shapes do not broadcast
   */
  public static Var softMarginLoss(Var input, Tensor target) {
    return MarginLosses.softMargin(input, target);
  }

  /**
   * torch's multi_margin_loss with {@code reduction='none'}: per sample of {@code (N, C)} scores (or one
   * of {@code (C,)}), {@code Σ_{j ≠ y} weight[y] · max(0, margin - x[y] + x[j])^p / C}; a term at its
   * kink (zero margin) gets no gradient, as PyTorch's kernel. Labels and weight get none.
   *
   * @param weight null, or one value per class
   * @throws ShapeException of kind DOMAIN for p other than 1 and 2, shapes that do not fit, or a label
   *     out of range
   */
  public static Var multiMarginLoss(Var input, Tensor target, int p, double margin, Tensor weight) {
    return MarginLosses.multiMargin(input, target, p, margin, weight);
  }

  /**
   * torch's triplet_margin_loss with {@code reduction='none'}: {@code clamp_min(margin + d(a, p) - d(a, n),
   * 0)} with {@code d} torch's pairwise_distance ({@code norm(x - y + eps, p)} along the last axis) and,
   * with {@code swap}, {@code d(a, n)} replaced by its minimum with {@code d(p, n)}.
   *
   * @throws ShapeException of kind DOMAIN if the ranks differ or are 0, BROADCAST if the shapes do not
   */
  public static Var tripletMarginLoss(Var anchor, Var positive, Var negative, double margin, double p, double eps,
      boolean swap) {
    return MarginLosses.tripletMargin(anchor, positive, negative, margin, p, eps, swap);
  }

  /**
   * torch's cosine_embedding_loss with {@code reduction='none'}: {@code 1 - cos(x1, x2)} where the target
   * is 1, {@code clamp_min(cos - margin, 0)} where it is -1, with PyTorch's {@code 1e-12} in each squared
   * norm; along axis 1 of {@code (N, D)} inputs (or of vectors). The target gets no gradient.
   *
   * @throws ShapeException of kind DOMAIN if the ranks do not fit, BROADCAST if the shapes do not broadcast
   */
  public static Var cosineEmbeddingLoss(Var input1, Var input2, Var target, double margin) {
    return MarginLosses.cosineEmbedding(input1, input2, target, margin);
  }

  /**
   * torch's group_norm: the channels of {@code (N, C, *)} split into {@code numGroups} groups, each
   * group of each sample normalised over its channels and every other axis, {@code (x - mean) /
   * sqrt(var + eps)} with the biased variance, then times {@code weight} and plus {@code bias} per
   * channel. Composed of the engine's ops, so its gradient is theirs.
   *
   * @param weight null, or {@code C} values
   * @param bias null, or {@code C} values
   * @throws ShapeException of kind DOMAIN for an input of rank below 2, a group count that does not
   *     divide the channels, or a weight or bias of another size
   */
  public static Var groupNorm(Var input, int numGroups, Var weight, Var bias, double eps) {
    return GroupNorm.groupNorm(input, numGroups, weight, bias, eps);
  }

  /**
   * torch's instance_norm: with {@code useInputStats} each channel of each sample of {@code (N, C, *)}
   * normalised over the other axes (group_norm with one group per channel), else by the running
   * statistics, which are then required; the running statistics are constants. Then times
   * {@code weight} and plus {@code bias} per channel.
   *
   * @throws ShapeException of kind DOMAIN for an input of rank below 2 or of a single spatial element
   *     when using its statistics, missing running statistics, or vectors of another size than {@code C}
   */
  public static Var instanceNorm(Var input, Tensor runningMean, Tensor runningVar, Var weight, Var bias,
      boolean useInputStats, double eps) {
    return GroupNorm.instanceNorm(input, runningMean, runningVar, weight, bias, useInputStats, eps);
  }
}
