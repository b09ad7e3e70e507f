package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * The gradient table of operations that move values without arithmetic: reshape (also behind
 * expand_dims and squeeze), transpose, broadcast_to, flip, indexing, tril/triu and trace. Each rule sends
 * the gradient back along the same path (a gather's rule scatters and adds, so repeated indices
 * accumulate).
 */
final class ShapeOps {

  private ShapeOps() {}

  /** Reshape to an already resolved shape of the same size. */
  static final Primitive<int[]> RESHAPE = Primitive.of("reshape",
      (x, shape) -> x[0].withShape(Arrays.copyOf(shape, shape.length)),
      (g, y, x, shape) -> g.withShape(x[0].shapeRef()));

  /** Output axis {@code i} is input axis {@code perm[i]}. */
  static final Primitive<int[]> TRANSPOSE = Primitive.of("transpose",
      (x, perm) -> Layout.transpose(x[0], perm),
      (g, y, x, perm) -> Layout.transpose(g, Layout.invert(perm)));

  /** NumPy's broadcast_to; the engine's unbroadcast sums the gradient back. */
  static final Primitive<int[]> BROADCAST_TO = Primitive.of("broadcast_to",
      (x, shape) -> Elementwise.broadcastTo(x[0], Layout.checkBroadcastTo(x[0].shapeRef(), shape)),
      (g, y, x, shape) -> g);

  /** Reverses the masked axes. */
  static final Primitive<boolean[]> FLIP = Primitive.of("flip",
      (x, axes) -> Layout.flip(x[0], axes),
      (g, y, x, axes) -> Layout.flip(g, axes));

  /** Gathers by a resolved index plan; the rule scatters and adds. */
  static final Primitive<Indexing.Plan> INDEX = Primitive.of("index",
      (x, plan) -> Strided.gather(x[0], plan.offsets(), plan.shape()),
      (g, y, x, plan) -> Strided.scatterAdd(g, plan.offsets(), x[0].shapeRef()));

  /** Which triangle of the last two axes {@code tril} (lower) or {@code triu} keeps, and the diagonal k. */
  record Triangle(boolean lower, int k) {}

  /** NumPy's tril/triu: zeros outside the triangle; a 1-D input becomes a square matrix, as in NumPy. */
  static final Primitive<Triangle> TRIANGLE = Primitive.of("tril/triu",
      (x, t) -> keep(x[0], Layout.triangleMask(x[0].shapeRef(), t.lower(), t.k())),
      (g, y, x, t) -> keep(g, Layout.triangleMask(x[0].shapeRef(), t.lower(), t.k())));

  /** {@code x} where the mask is 1, else 0 (a select, so inf and NaN outside the mask become 0). */
  private static Tensor keep(Tensor x, Tensor mask) {
    return Elementwise.zip(x, mask, (v, m) -> m != 0 ? v : 0.0);
  }

  /** NumPy's trace: the sum of the diagonal {@code a[i, i + offset]} over the first two axes. */
  static final Primitive<Integer> TRACE = Primitive.of("trace", (x, offset) -> {
    Layout.Diagonal d = Layout.diagonal(x[0].shapeRef(), offset);
    Tensor diag = Strided.gather(x[0], d.offsets(), d.shape());
    return Reductions.sum(diag, Softmax.single(-1, d.shape().length), false);
  }, (g, y, x, offset) -> {
    Layout.Diagonal d = Layout.diagonal(x[0].shapeRef(), offset);
    Tensor spread = Elementwise.broadcastTo(g.withShape(Layout.withOne(g.shapeRef())), d.shape());
    return Strided.scatterAdd(spread, d.offsets(), x[0].shapeRef());
  });

  /** torch's pad by a resolved index map; the rule scatters and adds (a reflected edge gets both shares). */
  static final Primitive<Padding.Plan> PAD = Primitive.of("pad",
      (x, plan) -> plan.gather(x[0]),
      (g, y, x, plan) -> plan.scatter(g));

  /** NumPy's concatenate along a resolved axis; operand i's rule takes its block of the gradient. */
  static final Primitive<Integer> CONCATENATE = Primitive.variadic("concatenate",
      (x, axis) -> Joining.concatenate(x, axis),
      (i, g, y, x, axis) -> Joining.block(g, x, axis, i));
}
