package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * The gradient table of torch's {@code embedding}: a lookup of rows of a {@code (num_embeddings,
 * embedding_dim)} weight by integer indices of any shape, the output shaped {@code indices.shape +
 * (embedding_dim,)}. The weight's gradient scatters every output row back to the row it read and adds
 * repeated indices (torch's embedding_backward); the row {@code padding_idx} gets none, though the
 * forward reads it as any other. The indices get no gradient.
 *
 * <p>That zero is torch's choice, not the derivative, so a finite difference cannot confirm it: where a
 * padding row is read the op reports the row as ruled ({@link KinkRecorder#ruled}), so a gradient check
 * leaves the row's elements (and what they are computed from) out as it leaves out the two sides of a
 * kink, and checks every other row.
 */
final class Embedding {

  private Embedding() {}

  /**
   * How one call looks rows up.
   *
   * @param paddingIdx the row whose gradient is zero, in {@code [0, num_embeddings)}, or -1 for none
   */
  record Lookup(int paddingIdx) {}

  static final Primitive<Lookup> EMBEDDING = Primitive.<Lookup>of("embedding",
      (x, l) -> Strided.gather(x[0], sources(x[1], x[0]), outShape(x[1], x[0])),
      (g, y, x, l) -> withoutPadding(Strided.scatterAdd(g, sources(x[1], x[0]), x[0].shapeRef()), l),
      null)
      .ruling((x, y, l) -> new Tensor[] {reads(x[1], l.paddingIdx()) ? paddingRow(x[0], l.paddingIdx()) : null, null});

  /**
   * Runs the lookup, refusing what torch refuses, with torch's messages.
   *
   * @param paddingIdx null for none; negative counts from the end, as torch's
   */
  static Var apply(Tensor indices, Var weight, Integer paddingIdx) {
    int[] ws = weight.value().shapeRef();
    if (ws.length != 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "embedding: 'weight' must be 2-D, got shape "
          + Shapes.format(ws));
    }
    int pad = -1;
    if (paddingIdx != null) {
      if (paddingIdx >= ws[0] || paddingIdx < -ws[0]) {
        throw new ShapeException(ShapeException.Kind.DOMAIN, "embedding: padding_idx must be within num_embeddings"
            + " (" + ws[0] + "), got " + paddingIdx);
      }
      pad = paddingIdx < 0 ? paddingIdx + ws[0] : paddingIdx;
    }
    sources(indices, weight.value()); // checks every index before anything runs
    return EMBEDDING.apply(new Lookup(pad), weight, Var.constant(indices));
  }

  /** {@code indices.shape + (embedding_dim,)}. */
  static int[] outShape(Tensor indices, Tensor weight) {
    int[] s = indices.shapeRef();
    int[] out = Arrays.copyOf(s, s.length + 1);
    out[s.length] = weight.shapeRef()[1];
    return out;
  }

  /** The weight's flat offset each output element reads: row {@code indices[...]}, every column. */
  static int[] sources(Tensor indices, Tensor weight) {
    int rows = weight.shapeRef()[0];
    int dim = weight.shapeRef()[1];
    double[] ix = indices.data();
    int[] offsets = new int[Shapes.allocationSize(outShape(indices, weight))];
    for (int k = 0; k < ix.length; k++) {
      int row = row(ix[k], rows);
      for (int j = 0; j < dim; j++) {
        offsets[k * dim + j] = row * dim + j;
      }
    }
    return offsets;
  }

  private static int row(double v, int rows) {
    if (v != Math.rint(v)) {
      throw new ShapeException(ShapeException.Kind.INDEX, "embedding: the indices must be integers (torch wants"
          + " a Long or Int tensor), got " + v);
    }
    if (v < 0 || v >= rows) {
      throw new ShapeException(ShapeException.Kind.INDEX, "embedding: index " + (long) v
          + " is out of range for a weight of " + rows + " rows (torch: index out of range in self)");
    }
    return (int) v;
  }

  private static boolean reads(Tensor indices, int row) {
    for (double v : indices.data()) {
      if (v == row) {
        return true;
      }
    }
    return false;
  }

  /** 1 at the elements of row {@code row} of the weight, else 0. */
  private static Tensor paddingRow(Tensor weight, int row) {
    int dim = weight.shapeRef()[1];
    double[] mask = new double[weight.size()];
    Arrays.fill(mask, row * dim, (row + 1) * dim, 1);
    return new Tensor(mask, weight.shapeRef());
  }

  /** The weight's gradient with row {@code padding_idx} zeroed, as torch's backward leaves it. */
  private static Tensor withoutPadding(Tensor grad, Lookup l) {
    if (l.paddingIdx() < 0) {
      return grad;
    }
    int dim = grad.shapeRef()[1];
    Arrays.fill(grad.data(), l.paddingIdx() * dim, (l.paddingIdx() + 1) * dim, 0); // a fresh scatter: ours to change
    return grad;
  }
}
