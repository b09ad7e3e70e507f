package io.github.gradproof.autograd;

/**
 * The gradient table of NumPy's square-matrix functions, {@code linalg.inv}, {@code linalg.det} and
 * {@code linalg.solve} (the last with a stack of matrices {@code b}; {@link Ops#solve} reshapes a
 * vector), with PyTorch's rules: {@code d inv = -Yᵀ G Yᵀ}, {@code d det = G det(A) A⁻ᵀ} (the cofactor
 * matrix, which exists where A is singular too), and for {@code X = solve(A, B)}:
 * {@code dB = solve(Aᵀ, G)}, {@code dA = -dB Xᵀ}. The batch axes broadcast; the engine sums a
 * broadcast operand's gradient back to its shape.
 */
final class SquareOps {

  private SquareOps() {}

  static final Primitive<Void> INV = Primitive.<Void>of("inv",
      (x, p) -> LinearSystems.inverse(x[0]),
      (g, y, x, p) -> {
        Tensor yt = Layout.swapLastTwo(y);
        return Elementwise.neg(MatMul.multiply(MatMul.multiply(yt, g), yt));
      });

  static final Primitive<Void> DET = Primitive.<Void>of("det",
      (x, p) -> LinearSystems.determinant(x[0]),
      (g, y, x, p) -> Elementwise.mul(g.withShape(matrixOfOne(g.shapeRef())), LinearSystems.cofactors(x[0])));

  static final Primitive<Void> SOLVE = Primitive.<Void>of("solve",
      (x, p) -> LinearSystems.solve(x[0], x[1]),
      (g, y, x, p) -> Elementwise.neg(MatMul.multiply(rightGrad(g, x[0]), Layout.swapLastTwo(y))),
      (g, y, x, p) -> rightGrad(g, x[0]));

  /** {@code solve(Aᵀ, G)}: the gradient of the right-hand side, on the broadcast batch axes. */
  private static Tensor rightGrad(Tensor g, Tensor a) {
    return LinearSystems.solve(Layout.swapLastTwo(a), g);
  }

  private static int[] matrixOfOne(int[] batch) {
    return Layout.withOne(Layout.withOne(batch));
  }
}
