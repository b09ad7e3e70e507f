package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Elementwise tensor arithmetic with NumPy broadcasting, on plain tensors (no gradients). */
final class Elementwise {

  private Elementwise() {}

  /** A function of three doubles (where, clip). */
  @FunctionalInterface
  interface Ternary {
    double apply(double a, double b, double c);
  }

  /** Applies {@code f} to every element. */
  static Tensor map(Tensor x, DoubleUnaryOperator f) {
    double[] in = x.data();
    double[] out = new double[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = f.applyAsDouble(in[i]);
    }
    return new Tensor(out, x.shapeRef());
  }

  /** Applies {@code f} pairwise after broadcasting both operands to their common shape. */
  static Tensor zip(Tensor a, Tensor b, DoubleBinaryOperator f) {
    double[] x = a.data();
    double[] y = b.data();
    if (Arrays.equals(a.shapeRef(), b.shapeRef())) {
      double[] out = new double[x.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = f.applyAsDouble(x[i], y[i]);
      }
      return new Tensor(out, a.shapeRef());
    }
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
    int[] sa = Shapes.broadcastStrides(a.shapeRef(), shape);
    int[] sb = Shapes.broadcastStrides(b.shapeRef(), shape);
    double[] out = new double[Shapes.allocationSize(shape)];
    // The odometer walk of Strided.offsets for both operands at once, without their offset arrays.
    int rank = shape.length;
    int[] counter = new int[rank];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(x[ia], y[ib]);
      for (int axis = rank - 1; axis >= 0; axis--) {
        ia += sa[axis];
        ib += sb[axis];
        if (++counter[axis] < shape[axis]) {
          break;
        }
        ia -= sa[axis] * shape[axis];
        ib -= sb[axis] * shape[axis];
        counter[axis] = 0;
      }
    }
    return new Tensor(out, shape);
  }

  /**
   * Applies {@code f} to triples after broadcasting the three operands together.
   *
   * @throws ShapeException of kind BROADCAST if the three shapes do not broadcast together
   */
  static Tensor zip3(Tensor a, Tensor b, Tensor c, Ternary f) {
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef(), c.shapeRef());
    double[] x = broadcastTo(a, shape).data();
    double[] y = broadcastTo(b, shape).data();
    double[] z = broadcastTo(c, shape).data();
    double[] out = new double[x.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.apply(x[i], y[i], z[i]);
    }
    return new Tensor(out, shape);
  }

  static Tensor add(Tensor a, Tensor b) {
    return zip(a, b, Double::sum);
  }

  static Tensor sub(Tensor a, Tensor b) {
    return zip(a, b, (x, y) -> x - y);
  }

  static Tensor mul(Tensor a, Tensor b) {
    return zip(a, b, (x, y) -> x * y);
  }

  static Tensor div(Tensor a, Tensor b) {
    return zip(a, b, (x, y) -> x / y);
  }

  static Tensor neg(Tensor a) {
    return map(a, v -> -v);
  }

  /** Materialises {@code x} broadcast to {@code shape} (which must be a broadcast of x's shape). */
  static Tensor broadcastTo(Tensor x, int[] shape) {
    if (Arrays.equals(x.shapeRef(), shape)) {
      return x;
    }
    return Strided.copy(x, 0, Shapes.broadcastStrides(x.shapeRef(), shape), shape);
  }
}
