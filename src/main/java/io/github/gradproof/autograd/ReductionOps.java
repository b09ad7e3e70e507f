package io.github.gradproof.autograd;

/**
 * The gradient table of reductions over axes (NumPy's {@code axis=}/{@code keepdims=}): sum, mean, max,
 * min, prod, var, std and SciPy's logsumexp.
 *
 * <p>Max and min route the whole gradient to the first extreme element of each slice in row-major order
 * (the element {@code argmax}/{@code argmin} names; NaN counts as the extreme), so tied maxima do not
 * share it; torch's amax and amin split it evenly among the ties instead. Prod's gradient is the product of the other elements of the slice, exact when some are 0.
 * Var and std use {@code ddof} as NumPy (0 by default) and divide by {@code max(n - ddof, 0)}; where the
 * std is 0 its gradient is 0 (PyTorch's choice at the kink of the square root).
 */
final class ReductionOps {

  private ReductionOps() {}

  /**
   * The axes a reduction removes and whether it keeps them as size 1.
   *
   * @param reduced mask over the input's axes
   * @param keepdims NumPy's keepdims
   * @param ddof delta degrees of freedom (var and std only)
   */
  record Reduce(boolean[] reduced, boolean keepdims, int ddof) {

    /**
     * Resolves NumPy-style axes (null: all; negative allowed) against a rank.
     *
     * @throws ShapeException of kind AXIS if an axis is out of range or repeated
     */
    static Reduce of(int[] axes, int rank, boolean keepdims) {
      return new Reduce(Shapes.reducedAxes(axes, rank), keepdims, 0);
    }

    Reduce withDdof(int d) {
      return new Reduce(reduced, keepdims, d);
    }

    /** How many input elements each output element summarises. */
    int count(int[] shape) {
      int n = 1;
      for (int i = 0; i < shape.length; i++) {
        n *= reduced[i] ? shape[i] : 1;
      }
      return n;
    }

    int[] outShape(int[] shape) {
      return Shapes.reducedShape(shape, reduced, keepdims);
    }

    /** Broadcasts a reduced tensor (any keepdims) back over the reduced axes of {@code shape}. */
    Tensor expand(Tensor t, int[] shape) {
      return Elementwise.broadcastTo(t.withShape(Shapes.keptShape(shape, reduced)), shape);
    }
  }

  static final Primitive<Reduce> SUM = Primitive.of("sum",
      (x, r) -> Reductions.sum(x[0], r.reduced(), r.keepdims()),
      (g, y, x, r) -> r.expand(g, x[0].shapeRef()));

  static final Primitive<Reduce> MEAN = Primitive.of("mean", (x, r) -> {
    double n = r.count(x[0].shapeRef());
    return Elementwise.map(Reductions.sum(x[0], r.reduced(), r.keepdims()), s -> s / n);
  }, (g, y, x, r) -> {
    double n = r.count(x[0].shapeRef());
    return r.expand(Elementwise.map(g, v -> v / n), x[0].shapeRef());
  });

  static final Primitive<Reduce> MAX = extreme("max", true);
  static final Primitive<Reduce> MIN = extreme("min", false);

  /** Max or min: the value of the first extreme element; the gradient goes to that element alone. */
  private static Primitive<Reduce> extreme(String name, boolean max) {
    return Primitive.<Reduce>of(name,
        (x, r) -> Strided.gather(x[0], Reductions.firstExtreme(x[0], r.reduced(), max), r.outShape(x[0].shapeRef())),
        (g, y, x, r) -> Strided.scatterAdd(g, Reductions.firstExtreme(x[0], r.reduced(), max), x[0].shapeRef()))
        .reporting((kinks, x, y, r) -> kinks.mask(Strided.scatterAdd(Tensor.ones(y.size()),
            Reductions.firstExtreme(x[0], r.reduced(), max), x[0].shapeRef())));
  }

  static final Primitive<Reduce> AMAX = evenExtreme("amax", true);
  static final Primitive<Reduce> AMIN = evenExtreme("amin", false);

  /**
   * torch's amax or amin: the extreme value; the gradient is split evenly among the elements equal to
   * it, {@code (g / count) · mask} as torch's backward computes it (NaN for a NaN slice, where no
   * element equals the result). Reports the mask of ties.
   */
  private static Primitive<Reduce> evenExtreme(String name, boolean max) {
    return Primitive.<Reduce>of(name,
        (x, r) -> Strided.gather(x[0], Reductions.firstExtreme(x[0], r.reduced(), max), r.outShape(x[0].shapeRef())),
        (g, y, x, r) -> {
          int[] shape = x[0].shapeRef();
          Tensor mask = ties(x[0], y, r);
          Tensor count = r.expand(Reductions.sum(mask, r.reduced(), true), shape);
          return Elementwise.zip3(r.expand(g, shape), count, mask, (gv, n, m) -> gv / n * m);
        })
        .reporting((kinks, x, y, r) -> kinks.mask(ties(x[0], y, r)));
  }

