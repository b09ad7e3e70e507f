package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * NumPy's {@code matmul} on plain tensors: a 1-D left operand gets a leading 1 (removed afterwards), a
 * 1-D right operand a trailing 1 (removed afterwards), and the batch axes (all but the last two)
 * broadcast. Each product runs in i-k-j loop order so the inner loop walks both B and C contiguously.
 */
final class MatMul {

  private MatMul() {}

  /**
   * Checks the operand shapes and returns the output shape.
   *
   * @throws ShapeException of kind MATMUL for scalars, differing inner dimensions or incompatible batch axes
   */
  static int[] outputShape(int[] a, int[] b) {
    if (a.length == 0 || b.length == 0) {
      throw error("matmul: scalar operands are not allowed", a, b);
    }
    int[] pa = promoteLeft(a);
    int[] pb = promoteRight(b);
    int k = pa[pa.length - 1];
    if (pb[pb.length - 2] != k) {
      throw error("matmul: inner dimensions differ", a, b);
    }
    int[] batch;
    try {
      batch = Shapes.broadcast(batchOf(pa), batchOf(pb));
    } catch (ShapeException e) {
      throw error("matmul: batch dimensions could not be broadcast together", a, b);
    }
    int n = pa[pa.length - 2];
    int m = pb[pb.length - 1];
    int extra = (a.length == 1 ? 0 : 1) + (b.length == 1 ? 0 : 1);
    int[] out = Arrays.copyOf(batch, batch.length + extra);
    int i = batch.length;
    if (a.length != 1) {
      out[i++] = n;
    }
    if (b.length != 1) {
      out[i] = m;
    }
    return out;
  }

  /** The product {@code a @ b}. */
  static Tensor multiply(Tensor a, Tensor b) {
    int[] sa = a.shapeRef();
    int[] sb = b.shapeRef();
    if (sa.length == 2 && sb.length == 2 && sa[1] == sb[0]) {
      return matrices(a, b, sa[0], sa[1], sb[1]);
    }
    int[] outShape = outputShape(a.shapeRef(), b.shapeRef());
    int[] pa = promoteLeft(a.shapeRef());
    int[] pb = promoteRight(b.shapeRef());
    int[] batch = Shapes.broadcast(batchOf(pa), batchOf(pb));
    int n = pa[pa.length - 2];
    int k = pa[pa.length - 1];
    int m = pb[pb.length - 1];
    int[] strideA = Shapes.broadcastStrides(batchOf(pa), batch);
    int[] strideB = Shapes.broadcastStrides(batchOf(pb), batch);
    int batches = Shapes.size(batch);
    double[] x = a.data();
    double[] y = b.data();
    double[] out = new double[Shapes.allocationSize(outShape)];
    int[] counter = new int[batch.length];
    int blockA = 0;
    int blockB = 0;
    for (int t = 0; t < batches; t++) {
      multiplyBlock(x, blockA * n * k, y, blockB * k * m, out, t * n * m, n, k, m);
      for (int axis = batch.length - 1; axis >= 0; axis--) {
        blockA += strideA[axis];
        blockB += strideB[axis];
        if (++counter[axis] < batch[axis]) {
          break;
        }
        blockA -= strideA[axis] * batch[axis];
        blockB -= strideB[axis] * batch[axis];
        counter[axis] = 0;
      }
    }
    return new Tensor(out, outShape);
  }

  /**
   * Two matrices, the common case: the same product as the general path (one {@link #multiplyBlock}),
   * without its batch bookkeeping, which costs more than the product itself at the sizes of a quiz.
   */
  private static Tensor matrices(Tensor a, Tensor b, int n, int k, int m) {
    int[] shape = {n, m};
    double[] out = new double[Shapes.allocationSize(shape)];
    multiplyBlock(a.data(), 0, b.data(), 0, out, 0, n, k, m);
    return new Tensor(out, shape);
  }

  private static void multiplyBlock(double[] x, int offA, double[] y, int offB, double[] out, int offC,
      int n, int k, int m) {
    for (int i = 0; i < n; i++) {
      int rowC = offC + i * m;
      for (int p = 0; p < k; p++) {
        double aip = x[offA + i * k + p];
        int rowB = offB + p * m;
        for (int j = 0; j < m; j++) {
          out[rowC + j] += aip * y[rowB + j];
        }
      }
    }
  }

  /** The left operand's shape as matmul sees it: 1-D {@code (k,)} becomes {@code (1, k)}. */
  static int[] promoteLeft(int[] a) {
    return a.length == 1 ? new int[] {1, a[0]} : a;
  }

  /** The right operand's shape as matmul sees it: 1-D {@code (k,)} becomes {@code (k, 1)}. */
  static int[] promoteRight(int[] b) {
    return b.length == 1 ? new int[] {b[0], 1} : b;
  }

  private static int[] batchOf(int[] promoted) {
    return Arrays.copyOf(promoted, promoted.length - 2);
  }

  private static ShapeException error(String what, int[] a, int[] b) {
    return new ShapeException(ShapeException.Kind.MATMUL,
        what + ": " + Shapes.format(a) + " @ " + Shapes.format(b));
  }
}
