package io.github.gradproof.autograd;

import io.github.gradproof.diag.Plural;
import java.util.Arrays;

/**
 * An immutable n-dimensional array of float64 values in row-major order. Rank 0 (a scalar) is allowed.
 *
 * <p>Equality is by shape and exact bits of every value ({@code -0.0 != 0.0}, {@code NaN == NaN}).
 * Factories copy their input; accessors return copies, so a tensor never changes after creation.
 */
public final class Tensor {

  /**
   * The most elements any tensor may have: ten times a quiz's largest sensible input, and small
   * enough (8 MB) that a typo in a dim cannot exhaust memory.
   */
  public static final int MAX_ELEMENTS = 1_000_000;

  /**
   * The most multiply-adds one matmul, einsum or convolution may take (a few seconds): inputs within
   * {@link #MAX_ELEMENTS} can still ask for 10^12 (an einsum of two unrelated matrices, a huge 1-D
   * kernel), which would never finish.
   */
  public static final long MAX_MULTIPLY_ADDS = 2_000_000_000L;


  private final double[] data;
  private final int[] shape;

  /** Wraps without copying; callers inside the package hand over ownership of {@code data}. */
  Tensor(double[] data, int[] shape) {
    this.data = data;
    this.shape = shape;
  }

  /** A rank-0 tensor holding {@code v}. */
  public static Tensor scalar(double v) {
    return new Tensor(new double[] {v}, new int[0]);
  }

  /**
   * A tensor of the given shape holding a copy of {@code data} in row-major order.
   *
   * @throws ShapeException of kind DOMAIN if a dimension is negative, RESHAPE if {@code data.length} is
   *     not the product of the dimensions
   */
  public static Tensor of(double[] data, int... shape) {
    int[] s = Shapes.checkShape(shape);
    int n = Shapes.size(s);
    if (data.length != n) {
      throw new ShapeException(ShapeException.Kind.RESHAPE, "cannot reshape " + Shapes.format(
          new int[] {data.length}) + " (" + Plural.count(data.length, "element") + ") into " + Shapes.format(s));
    }
    return new Tensor(Arrays.copyOf(data, data.length), s);
  }

  /** A rank-1 tensor of the given values. */
  public static Tensor vector(double... v) {
    return new Tensor(Arrays.copyOf(v, v.length), new int[] {v.length});
  }

