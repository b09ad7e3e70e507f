package io.github.gradproof.autograd;

/**
 * The gradient table of products: NumPy's matmul and einsum (dot, outer and trace are built from these
 * and the shape ops).
 */
final class LinalgOps {

  private LinalgOps() {}

  /**
   * {@code a @ b}; gradients {@code dA = dC @ Bᵀ} and {@code dB = Aᵀ @ dC} on the promoted shapes,
   * unbroadcast over batch axes, then reshaped back to the operands' own shapes.
   */
  static final Primitive<Void> MATMUL = Primitive.of("matmul",
      (x, p) -> MatMul.multiply(x[0], x[1]),
      (g, y, x, p) -> {
        int[] pa = MatMul.promoteLeft(x[0].shapeRef());
        Tensor bp = x[1].withShape(MatMul.promoteRight(x[1].shapeRef()));
        Tensor gp = g.withShape(MatMul.outputShape(pa, bp.shapeRef()));
        return Reductions.unbroadcast(MatMul.multiply(gp, Layout.swapLastTwo(bp)), pa)
            .withShape(x[0].shapeRef());
      },
      (g, y, x, p) -> {
        Tensor ap = x[0].withShape(MatMul.promoteLeft(x[0].shapeRef()));
        int[] pb = MatMul.promoteRight(x[1].shapeRef());
        Tensor gp = g.withShape(MatMul.outputShape(ap.shapeRef(), pb));
        return Reductions.unbroadcast(MatMul.multiply(Layout.swapLastTwo(ap), gp), pb)
            .withShape(x[1].shapeRef());
      });

  /** NumPy's einsum over a resolved plan; operand i's rule is the same contraction with g in its place. */
  static final Primitive<Einsum.Plan> EINSUM = Primitive.variadic("einsum",
      (x, plan) -> Einsum.contract(plan, x),
      (i, g, y, x, plan) -> Einsum.operandGrad(plan, g, x, i));
}
