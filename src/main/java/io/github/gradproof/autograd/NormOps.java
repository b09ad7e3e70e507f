package io.github.gradproof.autograd;

/**
 * The gradient table of the vector norm along axes: NumPy's {@code linalg.norm} of a vector,
 * {@code (Σ |x|^p)^(1/p)}, with its special orders ({@code ±inf}: the largest or smallest
 * magnitude, 0: the count of nonzero elements). The gradient is PyTorch's
 * {@code linalg.vector_norm} backward, case by case: 0 where the norm is 0 (p ≥ 1, so the 2-norm at
 * the origin gets 0), 0 at zero elements for p < 1, the sign for p = 1, an even share among tied
 * magnitudes for {@code ±inf}, and nothing for p = 0. Also PyTorch's cosine similarity, whose
 * floor of each norm at {@code eps} its gradient does not see.
 */
final class NormOps {

  private NormOps() {}

  /** The axes a norm reduces and its order {@code p} (any double, {@code ±inf} included). */
  record Norm(ReductionOps.Reduce reduce, double ord) {}

  static final Primitive<Norm> VECTOR_NORM = Primitive.<Norm>of("norm",
      (x, n) -> forward(x[0], n), (g, y, x, n) -> backward(g, y, x[0], n))
      .reporting((kinks, x, y, n) -> {
        kinks.signs(x[0]);
        if (Double.isInfinite(n.ord())) {
          kinks.mask(ties(x[0], y, n.reduce()));
        }
      });

  private static Tensor forward(Tensor x, Norm n) {
    if (Double.isInfinite(n.ord())) {
      Reductions.requireNonEmpty(x.shapeRef(), n.reduce().reduced(), "norm with ord=inf or -inf");
    }
    Rows rows = Rows.of(x, n.reduce().reduced());
    double[] out = new double[rows.count()];
    for (int k = 0; k < out.length; k++) {
      out[k] = rowNorm(rows.data(), k * rows.length(), rows.length(), n.ord());
    }
    return new Tensor(out, n.reduce().outShape(x.shapeRef()));
  }

  /** NumPy's norm of one row, as {@code linalg.norm} computes each order. */
  private static double rowNorm(double[] v, int from, int length, double p) {
    double acc = p == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY
        : p == Double.NEGATIVE_INFINITY ? Double.POSITIVE_INFINITY : 0;
    for (int j = from; j < from + length; j++) {
      double a = Math.abs(v[j]);
      acc = p == Double.POSITIVE_INFINITY ? Math.max(acc, a)
          : p == Double.NEGATIVE_INFINITY ? Math.min(acc, a)
          : p == 0 ? acc + (v[j] != 0 ? 1 : 0)
          : p == 1 ? acc + a
          : p == 2 ? acc + v[j] * v[j]
          : acc + StrictMath.pow(a, p);
    }
    if (Double.isInfinite(p) || p == 0 || p == 1) {
      return acc;
    }
    return p == 2 ? StrictMath.sqrt(acc) : StrictMath.pow(acc, 1 / p);
  }

  private static Tensor backward(Tensor g, Tensor y, Tensor x, Norm n) {
    int[] shape = x.shapeRef();
    double p = n.ord();
    double[] v = x.data();
    double[] norm = n.reduce().expand(y, shape).data();
    double[] up = n.reduce().expand(g, shape).data();
    double[] share = Double.isInfinite(p) ? tieShares(x, y, n.reduce()) : null;
    double[] out = new double[v.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = p == 0 ? 0 : up[i] * slope(v[i], norm[i], p, share == null ? 0 : share[i]);
    }
    return new Tensor(out, shape);
  }

  /** {@code d norm / d x} for one element {@code x} of a row whose norm is {@code norm}, PyTorch's way. */
  private static double slope(double x, double norm, double p, double share) {
    double sign = Math.signum(x);
    if (Double.isInfinite(p)) {
      return sign * share;
    } else if (p == 1) {
      return sign;
    } else if (p == 2) {
      return norm == 0 ? 0 : x / norm;
    } else if (p < 1) {
      return x == 0 ? 0 : sign * StrictMath.pow(Math.abs(x), p - 1) * StrictMath.pow(norm, 1 - p);
    }
    return norm == 0 ? 0 : sign * StrictMath.pow(Math.abs(x), p - 1) / StrictMath.pow(norm, p - 1);
  }

  /** 1 where an element's magnitude is its row's norm (±inf orders), else 0. */
  private static Tensor ties(Tensor x, Tensor y, ReductionOps.Reduce r) {
    return Elementwise.zip(x, r.expand(y, x.shapeRef()), (v, m) -> Math.abs(v) == m ? 1 : 0);
  }