  /** 1 where an element equals its slice's extreme {@code y}, else 0. */
  private static Tensor ties(Tensor x, Tensor y, Reduce r) {
    return Elementwise.zip(x, r.expand(y, x.shapeRef()), (a, b) -> a == b ? 1 : 0);
  }

  static final Primitive<Reduce> PROD = Primitive.of("prod", (x, r) -> {
    Rows rows = Rows.of(x[0], r.reduced());
    double[] out = new double[rows.count()];
    for (int k = 0; k < out.length; k++) {
      double p = 1;
      for (int j = 0; j < rows.length(); j++) {
        p *= rows.data()[k * rows.length() + j];
      }
      out[k] = p;
    }
    return new Tensor(out, r.outShape(x[0].shapeRef()));
  }, (g, y, x, r) -> prodGrad(g, x[0], r));

  /** Each element's gradient is {@code g} times the product of the other elements of its slice. */
  private static Tensor prodGrad(Tensor g, Tensor x, Reduce r) {
    Rows rows = Rows.of(x, r.reduced());
    double[] v = rows.data();
    double[] gv = g.data();
    int n = rows.length();
    double[] out = new double[v.length];
    for (int k = 0; k < rows.count(); k++) {
      double before = 1;
      for (int j = 0; j < n; j++) {
        out[k * n + j] = before;
        before *= v[k * n + j];
      }
      double after = gv[k];
      for (int j = n - 1; j >= 0; j--) {
        out[k * n + j] *= after;
        after *= v[k * n + j];
      }
    }
    return rows.restore(out);
  }

  static final Primitive<Reduce> VAR = Primitive.of("var",
      (x, r) -> variance(x[0], r),
      (g, y, x, r) -> Elementwise.zip(r.expand(g, x[0].shapeRef()), deviations(x[0], r),
          (gv, d) -> gv * 2 * d / dof(x[0], r)));

  static final Primitive<Reduce> STD = Primitive.of("std",
      (x, r) -> Elementwise.map(variance(x[0], r), StrictMath::sqrt),
      (g, y, x, r) -> Elementwise.mul(
          Elementwise.zip(r.expand(g, x[0].shapeRef()), r.expand(y, x[0].shapeRef()), (gv, s) -> s == 0 ? 0 : gv / s),
          Elementwise.map(deviations(x[0], r), d -> d / dof(x[0], r))));

  /** NumPy's var: {@code sum(|x - mean|^2) / max(n - ddof, 0)}. */
  private static Tensor variance(Tensor x, Reduce r) {
    Tensor d = deviations(x, r);
    Tensor ss = Reductions.sum(Elementwise.mul(d, d), r.reduced(), r.keepdims());
    double n = dof(x, r);
    return Elementwise.map(ss, s -> s / n);
  }

  /** {@code x - mean(x)} over the reduced axes, shaped like x. */
  private static Tensor deviations(Tensor x, Reduce r) {
    double n = r.count(x.shapeRef());
    Tensor mean = Elementwise.map(Reductions.sum(x, r.reduced(), true), s -> s / n);
    return Elementwise.sub(x, mean);
  }

  private static double dof(Tensor x, Reduce r) {
    return Math.max(r.count(x.shapeRef()) - r.ddof(), 0);
  }

  /** SciPy's logsumexp, shifted by the (finite) maximum; gradient {@code g * exp(x - logsumexp)}. */
  static final Primitive<Reduce> LOGSUMEXP = Primitive.of("logsumexp", (x, r) -> {
    Tensor shift = Elementwise.map(Reductions.max(x[0], r.reduced(), true),
        m -> Double.isInfinite(m) ? 0.0 : m);
    Tensor total = Reductions.sum(Elementwise.map(Elementwise.sub(x[0], shift), StrictMath::exp),
        r.reduced(), true);
    Tensor out = Elementwise.zip(total, shift, (s, m) -> StrictMath.log(s) + m);
    return out.withShape(r.outShape(x[0].shapeRef()));
  }, (g, y, x, r) -> {
    int[] shape = x[0].shapeRef();
    Tensor weights = Elementwise.zip(x[0], r.expand(y, shape), (v, l) -> StrictMath.exp(v - l));
    return Elementwise.mul(r.expand(g, shape), weights);
  });
}