  /**
   * A rank-2 tensor from nested rows.
   *
   * @throws ShapeException of kind RESHAPE if the rows differ in length
   */
  public static Tensor matrix(double[]... rows) {
    int cols = rows.length == 0 ? 0 : rows[0].length;
    double[] data = new double[rows.length * cols];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != cols) {
        throw new ShapeException(ShapeException.Kind.RESHAPE,
            "ragged rows: row 0 has " + Plural.count(cols, "value") + ", row " + i + " has " + rows[i].length);
      }
      System.arraycopy(rows[i], 0, data, i * cols, cols);
    }
    return new Tensor(data, new int[] {rows.length, cols});
  }

  /** A tensor of zeros. */
  public static Tensor zeros(int... shape) {
    return full(0.0, shape);
  }

  /** A tensor of ones. */
  public static Tensor ones(int... shape) {
    return full(1.0, shape);
  }

  /** A tensor with every element equal to {@code v}. */
  public static Tensor full(double v, int... shape) {
    int[] s = Shapes.checkShape(shape);
    double[] data = new double[Shapes.allocationSize(s)];
    Arrays.fill(data, v);
    return new Tensor(data, s);
  }

  /**
   * NumPy's {@code eye(n, m, k)}: an {@code (n, m)} matrix with ones on the k-th diagonal
   * ({@code a[i, i + k] = 1}) and zeros elsewhere.
   *
   * @throws ShapeException of kind DOMAIN if a dimension is negative
   */
  public static Tensor eye(int n, int m, int k) {
    Tensor t = zeros(n, m);
    for (int i = 0; i < n; i++) {
      long j = (long) i + k;
      if (j >= 0 && j < m) {
        t.data[i * m + (int) j] = 1.0;
      }
    }
    return t;
  }

  /**
   * NumPy's {@code arange(start, stop, step)}: {@code start + i * step} for
   * {@code i < ceil((stop - start) / step)} (empty when that is not positive).
   *
   * @throws ShapeException of kind DOMAIN if the step is 0 or a bound is not finite
   * @throws TensorLimitException if the result would be too large
   */
  public static Tensor arange(double start, double stop, double step) {
    if (step == 0 || !Double.isFinite(start) || !Double.isFinite(stop) || !Double.isFinite(step)) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "arange: start, stop and step must be finite and"
          + " the step nonzero, got arange(" + start + ", " + stop + ", " + step + ")");
    }
    double count = Math.ceil((stop - start) / step);
    if (count > Tensor.MAX_ELEMENTS) {
      long n = (long) Math.min(count, Integer.MAX_VALUE);
      throw new TensorLimitException(new int[] {(int) n}, n);
    }
    int n = (int) Math.max(count, 0);
    double[] data = new double[n];
    for (int i = 0; i < n; i++) {
      data[i] = start + i * step;
    }
    return new Tensor(data, new int[] {n});
  }

  /** A copy of the shape. */
  public int[] shape() {
    return Arrays.copyOf(shape, shape.length);
  }

  /** Number of axes (0 for a scalar). */
  public int rank() {
    return shape.length;
  }

  /** Number of elements. */
  public int size() {
    return data.length;
  }

  /**
   * The element at a multi-index; negative indices count from the end, as in NumPy.
   *
   * @throws IllegalArgumentException if the index count differs from the rank
   * @throws IndexOutOfBoundsException if an index is out of range
   */
  public double get(int... index) {
    return data[flatIndex(index)];
  }

  int flatIndex(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "expected " + Plural.count(shape.length, "index", "indices") + " for shape " + shapeString() + ", got "
              + index.length);
    }
    int flat = 0;
    for (int i = 0; i < index.length; i++) {
      int k = index[i] < 0 ? index[i] + shape[i] : index[i];
      if (k < 0 || k >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + index[i] + " is out of bounds for axis " + i + " with size " + shape[i]);
      }
      flat = flat * shape[i] + k;
    }
    return flat;
  }

  /**
   * The single value of a size-1 tensor of any rank.
   *
   * @throws ShapeException of kind RESHAPE if the tensor does not hold exactly one element
   */
  public double item() {
    if (data.length != 1) {
      throw new ShapeException(ShapeException.Kind.RESHAPE,
          "can only convert an array of size 1 to a scalar, got shape " + shapeString());
    }
    return data[0];
  }

  /**
   * {@code Σ this[i] · other[i]} over the elements in row-major order, added up from the first
   * (the weighted sum of an output by its upstream gradient), without copying either tensor.
   *
   * @throws ShapeException of kind BROADCAST if the two do not hold the same number of elements
   */
  public double sumOfProducts(Tensor other) {
    if (other.data.length != data.length) {
      throw new ShapeException(ShapeException.Kind.BROADCAST, "sum of products of " + data.length + " and "
          + other.data.length + " elements");
    }
    double s = 0;
    for (int i = 0; i < data.length; i++) {
      s += data[i] * other.data[i];
    }
    return s;
  }

  /** A copy of the values in row-major order. */
  public double[] toArray() {
    return Arrays.copyOf(data, data.length);
  }

  /** The shape in NumPy's tuple notation, e.g. {@code (3, 4)}. */
  public String shapeString() {
    return Shapes.format(shape);
  }

  /** Formats a shape in NumPy's tuple notation: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
  public static String shapeString(int[] shape) {
    return Shapes.format(shape);
  }

  /** The backing array, not copied: package code must never write to it. */
  double[] data() {
    return data;
  }

  /** The shape array, not copied: package code must never write to it. */
  int[] shapeRef() {
    return shape;
  }

  /** Same values, another shape of the same size (no copy of data: tensors are immutable). */
  Tensor withShape(int[] newShape) {
    return new Tensor(data, newShape);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Tensor)) {
      return false;
    }
    Tensor t = (Tensor) o;
    if (!Arrays.equals(shape, t.shape)) {
      return false;
    }
    for (int i = 0; i < data.length; i++) {
      if (Double.doubleToLongBits(data[i]) != Double.doubleToLongBits(t.data[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = Arrays.hashCode(shape);
    for (double v : data) {
      long bits = Double.doubleToLongBits(v);
      h = 31 * h + (int) (bits ^ (bits >>> 32));
    }
    return h;
  }

  /**
   * NumPy-like text: {@code array(2.5)}, {@code array([1.0, 2.0])}, {@code array([[1.0, 2.0], [3.0, 4.0]])}.
   * Values use Java's shortest round-trip decimal form, so the text identifies every bit.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("array(");
    if (shape.length == 0) {
      sb.append(data[0]);
    } else {
      appendNested(sb, 0, 0);
    }
    return sb.append(')').toString();
  }

  private int appendNested(StringBuilder sb, int axis, int offset) {
    sb.append('[');
    int pos = offset;
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      if (axis == shape.length - 1) {
        sb.append(data[pos++]);
      } else {
        pos = appendNested(sb, axis + 1, pos);
      }
    }
    sb.append(']');
    return pos;
  }
}
