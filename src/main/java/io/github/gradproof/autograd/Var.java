package io.github.gradproof.autograd;

import java.util.Arrays;

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
  /** Where the operations computed from this node report their branches (see {@link KinkRecorder}). */
  private final KinkRecorder kinks;
  private double[] gradBuffer;
  private Tensor grad;
  /** The backward pass that visited this node last (a token of that pass). */
  private Object mark;

  /** Pushes the gradient arriving at a node to that node's operands. */
  @FunctionalInterface
  interface GradRule {
    void push(Tensor outGrad);
  }

  private Var(Tensor value, boolean requiresGrad, Var[] parents, GradRule rule, KinkRecorder kinks) {
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.parents = parents;
    this.rule = rule;
    this.kinks = kinks;
  }

  /** A leaf that takes no gradient. */
  public static Var constant(Tensor t) {
    return new Var(t, false, NONE, null, KinkRecorder.NONE);
  }

  /** A leaf that requires a gradient. */
  public static Var parameter(Tensor t) {
    return new Var(t, true, NONE, null, KinkRecorder.NONE);
  }

  /**
   * A constant leaf whose operations, and the operations of every node computed from it, report the
   * branches they take to {@code kinks} (what {@link GradCheck} gives the function it checks).
   */
  public static Var recording(Tensor t, KinkRecorder kinks) {
    return new Var(t, false, NONE, null, kinks);
  }

  /**
   * The recorder the branches of an operation on {@code operands} go to: the first operand's that
   * records, else {@link KinkRecorder#NONE}. An operation that branches reports through it, e.g.
   * {@code Var.kinks(x).signs(x.value())}.
   */
  static KinkRecorder kinks(Var... operands) {
    for (Var v : operands) {
      if (v.kinks.active()) {
        return v.kinks;
      }
    }
    return KinkRecorder.NONE;
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
   * value; null if no backward pass has reached it. (The {@link Gradients} a pass returns also answer for
   * the nodes it did not reach: zeros.)
   */
  public Tensor grad() {
    return grad;
  }

  // ---- engine hooks (package-private, used by Backprop) ----

  Var[] parents() {
    return parents;
  }

  boolean isMarked(Object pass) {
    return mark == pass;
  }

  void mark(Object pass) {
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

  Tensor publishGrad() {
    grad = gradBuffer == null ? Tensor.zeros(value.shapeRef()) : new Tensor(gradBuffer, value.shapeRef());
    gradBuffer = null;
    return grad;
  }

  /**
   * Computes gradients of this scalar (size-1) objective with respect to every node it depends on.
   * Each call computes fresh gradients (they do not accumulate across calls).
   *
   * @return the gradients of this pass (also published to the nodes it reached, see {@link #grad()})
   * @throws ShapeException of kind DOMAIN if this value has more than one element
   */
  public Gradients backward() {
    if (value.size() != 1) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "backward: grad can be implicitly created only "
          + "for size-1 outputs, got shape " + value.shapeString() + "; pass an upstream gradient");
    }
    return Backprop.run(this, Tensor.ones(value.shapeRef()));
  }

  /**
   * Computes gradients of the objective {@code sum(this * upstream)}.
   *
   * @return the gradients of this pass (also published to the nodes it reached, see {@link #grad()})
   * @throws ShapeException of kind DOMAIN if {@code upstream} does not have this value's shape
   */
  public Gradients backward(Tensor upstream) {
    if (!Arrays.equals(upstream.shapeRef(), value.shapeRef())) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "backward: upstream shape "
          + upstream.shapeString() + " does not match output shape " + value.shapeString());
    }
    return Backprop.run(this, upstream);
  }

  // ---- operations (values and gradient rules live in PointwiseOps, ReductionOps, ShapeOps) ----

  /** Creates the result of an operation: it tracks gradients only when an operand does. */
  static Var result(Tensor value, Var[] operands, GradRule rule) {
    KinkRecorder recorder = kinks(operands);
    for (Var v : operands) {
      if (v.requiresGrad) {
        return new Var(value, true, operands, rule, recorder);
      }
    }
    return new Var(value, false, NONE, null, recorder);
  }

  /** A constant computed from {@code operands} (a comparison's mask): it keeps their recorder. */
  static Var constantOf(Tensor value, Var... operands) {
    return new Var(value, false, NONE, null, kinks(operands));
  }

  /** Pushes {@code g} to an operand, summing away broadcast axes first: the one unbroadcast of every op. */
  static void pushTo(Var operand, Tensor g) {
    if (operand.requiresGrad) {
      operand.accumulate(Reductions.unbroadcast(g, operand.value.shapeRef()));
    }
  }

  /**
   * Elementwise {@code this + o} with broadcasting.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var add(Var o) {
    return PointwiseOps.add(this, o);
  }

  /** Elementwise {@code this - o}, built as {@code this + (-o)} (bit-identical in IEEE 754). */
  public Var sub(Var o) {
    return add(o.neg());
  }

  /**
   * Elementwise {@code this * o} with broadcasting.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var mul(Var o) {
    return PointwiseOps.mul(this, o);
  }

  /**
   * Elementwise {@code this / o} with broadcasting (IEEE: x/0 gives inf or NaN).
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var div(Var o) {
    return PointwiseOps.div(this, o);
  }

  /** Elementwise {@code -this}. */
  public Var neg() {
    return PointwiseOps.neg(this);
  }

  /** Elementwise {@code this ** p} via StrictMath.pow (NaN where NumPy gives NaN, e.g. (-1) ** 0.5). */
  public Var pow(double p) {
    return PointwiseOps.pow(this, p);
  }

  /** Elementwise {@code e^x}. */
  public Var exp() {
    return PointwiseOps.exp(this);
  }

  /** Elementwise natural logarithm (NaN for negative inputs, -inf at 0, as NumPy). */
  public Var log() {
    return PointwiseOps.log(this);
  }

  /** Elementwise hyperbolic tangent. */
  public Var tanh() {
    return PointwiseOps.tanh(this);
  }

  /** Elementwise logistic function {@code 1 / (1 + e^-x)}, evaluated without overflow. */
  public Var sigmoid() {
    return PointwiseOps.sigmoid(this);
  }

  /** Elementwise {@code max(x, 0)}; the gradient at 0 is 0. A kink for {@link GradCheck}. */
  public Var relu() {
    return PointwiseOps.relu(this);
  }

  /** Elementwise square root. */
  public Var sqrt() {
    return PointwiseOps.sqrt(this);
  }

  /** Elementwise absolute value; the gradient at 0 is 0 (NumPy's sign). A kink for {@link GradCheck}. */
  public Var abs() {
    return PointwiseOps.abs(this);
  }

  /**
   * Sum over {@code axes} (null: all; negative axes count from the end; empty: none), as NumPy's {@code sum}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var sum(int[] axes, boolean keepdims) {
    return ReductionOps.sum(this, axes, keepdims);
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
    return ReductionOps.mean(this, axes, keepdims);
  }

  /** Mean of all elements, a rank-0 result. */
  public Var mean() {
    return mean(null, false);
  }

  /**
   * Maximum over {@code axes} (null: all), NaN-propagating. The gradient is shared equally among tied
   * maxima. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var max(int[] axes, boolean keepdims) {
    return ReductionOps.max(this, axes, keepdims);
  }

  /**
   * NumPy's {@code matmul}: 1-D operands are promoted (and the added axis removed from the result), batch
   * axes broadcast.
   *
   * @throws ShapeException of kind MATMUL for scalars, different inner dimensions or incompatible batches
   */
  public Var matmul(Var o) {
    return ShapeOps.matmul(this, o);
  }

  /**
   * The same values in another shape; one dimension may be -1 (inferred).
   *
   * @throws ShapeException of kind RESHAPE if the element counts differ or more than one -1 is given
   */
  public Var reshape(int... shape) {
    return ShapeOps.reshape(this, shape);
  }

  /**
   * Permutes the axes: output axis {@code i} is input axis {@code axes[i]} (negative allowed); no axes
   * reverses them.
   *
   * @throws ShapeException of kind AXIS if {@code axes} is not a permutation of this value's axes
   */
  public Var transpose(int... axes) {
    return ShapeOps.transpose(this, axes);
  }

  /** NumPy's {@code .T}: all axes reversed (a no-op on rank 0 and 1). */
  public Var T() {
    return transpose();
  }

  /**
   * Softmax along {@code axis}, stabilised by subtracting the maximum.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var softmax(int axis) {
    return ReductionOps.softmax(this, axis);
  }

  /**
   * Log-softmax along {@code axis}, computed as {@code (x - max) - log(sum(exp(x - max)))}.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var logSoftmax(int axis) {
    return ReductionOps.logSoftmax(this, axis);
  }

  /**
   * Mean cross-entropy of a batch: {@code -mean_i log_softmax(logits)[i, labels[i]]}.
   *
   * @param logits shape (B, K)
   * @param labels shape (B,), integer classes in [0, K); never differentiated
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is not a class index
   */
  public static Var crossEntropy(Var logits, Tensor labels) {
    return ReductionOps.crossEntropy(logits, labels);
  }

  /**
   * One-hot encoding: labels of any shape become {@code shape + (classes,)} of 0/1.
   *
   * @throws ShapeException of kind DOMAIN if a label is not an integer in {@code [0, classes)}
   */
  public static Tensor oneHot(Tensor labels, int classes) {
    return Softmax.oneHot(labels, classes);
  }

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
    return PointwiseOps.compare(this, o, (a, b) -> a == b);
  }

  /** Elementwise {@code this < o} as a 0/1 constant, with broadcasting. */
  public Var lt(Var o) {
    return PointwiseOps.compare(this, o, (a, b) -> a < b);
  }

  /** Elementwise {@code this > o} as a 0/1 constant, with broadcasting. */
  public Var gt(Var o) {
    return PointwiseOps.compare(this, o, (a, b) -> a > b);
  }

  /** Elementwise {@code this <= o} as a 0/1 constant, with broadcasting. */
  public Var le(Var o) {
    return PointwiseOps.compare(this, o, (a, b) -> a <= b);
  }

  /** Elementwise {@code this >= o} as a 0/1 constant, with broadcasting. */
  public Var ge(Var o) {
    return PointwiseOps.compare(this, o, (a, b) -> a >= b);
  }

  @Override
  public String toString() {
    return (requiresGrad ? "Var(requires_grad, " : "Var(") + value + ")";
  }
}
