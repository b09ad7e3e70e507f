package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;

/**
 * A node of the reverse-mode graph: a tensor value plus, for results of operations, a rule that pushes
 * the gradient of the objective back to the operands (micrograd style: each operation computes its
 * value and registers a closure that adds into its inputs' gradients).
 *
 * <p>All operations follow NumPy semantics (right-aligned broadcasting, negative axes, matmul's 1-D
 * promotion) and throw {@link ShapeException} when the shapes make them undefined. Binary operations
 * undo broadcasting in their gradients with one shared {@code unbroadcast}. Comparisons and
 * {@link #oneHot} give constants (no gradient). A graph is not thread-safe.
 */
public final class Var {

  private static final Var[] NONE = new Var[0];

  private final Tensor value;
  private final boolean requiresGrad;
  private final Var[] parents;
  private final GradRule rule;
  private final long createdAfterPass;
  private double[] gradBuffer;
  private Tensor grad;
  private long mark = -1;

  /** Pushes the gradient arriving at a node to that node's parents. */
  @FunctionalInterface
  private interface GradRule {
    void push(Tensor outGrad);
  }

  private Var(Tensor value, boolean requiresGrad, Var[] parents, GradRule rule) {
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.parents = parents;
    this.rule = rule;
    this.createdAfterPass = Backprop.passes();
  }

  /** A leaf that takes no gradient. */
  public static Var constant(Tensor t) {
    return new Var(t, false, NONE, null);
  }

  /** A leaf that requires a gradient. */
  public static Var parameter(Tensor t) {
    return new Var(t, true, NONE, null);
  }

  /** The result of an operation: it tracks gradients only when an operand does. */
  private static Var result(Tensor value, Var[] operands, GradRule rule) {
    for (Var v : operands) {
      if (v.requiresGrad) {
        return new Var(value, true, operands, rule);
      }
    }
    return constant(value);
  }

  /** The value. */
  public Tensor value() {
    return value;
  }

  /** Whether gradients flow into this node (a parameter, or a result depending on one). */
  public boolean requiresGrad() {
    return requiresGrad;
  }

  /**
   * The gradient of the objective of the latest {@link #backward} that reached this node, shaped like the
   * value; zeros if a backward pass has run since this node was created but did not reach it; null if no
   * backward pass has run since then.
   */
  public Tensor grad() {
    if (grad != null) {
      return grad;
    }
    return Backprop.passes() > createdAfterPass ? Tensor.zeros(value.shapeRef()) : null;
  }

  // ---- engine hooks (package-private, used by Backprop) ----

  Var[] parents() {
    return parents;
  }

  boolean isMarked(long pass) {
    return mark == pass;
  }

  void mark(long pass) {
    mark = pass;
  }

  void resetGrad() {
    gradBuffer = null;
  }

  void accumulate(Tensor g) {
    double[] src = g.data();
    if (gradBuffer == null) {
      gradBuffer = src.clone();
      return;
    }
    for (int i = 0; i < src.length; i++) {
      gradBuffer[i] += src[i];
    }
  }

  void propagate() {
    if (rule != null && gradBuffer != null) {
      rule.push(new Tensor(gradBuffer, value.shapeRef()));
    }
  }

  void publishGrad() {
    grad = gradBuffer == null ? Tensor.zeros(value.shapeRef()) : new Tensor(gradBuffer, value.shapeRef());
    gradBuffer = null;
  }