  /** {@code 1 / (number of ties)} at each tied element, 0 elsewhere: the ties share the gradient evenly. */
  private static double[] tieShares(Tensor x, Tensor y, ReductionOps.Reduce r) {
    Tensor tied = ties(x, y, r);
    Tensor count = r.expand(Reductions.sum(tied, r.reduced(), r.keepdims()), x.shapeRef());
    return Elementwise.zip(tied, count, (t, c) -> t / c).data();
  }

  /** The axis ({@code dim}, of the operands' broadcast shape, not negative) and floor of a cosine similarity. */
  record Cosine(int dim, double eps) {}

  /**
   * torch's cosine_similarity (1.13): {@code Σ (x1 / n1) (x2 / n2)} along {@code dim} of the broadcast
   * operands, with {@code n = max(‖x‖, eps)}. PyTorch floors the squared norms in place without
   * recording it, so its gradient treats the floored norm as if it were the norm:
   * {@code dx1 = g (x2 - x1 w / n1²) / (n1 n2)} with {@code w = Σ x1 x2}, even where the floor applies.
   * There that rule is not the slope of the floored function (whose {@code n1} is the constant eps), so
   * each operand's elements in rows where its own norm is floored are reported as ruled
   * ({@link KinkRecorder#ruled}); the other operand's gradient is the slope there and stays checked.
   */
  static final Primitive<Cosine> COSINE_SIMILARITY = Primitive.<Cosine>of("cosine_similarity",
      (x, c) -> cosine(x[0], x[1], c, null, false),
      (g, y, x, c) -> cosine(x[0], x[1], c, g, false),
      (g, y, x, c) -> cosine(x[0], x[1], c, g, true))
      .ruling((x, y, c) -> new Tensor[] {belowEps(x[0], x[1], c, false), belowEps(x[0], x[1], c, true)});

  /** The similarity ({@code g} null), or the gradient of the first operand or ({@code second}) the second. */
  private static Tensor cosine(Tensor a, Tensor b, Cosine c, Tensor g, boolean second) {
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
    boolean[] along = new boolean[shape.length];
    along[c.dim()] = true;
    Rows x1 = Rows.of(Elementwise.broadcastTo(second ? b : a, shape), along);
    Rows x2 = Rows.of(Elementwise.broadcastTo(second ? a : b, shape), along);
    int n = x1.length();
    double[] out = new double[g == null ? x1.count() : x1.count() * n];
    for (int k = 0; k < x1.count(); k++) {
      double n1 = floored(x1.data(), k * n, n, c.eps());
      double n2 = floored(x2.data(), k * n, n, c.eps());
      double w = 0;
      double dot = 0;
      for (int j = k * n; j < (k + 1) * n; j++) {
        w += (x1.data()[j] / n1) * (x2.data()[j] / n2);
        dot += x1.data()[j] * x2.data()[j];
      }
      if (g == null) {
        out[k] = w;
        continue;
      }
      double scale = g.data()[k] / (n1 * n2);
      for (int j = k * n; j < (k + 1) * n; j++) {
        out[j] = scale * (x2.data()[j] - x1.data()[j] * dot / (n1 * n1));
      }
    }
    return g == null ? new Tensor(out, Shapes.reducedShape(shape, along, false)) : x1.restore(out);
  }

  /** {@code max(‖row‖, eps)}, as {@code sqrt(max(Σ v², eps²))}. */
  private static double floored(double[] v, int from, int length, double eps) {
    return StrictMath.sqrt(Math.max(squares(v, from, length), eps * eps));
  }

  private static double squares(double[] v, int from, int length) {
    double squares = 0;
    for (int j = from; j < from + length; j++) {
      squares += v[j] * v[j];
    }
    return squares;
  }

  /**
   * 1 at the elements of the first operand (or, {@code second}, the second) that lie in a row whose
   * norm {@link #floored} raises to eps ({@code Σ v² < eps²}), else 0; shaped like that operand (an
   * element broadcast over several rows counts when any of them is floored).
   */
  private static Tensor belowEps(Tensor a, Tensor b, Cosine c, boolean second) {
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
    boolean[] along = new boolean[shape.length];
    along[c.dim()] = true;
    Tensor own = second ? b : a;
    Rows rows = Rows.of(Elementwise.broadcastTo(own, shape), along);
    int n = rows.length();
    double[] out = new double[rows.count() * n];
    for (int k = 0; k < rows.count(); k++) {
      if (squares(rows.data(), k * n, n) < c.eps() * c.eps()) {
        java.util.Arrays.fill(out, k * n, (k + 1) * n, 1);
      }
    }
    return Elementwise.map(Reductions.unbroadcast(rows.restore(out), own.shapeRef()), v -> v > 0 ? 1 : 0);
  }
}
