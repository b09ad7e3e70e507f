package io.github.gradproof.autograd;

/** Forward values and gradient rules of matmul, reshape and transpose behind {@link Var}. */
final class ShapeOps {

  private ShapeOps() {}

  /**
   * {@code a @ b}; gradients {@code dA = dC @ Bᵀ} and {@code dB = Aᵀ @ dC} on the promoted shapes,
   * unbroadcast over batch axes, then reshaped back to the operands' own shapes.
   */
  static Var matmul(Var a, Var b) {
    Tensor out = MatMul.multiply(a.value(), b.value());
    int[] pa = MatMul.promoteLeft(a.value().shapeRef());
    int[] pb = MatMul.promoteRight(b.value().shapeRef());
    Tensor ap = a.value().withShape(pa);
    Tensor bp = b.value().withShape(pb);
    return Var.result(out, new Var[] {a, b}, g -> {
      Tensor gp = g.withShape(MatMul.outputShape(pa, pb));
      if (a.requiresGrad()) {
        Tensor ga = Reductions.unbroadcast(MatMul.multiply(gp, Layout.swapLastTwo(bp)), pa);
        a.accumulate(ga.withShape(a.value().shapeRef()));
      }
      if (b.requiresGrad()) {
        Tensor gb = Reductions.unbroadcast(MatMul.multiply(Layout.swapLastTwo(ap), gp), pb);
        b.accumulate(gb.withShape(b.value().shapeRef()));
      }
    });
  }

  static Var reshape(Var x, int[] shape) {
    int[] from = x.value().shapeRef();
    int[] to = Layout.resolveReshape(from, shape);
    return PointwiseOps.unary(x, x.value().withShape(to), g -> g.withShape(from));
  }

  static Var transpose(Var x, int[] axes) {
    int[] perm = Layout.resolvePermutation(x.value().shapeRef(), axes);
    int[] inverse = Layout.invert(perm);
    return PointwiseOps.unary(x, Layout.transpose(x.value(), perm), g -> Layout.transpose(g, inverse));
  }
}