  /**
   * Computes gradients of this scalar (size-1) objective with respect to every node it depends on.
   * Each call computes fresh gradients (they do not accumulate across calls).
   *
   * @throws ShapeException of kind DOMAIN if this value has more than one element
   */
  public void backward() {
    if (value.size() != 1) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "backward: grad can be implicitly created only "
          + "for size-1 outputs, got shape " + value.shapeString() + "; pass an upstream gradient");
    }
    Backprop.run(this, Tensor.ones(value.shapeRef()));
  }

  /**
   * Computes gradients of the objective {@code sum(this * upstream)}.
   *
   * @throws ShapeException of kind DOMAIN if {@code upstream} does not have this value's shape
   */
  public void backward(Tensor upstream) {
    if (!Arrays.equals(upstream.shapeRef(), value.shapeRef())) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "backward: upstream shape "
          + upstream.shapeString() + " does not match output shape " + value.shapeString());
    }
    Backprop.run(this, upstream);
  }

  // ---- elementwise arithmetic ----

  /** Pushes {@code g} to a parent, summing away broadcast axes first (the one unbroadcast of every op). */
  private static void pushTo(Var parent, Tensor g) {
    if (parent.requiresGrad) {
      parent.accumulate(Reductions.unbroadcast(g, parent.value.shapeRef()));
    }
  }

  private Var binary(Var o, DoubleBinaryOperator f, UnaryOperator<Tensor> gradThis,
      UnaryOperator<Tensor> gradOther) {
    Tensor out = Elementwise.zip(value, o.value, f);
    return result(out, new Var[] {this, o}, g -> {
      if (requiresGrad) {
        pushTo(this, gradThis.apply(g));
      }
      if (o.requiresGrad) {
        pushTo(o, gradOther.apply(g));
      }
    });
  }

  private Var unary(Tensor out, UnaryOperator<Tensor> gradIn) {
    return result(out, new Var[] {this}, g -> pushTo(this, gradIn.apply(g)));
  }

  /** Elementwise {@code this + o} with broadcasting. */
  public Var add(Var o) {
    return binary(o, Double::sum, g -> g, g -> g);
  }

  /** Elementwise {@code this - o}, built as {@code this + (-o)} (bit-identical in IEEE 754). */
  public Var sub(Var o) {
    return add(o.neg());
  }

  /** Elementwise {@code this * o} with broadcasting. */
  public Var mul(Var o) {
    return binary(o, (a, b) -> a * b, g -> Elementwise.mul(g, o.value), g -> Elementwise.mul(g, value));
  }

  /** Elementwise {@code this / o} with broadcasting (IEEE semantics: division by zero gives inf or NaN). */
  public Var div(Var o) {
    return binary(o, (a, b) -> a / b, g -> Elementwise.div(g, o.value),
        g -> Elementwise.zip(Elementwise.mul(g, value), o.value, (ga, b) -> -ga / (b * b)));
  }

  /** Elementwise {@code -this}. */
  public Var neg() {
    return unary(Elementwise.map(value, v -> -v), g -> Elementwise.map(g, v -> -v));
  }

  /** Elementwise {@code this ** p} (StrictMath.pow; NaN where NumPy gives NaN). */
  public Var pow(double p) {
    Tensor out = Elementwise.map(value, v -> StrictMath.pow(v, p));
    if (p == 0) {
      return unary(out, g -> Elementwise.map(g, v -> 0.0));
    }
    return unary(out, g -> Elementwise.mul(g, Elementwise.map(value, v -> p * StrictMath.pow(v, p - 1))));
  }

  // ---- elementwise functions ----

  /** Elementwise {@code e^x}. */
  public Var exp() {
    Tensor out = Elementwise.map(value, StrictMath::exp);
    return unary(out, g -> Elementwise.mul(g, out));
  }

  /** Elementwise natural logarithm (NaN for negative inputs, -inf at 0, as NumPy). */
  public Var log() {
    return unary(Elementwise.map(value, StrictMath::log), g -> Elementwise.div(g, value));
  }

  /** Elementwise hyperbolic tangent. */
  public Var tanh() {
    Tensor out = Elementwise.map(value, StrictMath::tanh);
    return unary(out, g -> Elementwise.zip(g, out, (gv, y) -> gv * (1 - y * y)));
  }

  /** Elementwise logistic function {@code 1 / (1 + e^-x)}, evaluated without overflow. */
  public Var sigmoid() {
    Tensor out = Elementwise.map(value, Var::logistic);
    return unary(out, g -> Elementwise.zip(g, out, (gv, y) -> gv * y * (1 - y)));
  }

  private static double logistic(double x) {
    if (x >= 0) {
      return 1 / (1 + StrictMath.exp(-x));
    }
    double e = StrictMath.exp(x);
    return e / (1 + e);
  }

  /** Elementwise {@code max(x, 0)}; the gradient at 0 is 0. A kink for {@link GradCheck}. */
  public Var relu() {
    KinkProbe.signs(value);
    return unary(Elementwise.map(value, v -> v > 0 ? v : 0.0),
        g -> Elementwise.zip(g, value, (gv, x) -> x > 0 ? gv : 0.0));
  }

  /** Elementwise square root. */
  public Var sqrt() {
    Tensor out = Elementwise.map(value, StrictMath::sqrt);
    return unary(out, g -> Elementwise.zip(g, out, (gv, y) -> gv * 0.5 / y));
  }

  /** Elementwise absolute value; the gradient at 0 is 0 (NumPy's sign). A kink for {@link GradCheck}. */
  public Var abs() {
    KinkProbe.signs(value);
    return unary(Elementwise.map(value, Math::abs),
        g -> Elementwise.zip(g, value, (gv, x) -> x > 0 ? gv : x < 0 ? -gv : 0.0));
  }

  // ---- reductions ----

  /**
   * Sum over {@code axes} (null: all; negative axes count from the end), as NumPy's {@code sum}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var sum(int[] axes, boolean keepdims) {
    boolean[] reduced = Shapes.reducedAxes(axes, value.rank());
    Tensor out = Reductions.sum(value, reduced, keepdims);
    return unary(out, g -> expand(g, reduced));
  }

  /** Sum of all elements, a rank-0 result. */
  public Var sum() {
    return sum(null, false);
  }

  /**
   * Mean over {@code axes} (null: all), as NumPy's {@code mean}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var mean(int[] axes, boolean keepdims) {
    boolean[] reduced = Shapes.reducedAxes(axes, value.rank());
    int count = 1;
    for (int i = 0; i < reduced.length; i++) {
      count *= reduced[i] ? value.shapeRef()[i] : 1;
    }
    double n = count;
    Tensor out = Elementwise.map(Reductions.sum(value, reduced, keepdims), s -> s / n);
    return unary(out, g -> expand(Elementwise.map(g, v -> v / n), reduced));
  }

  /** Mean of all elements, a rank-0 result. */
  public Var mean() {
    return mean(null, false);
  }

  /**
   * Maximum over {@code axes} (null: all). The gradient is shared equally among tied maxima. A kink for
   * {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var max(int[] axes, boolean keepdims) {
    boolean[] reduced = Shapes.reducedAxes(axes, value.rank());
    Tensor kept = Reductions.max(value, reduced, true);
    Tensor isMax = Elementwise.zip(value, kept, (x, m) -> x == m ? 1.0 : 0.0);
    KinkProbe.mask(isMax);
    Tensor ties = Reductions.sum(isMax, reduced, true);
    Tensor out = kept.withShape(Shapes.reducedShape(value.shapeRef(), reduced, keepdims));
    return unary(out, g -> Elementwise.mul(isMax,
        Elementwise.div(g.withShape(ties.shapeRef()), ties)));
  }

  /** Broadcasts a reduced gradient back over the reduced axes. */
  private Tensor expand(Tensor g, boolean[] reduced) {
    Tensor kept = g.withShape(Shapes.keptShape(value.shapeRef(), reduced));
    return Elementwise.broadcastTo(kept, value.shapeRef());
  }

  // ---- linear algebra and layout ----

  /**
   * NumPy's {@code matmul}: 1-D operands are promoted (and the added axis removed from the result), batch
   * axes broadcast.
   *
   * @throws ShapeException of kind MATMUL for scalars, different inner dimensions or incompatible batches
   */
  public Var matmul(Var o) {
    Tensor out = MatMul.multiply(value, o.value);
    int[] pa = MatMul.promoteLeft(value.shapeRef());
    int[] pb = MatMul.promoteRight(o.value.shapeRef());
    Tensor a = value.withShape(pa);
    Tensor b = o.value.withShape(pb);
    return result(out, new Var[] {this, o}, g -> {
      Tensor gp = g.withShape(MatMul.outputShape(pa, pb));
      if (requiresGrad) {
        Tensor ga = Reductions.unbroadcast(MatMul.multiply(gp, Layout.swapLastTwo(b)), pa);
        accumulate(ga.withShape(value.shapeRef()));
      }
      if (o.requiresGrad) {
        Tensor gb = Reductions.unbroadcast(MatMul.multiply(Layout.swapLastTwo(a), gp), pb);
        o.accumulate(gb.withShape(o.value.shapeRef()));
      }
    });
  }

  /**
   * The same values in another shape; one dimension may be -1 (inferred).
   *
   * @throws ShapeException of kind RESHAPE if the element counts differ
   */
  public Var reshape(int... shape) {
    int[] to = Layout.resolveReshape(value.shapeRef(), shape);
    return unary(value.withShape(to), g -> g.withShape(value.shapeRef()));
  }

  /**
   * Permutes the axes: output axis {@code i} is input axis {@code axes[i]}; no axes reverses them.
   *
   * @throws ShapeException of kind AXIS if {@code axes} is not a permutation of this value's axes
   */
  public Var transpose(int... axes) {
    int[] perm = Layout.resolvePermutation(value.shapeRef(), axes);
    int[] inverse = Layout.invert(perm);
    return unary(Layout.transpose(value, perm), g -> Layout.transpose(g, inverse));
  }

  /** NumPy's {@code .T}: all axes reversed. */
  public Var T() {
    return transpose();
  }

  // ---- softmax family ----

  /**
   * Softmax along {@code axis}, stabilised by subtracting the maximum.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var softmax(int axis) {
    Tensor p = Softmax.softmax(value, axis);
    boolean[] reduced = Softmax.single(axis, value.rank());
    return unary(p, g -> {
      Tensor dot = Reductions.sum(Elementwise.mul(g, p), reduced, true);
      return Elementwise.mul(p, Elementwise.sub(g, dot));
    });
  }

  /**
   * Log-softmax along {@code axis}, computed as {@code (x - max) - log(sum(exp(x - max)))}.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var logSoftmax(int axis) {
    Tensor y = Softmax.logSoftmax(value, axis);
    boolean[] reduced = Softmax.single(axis, value.rank());
    return unary(y, g -> {
      Tensor total = Reductions.sum(g, reduced, true);
      return Elementwise.sub(g, Elementwise.mul(Elementwise.map(y, StrictMath::exp), total));
    });
  }

  /**
   * Mean cross-entropy of a batch: {@code -mean_i log_softmax(logits)[i, labels[i]]}.
   *
   * @param logits shape (B, K)
   * @param labels shape (B,), integer classes in [0, K)
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is not a class index
   */
  public static Var crossEntropy(Var logits, Tensor labels) {
    int[] s = logits.value.shapeRef();
    if (s.length != 2 || labels.rank() != 1 || labels.size() != s[0]) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "cross_entropy: expected logits (B, K) and labels"
          + " (B,), got logits " + Shapes.format(s) + " and labels " + labels.shapeString());
    }
    int batch = s[0];
    int classes = s[1];
    Tensor logp = Softmax.logSoftmax(logits.value, 1);
    double[] lp = logp.data();
    double total = 0;
    for (int i = 0; i < batch; i++) {
      total += lp[i * classes + Softmax.label(labels.data(), i, classes, "cross_entropy", labels)];
    }
    Tensor loss = Tensor.scalar(-total / batch);
    Tensor target = Softmax.oneHot(labels, classes);
    return result(loss, new Var[] {logits}, g -> {
      double scale = g.item() / batch;
      Tensor p = Elementwise.map(logp, StrictMath::exp);
      logits.accumulate(Elementwise.zip(p, target, (pv, t) -> (pv - t) * scale));
    });
  }

  /**
   * One-hot encoding: labels of any shape become {@code shape + (classes,)} of 0/1.
   *
   * @throws ShapeException of kind DOMAIN if a label is not an integer in {@code [0, classes)}
   */
  public static Tensor oneHot(Tensor labels, int classes) {
    return Softmax.oneHot(labels, classes);
  }

  // ---- constants ----

  /** A constant of ones shaped like {@code x}. */
  public static Var onesLike(Var x) {
    return constant(Tensor.ones(x.value.shapeRef()));
  }

  /** A constant of zeros shaped like {@code x}. */
  public static Var zerosLike(Var x) {
    return constant(Tensor.zeros(x.value.shapeRef()));
  }

  /** Elementwise {@code this == o} as a 0/1 constant, with broadcasting. */
  public Var eq(Var o) {
    return compare(o, (a, b) -> a == b);
  }

  /** Elementwise {@code this < o} as a 0/1 constant, with broadcasting. */
  public Var lt(Var o) {
    return compare(o, (a, b) -> a < b);
  }

  /** Elementwise {@code this > o} as a 0/1 constant, with broadcasting. */
  public Var gt(Var o) {
    return compare(o, (a, b) -> a > b);
  }

  /** Elementwise {@code this <= o} as a 0/1 constant, with broadcasting. */
  public Var le(Var o) {
    return compare(o, (a, b) -> a <= b);
  }

  /** Elementwise {@code this >= o} as a 0/1 constant, with broadcasting. */
  public Var ge(Var o) {
    return compare(o, (a, b) -> a >= b);
  }

  private interface DoublePredicate2 {
    boolean test(double a, double b);
  }

  private Var compare(Var o, DoublePredicate2 p) {
    Tensor out = Elementwise.zip(value, o.value, (a, b) -> p.test(a, b) ? 1.0 : 0.0);
    KinkProbe.mask(out);
    return constant(out);
  }

  @Override
  public String toString() {
    return (requiresGrad ? "Var(requires_grad, " : "Var(") + value + ")";
  }
}
