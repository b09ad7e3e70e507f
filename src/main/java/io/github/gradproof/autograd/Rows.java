package io.github.gradproof.autograd;

/**
 * A tensor seen as rows: the reduced axes moved last (in their order) and flattened, so each output
 * element of a reduction owns one contiguous row, visited in NumPy's row-major order. Used by reductions
 * that need a whole slice at once (prod's gradient, cumsum, argmax).
 */
final class Rows {

  private final double[] data;
  private final int count;
  private final int length;
  private final int[] permuted;
  private final int[] inverse;

  private Rows(double[] data, int count, int length, int[] permuted, int[] inverse) {
    this.data = data;
    this.count = count;
    this.length = length;
    this.permuted = permuted;
    this.inverse = inverse;
  }

  /** The rows of {@code x} along the masked axes. */
  static Rows of(Tensor x, boolean[] reduced) {
    int[] shape = x.shapeRef();
    int[] perm = new int[shape.length];
    int j = 0;
    int length = 1;
    for (int i = 0; i < shape.length; i++) {
      if (!reduced[i]) {
        perm[j++] = i;
      }
    }
    for (int i = 0; i < shape.length; i++) {
      if (reduced[i]) {
        perm[j++] = i;
        length *= shape[i];
      }
    }
    Tensor t = Layout.transpose(x, perm);
    int count = length == 0 ? Shapes.size(Shapes.keptShape(shape, reduced)) : t.size() / length;
    return new Rows(t.data(), count, length, t.shapeRef(), Layout.invert(perm));
  }

  /** The values, row after row; row {@code r} starts at {@code r * length()}. */
  double[] data() {
    return data;
  }

  /** How many rows (output elements). */
  int count() {
    return count;
  }

  /** How many values per row. */
  int length() {
    return length;
  }

  /** Puts values laid out like {@link #data()} back into the original tensor's axis order. */
  Tensor restore(double[] values) {
    return Layout.transpose(new Tensor(values, permuted), inverse);
  }
}
