package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * The kernels of NumPy's square-matrix functions ({@code linalg.inv}, {@code linalg.det},
 * {@code linalg.solve}) on stacks of matrices {@code (..., n, n)}: an LU factorization with partial
 * pivoting per matrix, as LAPACK's {@code getrf} that NumPy calls, then substitution.
 *
 * <p>A matrix is singular when a pivot is exactly zero, NumPy's test for its {@code LinAlgError:
 * Singular matrix}; {@code inv} and {@code solve} then refuse with a {@link ShapeException} of kind
 * SINGULAR that says so (NumPy raises; PyTorch raises too), and {@code det} is 0.
 */
final class LinearSystems {

  private LinearSystems() {}

  /** One matrix's factors {@code P A = L U}, packed: U on and above the diagonal, L's multipliers below. */
  private static final class Lu {
    final int n;
    final double[] lu;
    final int[] rows;
    int sign = 1;
    boolean singular;

    Lu(double[] data, int offset, int n) {
      this.n = n;
      this.lu = Arrays.copyOfRange(data, offset, offset + n * n);
      this.rows = new int[n];
      for (int i = 0; i < n; i++) {
        rows[i] = i;
      }
      for (int k = 0; k < n; k++) {
        eliminate(k);
      }
    }

    /** Column k: the largest pivot below the diagonal moves up, the rows under it lose their multiple. */
    private void eliminate(int k) {
      int pivot = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(lu[i * n + k]) > Math.abs(lu[pivot * n + k])) {
          pivot = i;
        }
      }
      if (pivot != k) {
        swapRows(pivot, k);
      }
      double p = lu[k * n + k];
      if (p == 0) {
        singular = true;
        return; // as getrf: the column is already zero below the pivot, nothing to eliminate
      }
      for (int i = k + 1; i < n; i++) {
        double m = lu[i * n + k] / p;
        lu[i * n + k] = m;
        for (int j = k + 1; j < n; j++) {
          lu[i * n + j] -= m * lu[k * n + j];
        }
      }
    }

    private void swapRows(int a, int b) {
      for (int j = 0; j < n; j++) {
        double t = lu[a * n + j];
        lu[a * n + j] = lu[b * n + j];
        lu[b * n + j] = t;
      }
      int r = rows[a];
      rows[a] = rows[b];
      rows[b] = r;
      sign = -sign;
    }

    double determinant() {
      if (singular) {
        return 0;
      }
      double d = sign;
      for (int k = 0; k < n; k++) {
        d *= lu[k * n + k];
      }
      return d;
    }

    /** Solves {@code A x = b} for the k columns of {@code b} (n × k at {@code offset}) into {@code out}. */
    void solve(double[] b, int offset, int k, double[] out, int outOffset) {
      double[] y = new double[n];
      for (int c = 0; c < k; c++) {
        for (int i = 0; i < n; i++) {
          double s = b[offset + rows[i] * k + c];
          for (int j = 0; j < i; j++) {
            s -= lu[i * n + j] * y[j];
          }
          y[i] = s;
        }
        for (int i = n - 1; i >= 0; i--) {
          double s = y[i];
          for (int j = i + 1; j < n; j++) {
            s -= lu[i * n + j] * y[j];
          }
          y[i] = s / lu[i * n + i];
        }
        for (int i = 0; i < n; i++) {
          out[outOffset + i * k + c] = y[i];
        }
      }
    }
  }

  /**
   * The side {@code n} of a stack of square matrices.
   *
   * @throws ShapeException of kind DOMAIN for fewer than two axes or a last pair that is not square
   */
  static int side(String op, int[] shape) {
    if (shape.length < 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": " + shape.length + "-dimensional array given;"
          + " the array must be at least two-dimensional (a square matrix or a stack of them), got shape "
          + Shapes.format(shape));
    }
    int n = shape[shape.length - 1];
    if (shape[shape.length - 2] != n) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, op + ": the last 2 dimensions of the array must be"
          + " square, got shape " + Shapes.format(shape));
    }
    return n;
  }

  /** The determinant of each matrix of the stack: shape {@code (...)}. */
  static Tensor determinant(Tensor a) {
    int[] shape = a.shapeRef();
    int n = side("det", shape);
    int count = a.size() / Math.max(1, n * n);
    TensorLimitException.checkWork("det", work(count, n, 0));
    double[] out = new double[n == 0 ? Shapes.size(Arrays.copyOf(shape, shape.length - 2)) : count];
    if (n == 0) {
      Arrays.fill(out, 1); // the empty product, as NumPy and PyTorch
    }
    for (int m = 0; n > 0 && m < count; m++) {
      out[m] = new Lu(a.data(), m * n * n, n).determinant();
    }
    return new Tensor(out, Arrays.copyOf(shape, shape.length - 2));
  }

  /**
   * The inverse of each matrix of the stack.
   *
   * @throws ShapeException of kind DOMAIN when a matrix is singular
   */
  static Tensor inverse(Tensor a) {
    int[] shape = a.shapeRef();
    int n = side("inv", shape);
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1;
    }
    double[] out = new double[a.size()];
    TensorLimitException.checkWork("inv", work(a.size() / Math.max(1, n * n), n, n));
    for (int m = 0; n > 0 && m < a.size() / (n * n); m++) {
      factor("inv", a, shape, m, n).solve(identity, 0, n, out, m * n * n);
    }
    return new Tensor(out, shape.clone());
  }

  /**
   * {@code x} with {@code a x = b} for each matrix of the stacks {@code a (..., n, n)} and
   * {@code b (..., n, k)}, whose batch axes broadcast.
   *
   * @throws ShapeException of kind MATMUL when b's rows are not n, BROADCAST when the batch axes do not
   *     broadcast, DOMAIN when {@code a} is not square or a matrix is singular
   */
  static Tensor solve(Tensor a, Tensor b) {
    int[] as = a.shapeRef();
    int[] bs = b.shapeRef();
    int n = side("solve", as);
    if (bs.length < 2 || bs[bs.length - 2] != n) {
      throw new ShapeException(ShapeException.Kind.MATMUL, "solve: b must have " + n + " rows (A is "
          + Shapes.format(as) + "), got shape " + Shapes.format(bs));
    }
    int k = bs[bs.length - 1];
    int[] batch = Shapes.broadcast(Arrays.copyOf(as, as.length - 2), Arrays.copyOf(bs, bs.length - 2));
    Tensor ab = Elementwise.broadcastTo(a, with(batch, n, n));
    Tensor bb = Elementwise.broadcastTo(b, with(batch, n, k));
    TensorLimitException.checkWork("solve", work(Shapes.size(batch), n, k));
    double[] out = new double[Shapes.size(batch) * n * k];
    for (int m = 0; n > 0 && k > 0 && m < Shapes.size(batch); m++) {
      factor("solve", ab, ab.shapeRef(), m, n).solve(bb.data(), m * n * k, k, out, m * n * k);
    }
    return new Tensor(out, with(batch, n, k));
  }

  /**
   * The cofactor matrix of each matrix of the stack, {@code det(A) inv(A)ᵀ}, the gradient of det: from
   * the inverse where the matrix is invertible, and by definition (the signed determinants of its
   * minors) where it is singular, where the cofactors still exist.
   */
  static Tensor cofactors(Tensor a) {
    int[] shape = a.shapeRef();
    int n = side("det", shape);
    double[] out = new double[a.size()];
    for (int m = 0; n > 0 && m < a.size() / (n * n); m++) {
      int offset = m * n * n;
      Lu lu = new Lu(a.data(), offset, n);
      if (lu.singular) {
        // n² determinants of minors: refused before an absurd size makes it endless.
        TensorLimitException.checkWork("det's gradient at a singular matrix", (long) n * n * work(1, n - 1, 0));
        minors(a.data(), offset, n, out);
        continue;
      }
      double[] inverse = new double[n * n];
      double[] identity = new double[n * n];
      for (int i = 0; i < n; i++) {
        identity[i * n + i] = 1;
      }
      lu.solve(identity, 0, n, inverse, 0);
      double det = lu.determinant();
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          out[offset + i * n + j] = det * inverse[j * n + i];
        }
      }
    }
    return new Tensor(out, shape.clone());
  }

  /** The cofactors {@code (-1)^(i+j) det(minor ij)} of one singular matrix, written at {@code offset}. */
  private static void minors(double[] data, int offset, int n, double[] out) {
    if (n == 1) {
      out[offset] = 1;
      return;
    }
    double[] minor = new double[(n - 1) * (n - 1)];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int w = 0;
        for (int r = 0; r < n; r++) {
          for (int c = 0; c < n; c++) {
            if (r != i && c != j) {
              minor[w++] = data[offset + r * n + c];
            }
          }
        }
        double sign = (i + j) % 2 == 0 ? 1 : -1;
        out[offset + i * n + j] = sign * new Lu(minor, 0, n - 1).determinant();
      }
    }
  }

  /** Matrix m of a stack, factored; refused when it is singular. */
  private static Lu factor(String op, Tensor a, int[] shape, int m, int n) {
    Lu lu = new Lu(a.data(), m * n * n, n);
    if (lu.singular) {
      int[] batch = Arrays.copyOf(shape, shape.length - 2);
      String which = batch.length == 0 ? "the matrix" : "the matrix at batch index "
          + Arrays.toString(GradCheck.unravel(m, batch));
      throw new ShapeException(ShapeException.Kind.SINGULAR, op + ": " + which + " is singular (a zero pivot in"
          + " its LU factorization, NumPy's LinAlgError 'Singular matrix'): it has no inverse, so "
          + (op.equals("inv") ? "inv(A)" : "solve(A, b)") + " is undefined there; a matrix that is invertible on"
          + " every draw is, for instance, a random one plus n times the identity");
    }
    return lu;
  }

  /** The multiply-adds of factoring {@code count} matrices of side n and solving for {@code columns} each. */
  private static long work(long count, long n, long columns) {
    return count * (n * n * n / 3 + n * n * columns);
  }

  private static int[] with(int[] batch, int rows, int cols) {
    int[] out = Arrays.copyOf(batch, batch.length + 2);
    out[batch.length] = rows;
    out[batch.length + 1] = cols;
    return out;
  }
}
