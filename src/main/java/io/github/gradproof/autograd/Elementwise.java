package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Elementwise tensor arithmetic with NumPy broadcasting, on plain tensors (no gradients). */
final class Elementwise {

  private Elementwise() {}

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
    int[] counter = new int[shape.length];
    int ia = 0;
    int ib = 0;
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(x[ia], y[ib]);
      // Advance the multi-index like an odometer, keeping both operand offsets in step.
      for (int axis = shape.length - 1; axis >= 0; axis--) {
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

  /** Materialises {@code x} broadcast to {@code shape} (which must be a broadcast of x's shape). */
  static Tensor broadcastTo(Tensor x, int[] shape) {
    if (Arrays.equals(x.shapeRef(), shape)) {
      return x;
    }
    return zip(x, new Tensor(new double[Shapes.allocationSize(shape)], shape), (v, zero) -> v);
  }
}
