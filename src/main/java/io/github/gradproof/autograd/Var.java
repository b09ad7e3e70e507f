package io.github.gradproof.autograd;

import java.util.Arrays;

/**
 * A node of the reverse-mode graph: a tensor value plus, for results of operations, a rule that pushes
 * the gradient of the objective back to the operands. Every operation is a row of the gradient table
 * ({@code Primitive}: a forward kernel on tensors and one vector-Jacobian product per operand, HIPS
 * autograd style); this class holds the graph and spells the operations as NumPy methods.
 *
 * <p>All operations follow NumPy semantics (right-aligned broadcasting, negative axes, matmul's 1-D
 * promotion, NaN propagation) and throw {@link ShapeException} when the shapes make them undefined.
 * Binary operations undo broadcasting in their gradients with one shared {@code unbroadcast}.
 * Comparisons, {@link #argmax}, {@link #argmin} and {@link #oneHot} give constants (no gradient). The
 * choices at ties and kinks are documented per method and in docs/CLAIMS.md ("Engine rules"). A graph
 * is not thread-safe.
 */
public final class Var {

  private static final Var[] NONE = new Var[0];

  private final Tensor value;
  private final boolean requiresGrad;
  private final Var[] parents;
  private final GradRule rule;
  /** Where the operations computed from this node report their branches (see {@link KinkRecorder}). */
  private final KinkRecorder kinks;
  /** Moves every value computed from this node a little, or null (see {@link RoundingProbe}). */
  private final RoundingProbe probe;
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
    this(value, requiresGrad, parents, rule, kinks, null);
  }

  private Var(Tensor value, boolean requiresGrad, Var[] parents, GradRule rule, KinkRecorder kinks,
      RoundingProbe probe) {
    this.value = value;
    this.requiresGrad = requiresGrad;
    this.parents = parents;
    this.rule = rule;
    this.kinks = kinks;
    this.probe = probe;
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
   * A leaf that carries {@code probe}: every operation computed from it, and every gradient a backward
   * pass pushes through those operations, is moved a little ({@link RoundingProbe}). Its own value is
   * {@code t} as given.
   */
  public static Var probed(Tensor t, boolean requiresGrad, RoundingProbe probe) {
    return probed(t, requiresGrad, probe, KinkRecorder.NONE);
  }

  /** {@link #probed(Tensor, boolean, RoundingProbe)}, whose operations also report their branches to {@code kinks}. */
  public static Var probed(Tensor t, boolean requiresGrad, RoundingProbe probe, KinkRecorder kinks) {
    return new Var(t, requiresGrad, NONE, null, kinks, probe);
  }

  /** The probe of the first operand that carries one, or null. */
  static RoundingProbe probe(Var... operands) {
    for (Var v : operands) {
      if (v.probe != null) {
        return v.probe;
      }
    }
    return null;
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
      gradBuffer = Arrays.copyOf(src, src.length);
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

  // ---- operations: forward kernels and gradient rules live in the *Ops tables (see Primitive) ----

  /** Creates the result of an operation: it tracks gradients only when an operand does. */
  static Var result(Tensor value, Var[] operands, GradRule rule) {
    KinkRecorder recorder = kinks(operands);
    RoundingProbe probe = probe(operands);
    for (Var v : operands) {
      if (v.requiresGrad) {
        return new Var(value, true, operands, rule, recorder, probe);
      }
    }
    return new Var(value, false, NONE, null, recorder, probe);
  }

  /** A constant computed from {@code operands} (a comparison's mask): it keeps their recorder. */
  static Var constantOf(Tensor value, Var... operands) {
    return new Var(value, false, NONE, null, kinks(operands), probe(operands));
  }

  /** Pushes {@code g} to an operand, summing away broadcast axes first: the one unbroadcast of every op. */
  static void pushTo(Var operand, Tensor g) {
    if (operand.requiresGrad) {
      operand.accumulate(Reductions.unbroadcast(g, operand.value.shapeRef()));
    }
  }

  private static Var scalarConstant(double v) {
    return constant(Tensor.scalar(v));
  }

  /**
   * Elementwise {@code this + o} with broadcasting.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var add(Var o) {
    return PointwiseOps.ADD.call(this, o);
  }

  /**
   * Elementwise {@code this - o} with broadcasting.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var sub(Var o) {
    return PointwiseOps.SUB.call(this, o);
  }

  /**
   * Elementwise {@code this * o} with broadcasting.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var mul(Var o) {
    return PointwiseOps.MUL.call(this, o);
  }

  /**
   * Elementwise {@code this / o} with broadcasting (IEEE: x/0 gives inf or NaN).
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var div(Var o) {
    return PointwiseOps.DIV.call(this, o);
  }

  /** Elementwise {@code -this}. */
  public Var neg() {
    return PointwiseOps.NEG.call(this);
  }

  /** Elementwise {@code this ** p} via StrictMath.pow (NaN where NumPy gives NaN, e.g. (-1) ** 0.5). */
  public Var pow(double p) {
    return PointwiseOps.POW_SCALAR.apply(p, this);
  }

  /**
   * Elementwise {@code this ** exponent} with broadcasting; both operands get gradients (where the base
   * is 0 and the exponent is not negative, the exponent's gradient is 0, as in PyTorch).
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var pow(Var exponent) {
    return PointwiseOps.POW.call(this, exponent);
  }

  /** Elementwise {@code e^x}. */
  public Var exp() {
    return PointwiseOps.EXP.call(this);
  }

  /** Elementwise natural logarithm (NaN for negative inputs, -inf at 0, as NumPy). */
  public Var log() {
    return PointwiseOps.LOG.call(this);
  }

  /** Elementwise {@code log(1 + x)}, accurate for small x. */
  public Var log1p() {
    return PointwiseOps.LOG1P.call(this);
  }

  /** Elementwise base-2 logarithm (exact at powers of two; NaN for negative inputs, -inf at 0, as NumPy). */
  public Var log2() {
    return PointwiseOps.LOG2.call(this);
  }

  /** Elementwise base-10 logarithm (exact at powers of ten; NaN below 0, -inf at 0); its slope is {@code 1 / (x ln 10)}. */
  public Var log10() {
    return PointwiseOps.LOG10.call(this);
  }

  /** Elementwise {@code 1 / sqrt(x)} (torch.rsqrt: inf at 0, NaN below); its slope is {@code -1 / (2 x^1.5)}. */
  public Var rsqrt() {
    return PointwiseOps.RSQRT.call(this);
  }

  /** Elementwise error function {@code 2/sqrt(pi) ∫_0^x e^{-t²} dt} (SciPy's erf). */
  public Var erf() {
    return PointwiseOps.ERF.call(this);
  }

  /** Elementwise hyperbolic cosine. */
  public Var cosh() {
    return PointwiseOps.COSH.call(this);
  }

  /** Elementwise hyperbolic sine. */
  public Var sinh() {
    return PointwiseOps.SINH.call(this);
  }

  /** torch's silu (swish): {@code x · sigmoid(x)}. */
  public Var silu() {
    return PointwiseOps.SILU.call(this);
  }

  /** torch's logsigmoid: {@code log(sigmoid(x)) = min(x, 0) - log1p(e^-|x|)}, without overflow. */
  public Var logsigmoid() {
    return PointwiseOps.LOGSIGMOID.call(this);
  }

  /**
   * torch's gelu: {@code x Φ(x) = x/2 (1 + erf(x/√2))}, or with {@code tanh} its approximation
   * {@code x/2 (1 + tanh(√(2/π) (x + 0.044715 x³)))} ({@code approximate='tanh'}).
   */
  public Var gelu(boolean tanh) {
    return (tanh ? PointwiseOps.GELU_TANH : PointwiseOps.GELU).call(this);
  }

  /**
   * NumPy's logaddexp with broadcasting: {@code log(e^x + e^o)} without overflow.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var logaddexp(Var o) {
    return PointwiseOps.LOGADDEXP.call(this, o);
  }

  /** torch's selu constant alpha (1.6732632423543772848170429916717). */
  public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
  /** torch's selu constant scale (1.0507009873554804934193349852946). */
  public static final double SELU_SCALE = 1.0507009873554804934193349852946;

  /**
   * torch's elu: {@code x} for {@code x > 0}, else {@code alpha (e^x - 1)}; the slope at 0 is alpha (the
   * negative branch's, as PyTorch). A kink for {@link GradCheck}.
   */
  public Var elu(double alpha) {
    return ActivationOps.ELU.apply(new double[] {alpha, 1, 1}, this);
  }

  /** torch's selu: {@code scale · elu(x, alpha)} with the fixed {@link #SELU_ALPHA} and {@link #SELU_SCALE}. */
  public Var selu() {
    return ActivationOps.ELU.apply(new double[] {SELU_ALPHA, SELU_SCALE, 1}, this);
  }

  /**
   * torch's celu: {@code max(0, x) + min(0, alpha (e^{x/alpha} - 1))}; the slope at 0 is 1.
   *
   * @throws ShapeException of kind DOMAIN if alpha is 0 (PyTorch: "alpha cannot be 0 for CELU")
   */
  public Var celu(double alpha) {
    if (alpha == 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "celu: alpha cannot be 0 for CELU");
    }
    return ActivationOps.ELU.apply(new double[] {alpha, 1, 1 / alpha}, this);
  }

  /**
   * torch's hardtanh: {@code min(max(x, minVal), maxVal)}; the gradient passes strictly between the
   * bounds (none at them). A kink for {@link GradCheck}.
   */
  public Var hardtanh(double minVal, double maxVal) {
    return ActivationOps.HARDTANH.apply(new double[] {minVal, maxVal}, this);
  }

  /** torch's hardsigmoid: {@code min(max(x + 3, 0), 6) / 6}; no gradient at ±3. A kink for {@link GradCheck}. */
  public Var hardsigmoid() {
    return ActivationOps.HARDSIGMOID.call(this);
  }

  /** torch's hardswish: {@code x · hardsigmoid(x)}; slopes -1/2 at -3 and 3/2 at 3, as PyTorch. A kink. */
  public Var hardswish() {
    return ActivationOps.HARDSWISH.call(this);
  }

  /** torch's softsign: {@code x / (1 + |x|)}. */
  public Var softsign() {
    return ActivationOps.SOFTSIGN.call(this);
  }

  /** torch's mish: {@code x · tanh(softplus(x))}. */
  public Var mish() {
    return ActivationOps.MISH.call(this);
  }

  /** Elementwise tangent (radians); its slope is {@code 1 + tan²}. */
  public Var tan() {
    return TrigOps.TAN.call(this);
  }

  /** Elementwise inverse tangent, in (-π/2, π/2). */
  public Var arctan() {
    return TrigOps.ARCTAN.call(this);
  }

  /** Elementwise inverse sine, in [-π/2, π/2]; NaN outside [-1, 1] (its slope is infinite at ±1). */
  public Var arcsin() {
    return TrigOps.ARCSIN.call(this);
  }

  /** Elementwise inverse cosine, in [0, π]; NaN outside [-1, 1] (its slope is infinite at ±1). */
  public Var arccos() {
    return TrigOps.ARCCOS.call(this);
  }

  /**
   * NumPy's arctan2 with broadcasting: the angle of the point {@code (x, this)} in (-π, π], signed zeros
   * as IEEE's atan2; the gradient is NaN at the origin, as PyTorch's.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var arctan2(Var x) {
    return TrigOps.ARCTAN2.call(this, x);
  }

  /** Elementwise {@code 1 / x} (inf at 0, as NumPy); its slope is {@code -1/x²}. */
  public Var reciprocal() {
    return PointwiseOps.RECIPROCAL.call(this);
  }

  /** Elementwise floor; its gradient is 0 (PyTorch's). A jump for {@link GradCheck}. */
  public Var floor() {
    return StepOps.FLOOR.call(this);
  }

  /** Elementwise ceiling; its gradient is 0 (PyTorch's). A jump for {@link GradCheck}. */
  public Var ceil() {
    return StepOps.CEIL.call(this);
  }

  /** Elementwise rounding toward zero; its gradient is 0 (PyTorch's). A jump for {@link GradCheck}. */
  public Var trunc() {
    return StepOps.TRUNC.call(this);
  }

  /**
   * NumPy's round to {@code decimals} places (negative: tens, hundreds, ...), halves to even; its
   * gradient is 0 (PyTorch's). A jump for {@link GradCheck}.
   */
  public Var round(int decimals) {
    return StepOps.ROUND.apply(decimals, this);
  }

  /**
   * Python's {@code this % o} (NumPy's remainder, torch.remainder) with broadcasting: the result has the
   * divisor's sign; NaN where the divisor is 0. The dividend's gradient is the upstream, the divisor's
   * {@code -floor(this / o)} times it. A jump for {@link GradCheck}.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var remainder(Var o) {
    return StepOps.REMAINDER.call(this, o);
  }

  /**
   * C's fmod (NumPy's and torch's) with broadcasting: the result has the dividend's sign. The divisor's
   * gradient is {@code -trunc(this / o)} times the upstream. A jump for {@link GradCheck}.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var fmod(Var o) {
    return StepOps.FMOD.call(this, o);
  }

  /** Elementwise hyperbolic tangent. */
  public Var tanh() {
    return PointwiseOps.TANH.call(this);
  }

  /** Elementwise sine (radians). */
  public Var sin() {
    return PointwiseOps.SIN.call(this);
  }

  /** Elementwise cosine (radians). */
  public Var cos() {
    return PointwiseOps.COS.call(this);
  }

  /** Elementwise {@code x * x}. */
  public Var square() {
    return PointwiseOps.SQUARE.call(this);
  }

  /** Elementwise logistic function {@code 1 / (1 + e^-x)}, evaluated without overflow. */
  public Var sigmoid() {
    return PointwiseOps.SIGMOID.call(this);
  }

  /**
   * Elementwise {@code log(1 + e^x)} (torch's softplus with beta 1), computed as
   * {@code max(x, 0) + log1p(e^-|x|)}: exact for every x, where PyTorch returns x itself above 20 (the two
   * differ by less than 2.1e-9 there). Its gradient is {@code sigmoid(x)}.
   */
  public Var softplus() {
    return PointwiseOps.SOFTPLUS.call(this);
  }

  /** Elementwise {@code max(x, 0)}; the gradient at 0 is 0. A kink for {@link GradCheck}. */
  public Var relu() {
    return PointwiseOps.RELU.call(this);
  }

  /**
   * torch's leaky_relu: {@code x} where {@code x > 0}, else {@code negativeSlope * x}; the gradient at 0 is
   * the slope (as PyTorch). A kink for {@link GradCheck}.
   */
  public Var leakyRelu(double negativeSlope) {
    return PointwiseOps.LEAKY_RELU.apply(negativeSlope, this);
  }

  /** Elementwise square root. */
  public Var sqrt() {
    return PointwiseOps.SQRT.call(this);
  }

  /** Elementwise absolute value; the gradient at 0 is 0 (NumPy's sign). A kink for {@link GradCheck}. */
  public Var abs() {
    return PointwiseOps.ABS.call(this);
  }

  /** Elementwise sign (-1, 0 or 1; NaN stays NaN); its gradient is 0. A jump for {@link GradCheck}. */
  public Var sign() {
    return PointwiseOps.SIGN.call(this);
  }

  /**
   * NumPy's maximum with broadcasting (NaN-propagating). Where the operands are equal each gets half the
   * gradient (PyTorch's rule). A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var maximum(Var o) {
    return PointwiseOps.MAXIMUM.call(this, o);
  }

  /**
   * NumPy's minimum with broadcasting (NaN-propagating); equal operands split the gradient in half. A
   * kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible
   */
  public Var minimum(Var o) {
    return PointwiseOps.MINIMUM.call(this, o);
  }

  /**
   * NumPy's clip, {@code minimum(maximum(x, lo), hi)}, with broadcasting; a null bound is absent. As
   * torch.clamp, x gets the gradient where {@code lo <= x <= hi}, lo where {@code x < lo < hi}, hi where
   * {@code x > hi} or {@code hi < lo}. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind BROADCAST if the shapes are not broadcast-compatible, DOMAIN if both
   *     bounds are null (as NumPy)
   */
  public Var clip(Var lo, Var hi) {
    if (lo == null && hi == null) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "clip: one of lo and hi must be given");
    }
    Var low = lo == null ? scalarConstant(Double.NEGATIVE_INFINITY) : lo;
    Var high = hi == null ? scalarConstant(Double.POSITIVE_INFINITY) : hi;
    return PointwiseOps.CLIP.call(this, low, high);
  }

  /**
   * Sum over {@code axes} (null: all; negative axes count from the end; empty: none), as NumPy's {@code sum}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var sum(int[] axes, boolean keepdims) {
    return ReductionOps.SUM.apply(reduce(axes, keepdims), this);
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
    return ReductionOps.MEAN.apply(reduce(axes, keepdims), this);
  }

  /** Mean of all elements, a rank-0 result. */
  public Var mean() {
    return mean(null, false);
  }

  /**
   * Maximum over {@code axes} (null: all), NaN-propagating. The gradient goes to the first maximal element
   * of each slice in row-major order (the one {@link #argmax} names), not shared among ties. A kink for
   * {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var max(int[] axes, boolean keepdims) {
    return ReductionOps.MAX.apply(reduce(axes, keepdims), this);
  }

  /**
   * torch's amax over {@code axes} (null: all): the maximum, with the gradient split evenly among the
   * elements equal to it. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var amax(int[] axes, boolean keepdims) {
    return ReductionOps.AMAX.apply(reduce(axes, keepdims), this);
  }

  /**
   * torch's amin over {@code axes} (null: all): the minimum, with the gradient split evenly among the
   * elements equal to it. A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var amin(int[] axes, boolean keepdims) {
    return ReductionOps.AMIN.apply(reduce(axes, keepdims), this);
  }

  /**
   * Minimum over {@code axes} (null: all), NaN-propagating; the gradient goes to the first minimal element
   * (the one {@link #argmin} names). A kink for {@link GradCheck}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var min(int[] axes, boolean keepdims) {
    return ReductionOps.MIN.apply(reduce(axes, keepdims), this);
  }

  /**
   * Product over {@code axes} (null: all), as NumPy's {@code prod}; the gradient of each element is the
   * product of the others in its slice (exact when some are 0).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var prod(int[] axes, boolean keepdims) {
    return ReductionOps.PROD.apply(reduce(axes, keepdims), this);
  }

  /**
   * Variance over {@code axes} (null: all) with NumPy's default {@code ddof = 0}: {@code mean(|x - mean|^2)}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var var(int[] axes, boolean keepdims) {
    return var(axes, keepdims, 0);
  }

  /**
   * Variance with {@code ddof}: {@code sum(|x - mean|^2) / max(n - ddof, 0)} (inf or NaN when that is 0).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var var(int[] axes, boolean keepdims, int ddof) {
    return ReductionOps.VAR.apply(reduce(axes, keepdims).withDdof(ddof), this);
  }

  /**
   * Standard deviation over {@code axes} (null: all), {@code ddof = 0} as NumPy. Its gradient is
   * {@code (x - mean) / (n·std)}, and 0 where the std is 0 (as PyTorch).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var std(int[] axes, boolean keepdims) {
    return std(axes, keepdims, 0);
  }

  /**
   * Standard deviation with {@code ddof}, the square root of {@link #var(int[], boolean, int)}.
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var std(int[] axes, boolean keepdims, int ddof) {
    return ReductionOps.STD.apply(reduce(axes, keepdims).withDdof(ddof), this);
  }

  /**
   * SciPy's {@code logsumexp} over {@code axes} (null: all), shifted by the maximum so it never overflows;
   * gradient {@code exp(x - logsumexp)}.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN when reducing an empty axis
   */
  public Var logsumexp(int[] axes, boolean keepdims) {
    return ReductionOps.LOGSUMEXP.apply(reduce(axes, keepdims), this);
  }

  private ReductionOps.Reduce reduce(int[] axes, boolean keepdims) {
    return ReductionOps.Reduce.of(axes, value.rank(), keepdims);
  }

  /**
   * NumPy's argmax: the index of the first maximum along {@code axis}, or in the flattened array when
   * {@code axis} is null; NaN counts as the maximum. A constant of integer values.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN for an empty axis
   */
  public Var argmax(Integer axis, boolean keepdims) {
    return constantOf(ScanOps.argExtreme(value, axis, keepdims, true, kinks), this);
  }

  /**
   * NumPy's argmin: the index of the first minimum along {@code axis} (null: flattened). A constant.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN for an empty axis
   */
  public Var argmin(Integer axis, boolean keepdims) {
    return constantOf(ScanOps.argExtreme(value, axis, keepdims, false, kinks), this);
  }

  /**
   * NumPy's cumsum along {@code axis}, or over the flattened array (a 1-D result) when it is null.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var cumsum(Integer axis) {
    if (axis != null) {
      Shapes.normalizeAxis(axis, value.rank());
    }
    return ScanOps.CUMSUM.apply(axis, this);
  }

  /**
   * NumPy's {@code matmul}: 1-D operands are promoted (and the added axis removed from the result), batch
   * axes broadcast.
   *
   * @throws ShapeException of kind MATMUL for scalars, different inner dimensions or incompatible batches
   */
  public Var matmul(Var o) {
    return LinalgOps.MATMUL.call(this, o);
  }

  /**
   * The same values in another shape; one dimension may be -1 (inferred).
   *
   * @throws ShapeException of kind RESHAPE if the element counts differ or more than one -1 is given
   */
  public Var reshape(int... shape) {
    return ShapeOps.RESHAPE.apply(Layout.resolveReshape(value.shapeRef(), shape), this);
  }

  /**
   * torch.flatten: axes {@code startDim} to {@code endDim} (inclusive, negative allowed) joined into one,
   * a reshape; a rank-0 value becomes shape {@code (1,)}, as in PyTorch.
   *
   * @throws ShapeException of kind AXIS if a dim is out of range (for rank 0: other than 0 and -1),
   *     DOMAIN if {@code startDim} comes after {@code endDim}
   */
  public Var flatten(int startDim, int endDim) {
    int[] shape = value.shapeRef();
    int rank = Math.max(shape.length, 1);
    int start = Shapes.normalizeAxis(startDim, rank);
    int end = Shapes.normalizeAxis(endDim, rank);
    if (start > end) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "flatten: start_dim " + startDim
          + " cannot come after end_dim " + endDim);
    }
    if (shape.length == 0) {
      return reshape(1);
    }
    int[] out = new int[shape.length - (end - start)];
    for (int i = 0; i < out.length; i++) {
      out[i] = i < start ? shape[i] : i == start ? -1 : shape[i + end - start];
    }
    return reshape(out);
  }

  /**
   * Permutes the axes: output axis {@code i} is input axis {@code axes[i]} (negative allowed); no axes
   * reverses them.
   *
   * @throws ShapeException of kind AXIS if {@code axes} is not a permutation of this value's axes
   */
  public Var transpose(int... axes) {
    return ShapeOps.TRANSPOSE.apply(Layout.resolvePermutation(value.shapeRef(), axes), this);
  }

  /**
   * torch.permute: output axis {@code i} is input axis {@code dims[i]} (negative allowed); unlike
   * {@link #transpose}, every axis must be named (no dims is only the permutation of a scalar).
   *
   * @throws ShapeException of kind AXIS if {@code dims} is not a permutation of this value's axes
   */
  public Var permute(int... dims) {
    if (dims.length != value.rank()) {
      throw new ShapeException(ShapeException.Kind.AXIS, "permute: the number of dims " + dims.length
          + " of " + Shapes.format(dims) + " does not match the rank of the input " + value.shapeString());
    }
    return dims.length == 0 ? this : transpose(dims);
  }

  /**
   * NumPy's swapaxes, torch.transpose(input, dim0, dim1): axes {@code a} and {@code b} exchanged
   * (negative allowed; the same axis twice leaves the value as it is).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range
   */
  public Var swapaxes(int a, int b) {
    int rank = value.rank();
    int first = Shapes.normalizeAxis(a, rank);
    int second = Shapes.normalizeAxis(b, rank);
    int[] perm = new int[rank];
    for (int i = 0; i < rank; i++) {
      perm[i] = i == first ? second : i == second ? first : i;
    }
    return transpose(perm);
  }

  /**
   * numpy.moveaxis (torch.movedim): axes {@code source} moved to positions {@code destination} (negative
   * allowed), the other axes keeping their order; a transpose, whose gradient moves them back.
   *
   * @throws ShapeException of kind DOMAIN if the two differ in length, AXIS for an axis out of range or repeated
   */
  public Var moveaxis(int[] source, int[] destination) {
    return Diagonals.moveaxis(this, source, destination);
  }

  /**
   * torch.unsqueeze: a size-1 axis inserted at {@code dim} of the result ({@code -rank - 1 <= dim <= rank}).
   *
   * @throws ShapeException of kind AXIS if {@code dim} is out of range
   */
  public Var unsqueeze(int dim) {
    return expandDims(dim);
  }

  /**
   * NumPy's tile (torch.tile): each axis repeated whole {@code reps[i]} times, the shape and {@code reps}
   * aligned at the right (the shorter padded with ones in front); the gradient adds up the copies.
   *
   * @throws ShapeException of kind DOMAIN for a negative repetition
   */
  public Var tile(int... reps) {
    return ShapeOps.INDEX.apply(Repetition.tile(value.shapeRef(), reps), this);
  }

  /**
   * NumPy's repeat (torch.repeat_interleave): each element along {@code axis} (null: of the flattened
   * value) {@code counts[j]} times in a row, one count for all or one per element; the gradient adds up
   * the copies.
   *
   * @throws ShapeException of kind AXIS for a bad axis, DOMAIN for counts that are negative, not integers
   *     or neither one nor one per element
   */
  public Var repeat(double[] counts, Integer axis) {
    return ShapeOps.INDEX.apply(Repetition.repeat(value.shapeRef(), counts, axis), this);
  }

  /** NumPy's {@code .T}: all axes reversed (a no-op on rank 0 and 1). */
  public Var T() {
    return transpose();
  }

  /**
   * torch.Tensor.t: a matrix transposed, a vector or scalar as it is.
   *
   * @throws ShapeException of kind AXIS for more than 2 axes, as PyTorch refuses them
   */
  public Var t() {
    if (value.rank() > 2) {
      throw new ShapeException(ShapeException.Kind.AXIS, "t() expects a tensor with <= 2 dimensions, but the input "
          + value.shapeString() + " has " + value.rank());
    }
    return transpose();
  }

  /**
   * torch.Tensor.mT: the last two axes swapped (each matrix of a batch transposed).
   *
   * @throws ShapeException of kind AXIS for fewer than 2 axes, as PyTorch refuses them
   */
  public Var mT() {
    if (value.rank() < 2) {
      throw new ShapeException(ShapeException.Kind.AXIS, "mT needs a matrix or a batch of matrices, but the input "
          + value.shapeString() + " has " + value.rank() + (value.rank() == 1 ? " dimension" : " dimensions"));
    }
    return swapaxes(-2, -1);
  }

  /**
   * torch.Tensor.detach: the same value as a constant, through which no gradient flows back.
   */
  public Var detach() {
    return constant(value);
  }

  /**
   * NumPy's expand_dims: inserts size-1 axes at {@code axes}, positions in the result (negative allowed).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range for the result or repeated
   */
  public Var expandDims(int... axes) {
    return ShapeOps.RESHAPE.apply(Layout.expandedShape(value.shapeRef(), axes), this);
  }

  /**
   * NumPy's squeeze: removes the size-1 axes listed (null: every size-1 axis).
   *
   * @throws ShapeException of kind AXIS for a bad axis or one whose size is not 1
   */
  public Var squeeze(int[] axes) {
    return ShapeOps.RESHAPE.apply(Layout.squeezedShape(value.shapeRef(), axes), this);
  }

  /**
   * NumPy's broadcast_to; the gradient sums over the broadcast axes.
   *
   * @throws ShapeException of kind BROADCAST if this shape cannot be broadcast to {@code shape}
   */
  public Var broadcastTo(int... shape) {
    return ShapeOps.BROADCAST_TO.apply(Arrays.copyOf(shape, shape.length), this);
  }

  /**
   * NumPy's flip: reverses the order along {@code axes} (null: all axes).
   *
   * @throws ShapeException of kind AXIS if an axis is out of range or repeated
   */
  public Var flip(int[] axes) {
    return ShapeOps.FLIP.apply(Shapes.reducedAxes(axes, value.rank()), this);
  }

  /**
   * NumPy's tril: zeros above the k-th diagonal of the last two axes (a 1-D input gives a square matrix).
   *
   * @throws ShapeException of kind DOMAIN for a scalar
   */
  public Var tril(int k) {
    return ShapeOps.TRIANGLE.apply(new ShapeOps.Triangle(true, k), this);
  }

  /**
   * NumPy's triu: zeros below the k-th diagonal of the last two axes.
   *
   * @throws ShapeException of kind DOMAIN for a scalar
   */
  public Var triu(int k) {
    return ShapeOps.TRIANGLE.apply(new ShapeOps.Triangle(false, k), this);
  }

  /**
   * NumPy's trace: the sum of {@code a[i, i + offset]} over the first two axes; a 2-D input gives a
   * scalar, higher ranks an array of the remaining axes.
   *
   * @throws ShapeException of kind DOMAIN if the rank is below 2
   */
  public Var trace(int offset) {
    return ShapeOps.TRACE.apply(offset, this);
  }

  /**
   * numpy.diagonal: the elements {@code x[..., i, i + offset]} of axes {@code axis1} and {@code axis2},
   * which are removed, the diagonal appended as the last axis; the gradient scatters back onto it.
   *
   * @throws ShapeException of kind DOMAIN for rank below 2 or one axis twice, AXIS for an axis out of range
   */
  public Var diagonal(int offset, int axis1, int axis2) {
    return Diagonals.diagonal(this, offset, axis1, axis2);
  }

  /**
   * numpy.diag: a vector on diagonal {@code k} of a square matrix of zeros, or a matrix's diagonal
   * {@code k}; the gradient reads the diagonal back, or scatters onto it.
   *
   * @throws ShapeException of kind DOMAIN for a rank other than 1 and 2
   */
  public Var diag(int k) {
    return Diagonals.diag(this, k);
  }

  /**
   * NumPy indexing {@code x[items]}: integers, slices, None, an ellipsis and integer arrays (see
   * {@link Index}). The gradient scatters back and adds up repeated indices.
   *
   * @throws ShapeException of kind INDEX if an index does not fit this value's shape
   */
  public Var index(java.util.List<Index> items) {
    return ShapeOps.INDEX.apply(Indexing.resolve(value.shapeRef(), items), this);
  }

  /**
   * Softmax along {@code axis}, stabilised by subtracting the maximum.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var softmax(int axis) {
    Softmax.single(axis, value.rank());
    return LossOps.SOFTMAX.apply(axis, this);
  }

  /**
   * Log-softmax along {@code axis}, computed as {@code (x - max) - log(sum(exp(x - max)))}.
   *
   * @throws ShapeException of kind AXIS if the axis is out of range
   */
  public Var logSoftmax(int axis) {
    Softmax.single(axis, value.rank());
    return LossOps.LOG_SOFTMAX.apply(axis, this);
  }

  /**
   * Mean cross-entropy of a batch: {@code -mean_i log_softmax(logits)[i, labels[i]]}.
   *
   * @param logits shape (B, K)
   * @param labels shape (B,), integer classes in [0, K); never differentiated
   * @throws ShapeException of kind DOMAIN if the shapes do not fit or a label is not a class index
   */
  public static Var crossEntropy(Var logits, Tensor labels) {
    return LossOps.CROSS_ENTROPY.call(logits, constant(labels));
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

  /** Elementwise {@code this != o} as a 0/1 constant, with broadcasting (NaN != NaN is 1, as NumPy). */
  public Var ne(Var o) {
    return PointwiseOps.compare(this, o, (a, b) -> a != b);
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
