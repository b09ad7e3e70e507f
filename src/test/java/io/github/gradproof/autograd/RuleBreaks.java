package io.github.gradproof.autograd;

import static io.github.gradproof.autograd.EveryRuleBrokenTest.breaks;
import static io.github.gradproof.autograd.EveryRuleBrokenTest.scenario;

/**
 * The deliberate breaks of {@link EveryRuleBrokenTest}: for every op of the gradient table, the golden case
 * it runs on and at least one meaningful way to get each operand's rule wrong. Every rule is also
 * broken by flipping its sign (except sign's, whose correct rule is 0).
 */
final class RuleBreaks {

  private RuleBreaks() {}

  static final EveryRuleBrokenTest.Break FLIP_SIGN = (r, g, y, x, p) -> Elementwise.neg(r.apply(g, y, x, p));

  static void register() {
    elementwise();
    deepLearning();
    attention();
    norms();
    regressionLosses();
    classLosses();
    steps();
    binary();
    reductions();
    shapes();
    products();
    networks();
  }

  private static void elementwise() {
    for (String op : new String[] {"neg", "exp", "log", "log1p", "sqrt", "square", "sin", "cos", "tanh",
        "sigmoid", "softplus", "relu", "abs", "sign"}) {
      scenario(op, op.equals("neg") ? "negative" : op, "(3, 4)");
      if (!op.equals("sign")) {
        breaks(op, -1, "flip the sign", FLIP_SIGN);
      }
    }
    breaks("exp", 0, "drop the factor e^x", (r, g, y, x, p) -> g);
    breaks("log", 0, "multiply by x instead of dividing", (r, g, y, x, p) -> Elementwise.mul(g, x[0]));
    breaks("log1p", 0, "drop the 1 (divide by x)", (r, g, y, x, p) -> Elementwise.div(g, x[0]));
    breaks("sqrt", 0, "drop the 1/2", (r, g, y, x, p) -> scale(r.apply(g, y, x, p), 2));
    breaks("square", 0, "drop the 2", (r, g, y, x, p) -> Elementwise.mul(g, x[0]));
    breaks("sin", 0, "sin instead of cos", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("cos", 0, "cos instead of -sin", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("tanh", 0, "1 - y instead of 1 - y^2",
        (r, g, y, x, p) -> Elementwise.mul(g, Elementwise.map(y, v -> 1 - v)));
    breaks("sigmoid", 0, "drop the factor 1 - y", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("softplus", 0, "the value instead of the slope", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("relu", 0, "pass the gradient everywhere", (r, g, y, x, p) -> g);
    breaks("abs", 0, "drop the sign", (r, g, y, x, p) -> g);
    breaks("sign", 0, "pass the gradient (the true slope is 0)", (r, g, y, x, p) -> g);
    scenario("pow(x, constant)", "power_scalar", "(3, 4) ** 3.0");
    breaks("pow(x, constant)", -1, "flip the sign", FLIP_SIGN);
    breaks("pow(x, constant)", 0, "keep the exponent (p x^p)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> (Double) p * StrictMath.pow(v, (Double) p))));
    scenario("leaky_relu", "leaky_relu", "(3, 4)");
    breaks("leaky_relu", -1, "flip the sign", FLIP_SIGN);
    breaks("leaky_relu", 0, "drop the negative slope (relu's rule)",
        (r, g, y, x, p) -> PointwiseOps.chain(g, x[0], y, (v, w) -> v > 0 ? 1 : 0));
  }

  private static void deepLearning() {
    String[][] unary = {{"erf", "erf"}, {"cosh", "cosh"}, {"sinh", "sinh"}, {"log2", "log2"}, {"log10", "log10"}, {"rsqrt", "rsqrt"}, {"silu", "silu"},
        {"logsigmoid", "logsigmoid"}, {"gelu", "gelu"}, {"gelu(tanh)", "gelu_tanh"}};
    for (String[] op : unary) {
      scenario(op[0], op[1], "(3, 4)");
      breaks(op[0], -1, "flip the sign", FLIP_SIGN);
    }
    breaks("erf", 0, "drop the 2/sqrt(pi)", (r, g, y, x, p) -> scale(r.apply(g, y, x, p), 0.5 * Math.sqrt(Math.PI)));
    breaks("cosh", 0, "cosh instead of sinh", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("sinh", 0, "sinh instead of cosh", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("log2", 0, "the natural logarithm's slope 1/x", (r, g, y, x, p) -> Elementwise.div(g, x[0]));
    breaks("log10", 0, "log2's slope 1/(x ln 2)", (r, g, y, x, p) -> PointwiseOps.LOG2.vjp(0).apply(g, y, x, null));
    breaks("rsqrt", 0, "sqrt's slope 1/(2 sqrt x), the sign and power lost", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(y, v -> 0.5 * v)));
    breaks("silu", 0, "sigmoid(x) alone (drop the x term)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], PointwiseOps::logistic)));
    breaks("logsigmoid", 0, "sigmoid(x) instead of sigmoid(-x)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], PointwiseOps::logistic)));
    breaks("gelu", 0, "Phi(x) alone (drop x phi(x))", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> 0.5 * (1 + SpecialMath.erf(v / Math.sqrt(2))))));
    breaks("gelu(tanh)", 0, "the exact gelu's slope", (r, g, y, x, p) -> PointwiseOps.GELU.vjp(0).apply(g, y, x, null));
    scenario("logaddexp", "logaddexp", "(3, 1) with (1, 4)");
    breaks("logaddexp", -1, "flip the sign", FLIP_SIGN);
    breaks("logaddexp", 0, "the other operand's share", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> PointwiseOps.logistic(b - a))));
    breaks("logaddexp", 1, "the other operand's share", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> PointwiseOps.logistic(a - b))));
    binaryLosses();
  }

  private static void binaryLosses() {
    for (String op : new String[] {"binary_cross_entropy", "binary_cross_entropy_with_logits"}) {
      scenario(op, op, "(3, 4)");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("binary_cross_entropy", 0, "drop the denominator p (1 - p)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.sub(x[0], x[1])));
    breaks("binary_cross_entropy", 1, "drop the log(1 - p) term", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], q -> -StrictMath.log(q))));
    breaks("binary_cross_entropy_with_logits", 0, "the logit instead of its sigmoid", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.sub(x[0], x[1])));
    breaks("binary_cross_entropy_with_logits", 1, "the sigmoid instead of the logit", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], z -> -PointwiseOps.logistic(z))));
    scenario("nll_loss", "nll_loss", "(4, 3)");
    breaks("nll_loss", -1, "flip the sign", FLIP_SIGN);
    breaks("nll_loss", 0, "the next class's column", (r, g, y, x, p) -> {
      Tensor right = r.apply(g, y, x, p);
      int classes = x[0].shapeRef()[1];
      double[] out = new double[right.size()];
      for (int i = 0; i < out.length; i++) {
        out[(i / classes) * classes + (i % classes + 1) % classes] = right.data()[i];
      }
      return new Tensor(out, right.shapeRef());
    });
  }

  private static void attention() {
    scenario("masked_fill", "masked_fill", "(3, 4) with (4,)");
    breaks("masked_fill", -1, "flip the sign", FLIP_SIGN);
    breaks("masked_fill", 0, "pass the gradient where filled too", (r, g, y, x, p) -> g);
    breaks("masked_fill", 0, "the filled positions' share (the mask inverted)", (r, g, y, x, p) ->
        Elementwise.zip(g, x[1], (gv, m) -> m != 0 ? gv : 0.0));
    breaks("masked_fill", 2, "the sum over every position, filled or not", (r, g, y, x, p) -> g);
    scenario("pad", "pad", "(2, 3, 4) pad=(3, 3, 2, 1) reflect");
    breaks("pad", -1, "flip the sign", FLIP_SIGN);
    breaks("pad", 0, "keep one copy of a reflected element (overwrite, not add)", (r, g, y, x, p) -> {
      Padding.Plan plan = (Padding.Plan) p;
      double[] out = new double[x[0].size()];
      for (int i = 0; i < plan.offsets().length; i++) {
        if (plan.offsets()[i] >= 0) {
          out[plan.offsets()[i]] = g.data()[i];
        }
      }
      return new Tensor(out, x[0].shapeRef());
    });
    breaks("pad", 0, "the gradient of the unpadded input only (padding shifted out, nothing added)",
        (r, g, y, x, p) -> {
          int[] shape = x[0].shapeRef();
          Tensor cut = Tensor.zeros(shape);
          double[] out = cut.data();
          int[] outShape = g.shapeRef();
          int h = shape[1];
          int w = shape[2];
          for (int b = 0; b < shape[0]; b++) {
            for (int i = 0; i < h; i++) {
              for (int j = 0; j < w; j++) {
                out[(b * h + i) * w + j] = g.data()[(b * outShape[1] + i) * outShape[2] + j];
              }
            }
          }
          return cut;
        });
  }

  private static void steps() {
    for (String op : new String[] {"floor", "ceil", "trunc", "round"}) {
      scenario(op, op, "(3, 4)");
      breaks(op, 0, "pass the gradient (the true slope is 0)", (r, g, y, x, p) -> g);
    }
    for (String op : new String[] {"remainder", "fmod"}) {
      scenario(op, op, "(3, 1) with (1, 4)");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
      breaks(op, 1, "drop the quotient (the dividend's rule)", (r, g, y, x, p) -> g);
    }
    scenario("floor_divide", "floor_divide", "(3, 1) with (1, 4)");
    breaks("floor_divide", 0, "1 / b, the slope of true division", (r, g, y, x, p) ->
        Elementwise.zip(g, x[1], (u, b) -> u / b));
    breaks("floor_divide", 1, "-a / b², the slope of true division", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> -a / (b * b))));
    // x1 has zeros: x2's gradient is the upstream there, 0 elsewhere.
    scenario("heaviside", "heaviside", "zeros of x1 take x2");
    breaks("heaviside", 0, "pass the gradient (the true slope is 0)", (r, g, y, x, p) -> g);
    breaks("heaviside", 1, "no gradient (as if x2 were never taken)", (r, g, y, x, p) -> Tensor.zeros(g.shapeRef()));
    breaks("heaviside", 1, "pass the gradient everywhere", (r, g, y, x, p) -> g);
    breaks("heaviside", 1, "the gradient where x1 > 0 (the step's value 1)", (r, g, y, x, p) ->
        Elementwise.zip(g, x[0], (u, v) -> v > 0 ? u : 0.0));
    breaks("remainder", 1, "fmod's truncated quotient", (r, g, y, x, p) -> StepOps.FMOD.vjp(1).apply(g, y, x, null));
    breaks("fmod", 1, "remainder's floored quotient", (r, g, y, x, p) ->
        StepOps.REMAINDER.vjp(1).apply(g, y, x, null));
    trig();
    activations();
    gathers();
  }

  private static void gathers() {
    scenario("gather", "gather", "(3, 4) dim 1 index (3, 2)");
    breaks("gather", -1, "flip the sign", FLIP_SIGN);
    breaks("gather", 0, "overwrite repeated indices instead of adding", (r, g, y, x, p) ->
        overwrite(g, GatherOps.sources(x[0], x[1], (GatherOps.Along) p), x[0]));
    breaks("gather", 0, "the next row along the axis", (r, g, y, x, p) -> {
      Tensor right = r.apply(g, y, x, p);
      int[] s = right.shapeRef();
      double[] out = new double[right.size()];
      for (int i = 0; i < out.length; i++) {
        int col = i % s[1];
        out[i - col + (col + 1) % s[1]] = right.data()[i];
      }
      return new Tensor(out, s);
    });
    // Finite differences cannot tell how ties share the gradient (a tie is a kink): the even split is
    // pinned by the golden fixture's tie cases, compared with torch's own gradient.
    for (String op : new String[] {"amax", "amin"}) {
      scenario(op, op, "(3, 4) axis (0,) keepdims False");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
      breaks(op, 0, "every element of the slice (sum's rule)", (r, g, y, x, p) ->
          ReductionOps.SUM.vjp(0).apply(g, y, x, reduce(p)));
    }
  }

  private static void activations() {
    for (String[] op : new String[][] {{"elu", "elu_alpha"}, {"hardtanh", "hardtanh_bounds"}, {"hardsigmoid", "hardsigmoid"},
        {"hardswish", "hardswish"}, {"softsign", "softsign"}, {"mish", "mish"}}) {
      scenario(op[0], op[1], "(3, 4)");
      breaks(op[0], -1, "flip the sign", FLIP_SIGN);
    }
    breaks("elu", 0, "drop alpha on the negative side", (r, g, y, x, p) ->
        PointwiseOps.chain(g, x[0], y, (v, w) -> v > 0 ? 1 : StrictMath.exp(v)));
    breaks("hardtanh", 0, "pass the gradient everywhere (identity)", (r, g, y, x, p) -> g);
    breaks("hardsigmoid", 0, "drop the 1/6", (r, g, y, x, p) -> scale(r.apply(g, y, x, p), 6));
    breaks("hardswish", 0, "hardsigmoid alone (drop the x term)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> Math.min(Math.max(v + 3, 0), 6) / 6)));
    breaks("softsign", 0, "1 / (1 + |x|), not squared", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> 1 / (1 + Math.abs(v)))));
    breaks("mish", 0, "tanh(softplus(x)) alone", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> StrictMath.tanh(Math.log1p(Math.exp(v))))));
  }

  private static void trig() {
    for (String op : new String[] {"tan", "arctan", "arcsin", "arccos", "reciprocal"}) {
      scenario(op, op, "(3, 4)");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("tan", 0, "1 - tan^2 (tanh's rule)", (r, g, y, x, p) -> Elementwise.mul(g, Elementwise.map(y, v -> 1 - v * v)));
    breaks("arctan", 0, "1 / (1 - x^2)", (r, g, y, x, p) -> Elementwise.mul(g, Elementwise.map(x[0], v -> 1 / (1 - v * v))));
    breaks("arcsin", 0, "drop the square root", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[0], v -> 1 / (1 - v * v))));
    breaks("arccos", 0, "arcsin's rule", (r, g, y, x, p) -> TrigOps.ARCSIN.vjp(0).apply(g, y, x, null));
    breaks("reciprocal", 0, "1/x instead of -1/x^2", (r, g, y, x, p) -> Elementwise.mul(g, y));
    scenario("arctan2", "arctan2", "(3, 1) with (1, 4)");
    breaks("arctan2", -1, "flip the sign", FLIP_SIGN);
    breaks("arctan2", 0, "the other operand's numerator", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (b, a) -> b / (a * a + b * b))));
    breaks("arctan2", 1, "the other operand's numerator", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (b, a) -> -a / (a * a + b * b))));
  }

  private static void norms() {
    scenario("norm", "norm", "(2, 3, 4) axis=(1,) ord=4");
    breaks("norm", -1, "flip the sign", FLIP_SIGN);
    breaks("norm", 0, "the 1-norm's slope sign(x) (drop |x|^(p-1) / norm^(p-1))", (r, g, y, x, p) ->
        Elementwise.mul(((NormOps.Norm) p).reduce().expand(g, x[0].shapeRef()), Elementwise.map(x[0], Math::signum)));
    breaks("norm", 0, "the 2-norm's slope x / norm whatever the order", (r, g, y, x, p) -> {
      ReductionOps.Reduce reduce = ((NormOps.Norm) p).reduce();
      return Elementwise.mul(reduce.expand(g, x[0].shapeRef()), Elementwise.div(x[0], reduce.expand(y, x[0].shapeRef())));
    });
    scenario("cosine_similarity", "cosine_similarity", "(3, 4) with (3, 4)");
    breaks("cosine_similarity", -1, "flip the sign", FLIP_SIGN);
    breaks("cosine_similarity", 0, "the second operand's rule", (r, g, y, x, p) ->
        NormOps.COSINE_SIMILARITY.vjp(1).apply(g, y, x, (NormOps.Cosine) p));
    breaks("cosine_similarity", 1, "the first operand's rule", (r, g, y, x, p) ->
        NormOps.COSINE_SIMILARITY.vjp(0).apply(g, y, x, (NormOps.Cosine) p));
    breaks("cosine_similarity", 0, "drop the normalisation term (x2 / (n1 n2) alone)", (r, g, y, x, p) ->
        cosineWithoutNormalisation(g, x[0], x[1], (NormOps.Cosine) p));
  }

  private static void regressionLosses() {
    for (String op : new String[] {"smooth_l1_loss", "huber_loss"}) {
      // A bound of 0.5, not 1, so that a slope that forgets to divide or multiply by it is wrong.
      scenario(op, op, "(3, 4) with (3, 4) " + (op.equals("huber_loss") ? "delta" : "beta") + "=0.5");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
      breaks(op, -1, "the L1 slope sign(d) everywhere", (r, g, y, x, p) -> Elementwise.mul(
          Elementwise.map(r.apply(g, y, x, p), Math::signum), Elementwise.map(g, Math::abs)));
    }
    breaks("smooth_l1_loss", -1, "forget to divide by beta", (r, g, y, x, p) -> Elementwise.mul(g,
        Elementwise.zip(x[0], x[1], (a, t) -> Math.max(-1, Math.min(1, a - t)))));
    breaks("huber_loss", -1, "smooth_l1's slope (divide by delta, saturate at 1)", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), 1 / (Double) p));
    for (String op : new String[] {"kl_div", "kl_div(log_target)"}) {
      scenario(op, op.equals("kl_div") ? "kl_div" : "kl_div_log_target", "(3, 4) with (3, 4)");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("kl_div", 1, "drop the + 1 of d(t log t)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> StrictMath.log(t) - a)));
    breaks("kl_div", 0, "the target's log instead of the target", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.map(x[1], t -> -StrictMath.log(t))));
    breaks("kl_div(log_target)", 0, "the log-target itself instead of its exponential", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.neg(x[1])));
    breaks("kl_div(log_target)", 1, "drop the + 1 of d(e^t t)", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, t) -> StrictMath.exp(t) * (t - a))));
  }

  private static void classLosses() {
    String op = "nll_loss(weight, ignore_index)";
    scenario(op, "nll_loss_weighted", "weight none, a row ignored");
    breaks(op, -1, "flip the sign", FLIP_SIGN);
    breaks(op, 0, "drop the class weights", (r, g, y, x, p) -> {
      ClassLosses.Rows rows = (ClassLosses.Rows) p;
      double[] ones = new double[rows.weights().length];
      for (int i = 0; i < ones.length; i++) {
        ones[i] = rows.ignored()[i] ? 0 : 1;
      }
      return r.apply(g, y, x, new ClassLosses.Rows(ones, rows.classes(), rows.ignored()));
    });
    breaks(op, 0, "let the ignored row's label 0 take its gradient", (r, g, y, x, p) -> {
      ClassLosses.Rows rows = (ClassLosses.Rows) p;
      Tensor right = r.apply(g, y, x, p);
      double[] out = right.data().clone();
      int classes = x[0].shapeRef()[1];
      for (int i = 0; i < rows.ignored().length; i++) {
        out[i * classes] -= rows.ignored()[i] ? g.data()[i] : 0;
      }
      return new Tensor(out, right.shapeRef());
    });
  }

  /** {@code g x2 / (n1 n2)}: the cosine similarity's gradient as if the norms were constants. */
  private static Tensor cosineWithoutNormalisation(Tensor g, Tensor a, Tensor b, NormOps.Cosine c) {
    int[] shape = Shapes.broadcast(a.shapeRef(), b.shapeRef());
    ReductionOps.Reduce along = ReductionOps.Reduce.of(new int[] {c.dim()}, shape.length, true);
    Tensor a1 = Elementwise.broadcastTo(a, shape);
    Tensor b1 = Elementwise.broadcastTo(b, shape);
    Tensor n1 = along.expand(Elementwise.map(Reductions.sum(Elementwise.mul(a1, a1), along.reduced(), true),
        StrictMath::sqrt), shape);
    Tensor n2 = along.expand(Elementwise.map(Reductions.sum(Elementwise.mul(b1, b1), along.reduced(), true),
        StrictMath::sqrt), shape);
    return Elementwise.div(Elementwise.mul(along.expand(g, shape), b1), Elementwise.mul(n1, n2));
  }

  private static void binary() {
    for (String op : new String[] {"add", "subtract", "multiply", "divide", "power", "maximum", "minimum"}) {
      scenario(op, op, "(3, 1) with (1, 4)");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("add", -1, "count the gradient twice", (r, g, y, x, p) -> scale(g, 2));
    breaks("subtract", 1, "forget the minus", (r, g, y, x, p) -> g);
    breaks("multiply", 0, "the wrong operand (its own value)", (r, g, y, x, p) -> Elementwise.mul(g, x[0]));
    breaks("multiply", 1, "the wrong operand (its own value)", (r, g, y, x, p) -> Elementwise.mul(g, x[1]));
    breaks("divide", 0, "multiply by b", (r, g, y, x, p) -> Elementwise.mul(g, x[1]));
    breaks("divide", 1, "drop the square (-a/b)",
        (r, g, y, x, p) -> Elementwise.zip(Elementwise.mul(g, x[0]), x[1], (ga, b) -> -ga / b));
    breaks("power", 0, "keep the exponent (b a^b)",
        (r, g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (a, b) -> b * StrictMath.pow(a, b))));
    breaks("power", 1, "drop the log a", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("maximum", 0, "route to the smaller operand", (r, g, y, x, p) -> Elementwise.mul(g, larger(x[1], x[0])));
    breaks("maximum", 1, "route to the smaller operand", (r, g, y, x, p) -> Elementwise.mul(g, larger(x[0], x[1])));
    breaks("minimum", 0, "route to the larger operand", (r, g, y, x, p) -> Elementwise.mul(g, larger(x[0], x[1])));
    breaks("minimum", 1, "route to the larger operand", (r, g, y, x, p) -> Elementwise.mul(g, larger(x[1], x[0])));
    scenario("where", "where", "(3, 1) with (1, 4) with (3, 4)");
    breaks("where", -1, "flip the sign", FLIP_SIGN);
    breaks("where", 1, "ignore the condition", (r, g, y, x, p) -> g);
    breaks("where", 2, "the other branch's mask", (r, g, y, x, p) ->
        Elementwise.zip(g, x[0], (gv, c) -> c != 0 ? gv : 0));
    scenario("clip", "clip", "both bounds active");
    breaks("clip", -1, "flip the sign", FLIP_SIGN);
    breaks("clip", 0, "pass the gradient everywhere", (r, g, y, x, p) -> g);
    breaks("clip", 1, "pass where x is above lo", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip3(x[0], x[1], x[2], (v, lo, hi) -> v > lo ? 1 : 0)));
    breaks("clip", 2, "pass where x is below hi", (r, g, y, x, p) ->
        Elementwise.mul(g, Elementwise.zip3(x[0], x[1], x[2], (v, lo, hi) -> v < hi ? 1 : 0)));
  }

  /** 1 where {@code a > b}, else 0. */
  private static Tensor larger(Tensor a, Tensor b) {
    return Elementwise.zip(a, b, (u, v) -> u > v ? 1 : 0);
  }

  private static void reductions() {
    String axes02 = "(2, 3, 4) axis=(0, 2) keepdims=False";
    for (String op : new String[] {"sum", "mean", "max", "min", "prod", "logsumexp"}) {
      scenario(op, op, axes02);
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("sum", 0, "divide by the count (mean's rule)", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), 1.0 / reduce(p).count(x[0].shapeRef())));
    breaks("mean", 0, "forget to divide by the count", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), reduce(p).count(x[0].shapeRef())));
    breaks("max", 0, "route to the arg-min", (r, g, y, x, p) ->
        Strided.scatterAdd(g, Reductions.firstExtreme(x[0], reduce(p).reduced(), false), x[0].shapeRef()));
    breaks("min", 0, "route to the arg-max", (r, g, y, x, p) ->
        Strided.scatterAdd(g, Reductions.firstExtreme(x[0], reduce(p).reduced(), true), x[0].shapeRef()));
    breaks("prod", 0, "the whole product instead of the others'", (r, g, y, x, p) ->
        Elementwise.mul(reduce(p).expand(g, x[0].shapeRef()), reduce(p).expand(y, x[0].shapeRef())));
    breaks("logsumexp", 0, "exp(x) without subtracting logsumexp", (r, g, y, x, p) ->
        Elementwise.mul(reduce(p).expand(g, x[0].shapeRef()), Elementwise.map(x[0], StrictMath::exp)));
    String ddof1 = "(3, 4) axis=(-1,) keepdims=True ddof=1";
    for (String op : new String[] {"var", "std"}) {
      scenario(op, op, ddof1);
      breaks(op, -1, "flip the sign", FLIP_SIGN);
      breaks(op, 0, "divide by n instead of n - ddof", (r, g, y, x, p) -> scale(r.apply(g, y, x, p),
          (reduce(p).count(x[0].shapeRef()) - 1.0) / reduce(p).count(x[0].shapeRef())));
    }
    breaks("var", 0, "drop the 2", (r, g, y, x, p) -> scale(r.apply(g, y, x, p), 0.5));
    breaks("std", 0, "forget to divide by the std", (r, g, y, x, p) ->
        Elementwise.mul(r.apply(g, y, x, p), reduce(p).expand(y, x[0].shapeRef())));
    scenario("sort", "sort", "(2, 3, 4) axis=1");
    breaks("sort", -1, "flip the sign", FLIP_SIGN);
    breaks("sort", 0, "pass the upstream unpermuted", (r, g, y, x, p) -> g);
    breaks("sort", 0, "permute it the other way (sorted position of each element's rank)", (r, g, y, x, p) ->
        r.apply(r.apply(g, y, x, p), y, x, p));
    scenario("cumsum", "cumsum", "(2, 3, 4) axis=1");
    breaks("cumsum", -1, "flip the sign", FLIP_SIGN);
    breaks("cumsum", 0, "cumulate forwards instead of backwards", (r, g, y, x, p) -> ScanOps.scan(g, (Integer) p, false));
    for (String op : new String[] {"softmax", "log_softmax"}) {
      scenario(op, op, "(2, 3, 4) axis=1");
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
    breaks("softmax", 0, "drop the subtracted dot product", (r, g, y, x, p) -> Elementwise.mul(g, y));
    breaks("log_softmax", 0, "drop the softmax term", (r, g, y, x, p) -> g);
    scenario("cross_entropy", "cross_entropy", "(4, 3)");
    breaks("cross_entropy", -1, "flip the sign", FLIP_SIGN);
    breaks("cross_entropy", 0, "forget the one-hot", (r, g, y, x, p) ->
        scale(Softmax.softmax(x[0], 1), g.item() / x[0].shapeRef()[0]));
    scenario("mse_loss", "mse_loss", "(3, 4) with (4,)");
    breaks("mse_loss", -1, "flip the sign", FLIP_SIGN);
    breaks("mse_loss", -1, "drop the 2", (r, g, y, x, p) -> scale(r.apply(g, y, x, p), 0.5));
  }

  private static ReductionOps.Reduce reduce(Object p) {
    return (ReductionOps.Reduce) p;
  }

  private static void shapes() {
    scenario("reshape", "reshape", "(3, 4) -> (4, 3)");
    breaks("reshape", 0, "transpose before reshaping back", (r, g, y, x, p) ->
        Layout.transpose(g, new int[] {1, 0}).withShape(x[0].shapeRef()));
    scenario("transpose", "transpose", "(3, 3, 3) axes=(1, 2, 0)");
    breaks("transpose", 0, "apply the permutation instead of its inverse", (r, g, y, x, p) ->
        Layout.transpose(g, (int[]) p));
    scenario("broadcast_to", "broadcast_to", "(3, 1) -> (2, 3, 4)");
    breaks("broadcast_to", 0, "average over the broadcast axes instead of summing", (r, g, y, x, p) ->
        scale(g, (double) x[0].size() / g.size()));
    scenario("flip", "flip", "(2, 3, 4) axis=(0, 2)");
    breaks("flip", 0, "do not flip back", (r, g, y, x, p) -> g);
    scenario("index", "index", "(4, 5) [[0, 2, 2]]");
    breaks("index", 0, "repeated indices overwrite instead of adding", (r, g, y, x, p) -> {
      int[] offsets = ((Indexing.Plan) p).offsets();
      double[] out = new double[x[0].size()];
      for (int k = 0; k < offsets.length; k++) {
        out[offsets[k]] = g.data()[k];
      }
      return new Tensor(out, x[0].shapeRef());
    });
    scenario("tril/triu", "tril", "(4, 4) k=0");
    breaks("tril/triu", 0, "keep the other triangle", (r, g, y, x, p) -> {
      ShapeOps.Triangle t = (ShapeOps.Triangle) p;
      Tensor other = Layout.triangleMask(x[0].shapeRef(), !t.lower(), t.lower() ? t.k() + 1 : t.k() - 1);
      return Elementwise.mul(g, other);
    });
    scenario("trace", "trace", "(2, 3, 4) offset=0");
    breaks("trace", 0, "the gradient on every element, not the diagonal", (r, g, y, x, p) ->
        Elementwise.broadcastTo(g, x[0].shapeRef()));
    scenario("concatenate", "concatenate", "(2, 2, 3) with (2, 1, 3) with (2, 4, 3) axis=1");
    // Parts (2, 2, 3), (2, 1, 3), (2, 4, 3) along axis 1 start at 0, 2 and 3: hand each the next one's offset.
    int[] wrongStart = {2, 3, 0};
    for (int i = 0; i < 3; i++) {
      int part = i;
      breaks("concatenate", i, "take the block at the next part's offset", (r, g, y, x, p) -> {
        int[] strides = Shapes.strides(g.shapeRef());
        return Strided.copy(g, wrongStart[part] * strides[1], strides, x[part].shapeRef());
      });
    }
    for (String op : new String[] {"reshape", "transpose", "broadcast_to", "flip", "index", "tril/triu", "trace",
        "concatenate"}) {
      breaks(op, -1, "flip the sign", FLIP_SIGN);
    }
  }

  private static void products() {
    scenario("matmul", "matmul", "(2, 3, 3) with (3, 3)");
    breaks("matmul", -1, "flip the sign", FLIP_SIGN);
    breaks("matmul", 0, "dA = dC @ B (B not transposed)", (r, g, y, x, p) -> MatMul.multiply(g, x[1]));
    breaks("matmul", 1, "dB = A @ dC (A not transposed)", (r, g, y, x, p) ->
        Reductions.unbroadcast(MatMul.multiply(x[0], g), x[1].shapeRef()));
    squareMatrices();
    scenario("einsum", "einsum", "'ij,jk->ik' (3, 3) with (3, 3)");
    breaks("einsum", -1, "flip the sign", FLIP_SIGN);
    breaks("einsum", -1, "the output gradient transposed", (r, g, y, x, p) ->
        r.apply(Layout.transpose(g, new int[] {1, 0}), y, x, p));
  }

  private static void squareMatrices() {
    scenario("inv", "inv", "(2, 3, 3)");
    breaks("inv", -1, "flip the sign", FLIP_SIGN);
    breaks("inv", 0, "-Y G Y (no transposes)", (r, g, y, x, p) ->
        Elementwise.neg(MatMul.multiply(MatMul.multiply(y, g), y)));
    breaks("inv", 0, "-Yᵀ G (one factor)", (r, g, y, x, p) ->
        Elementwise.neg(MatMul.multiply(Layout.swapLastTwo(y), g)));
    scenario("det", "det", "(2, 3, 3)");
    breaks("det", -1, "flip the sign", FLIP_SIGN);
    breaks("det", 0, "det A⁻¹ (the cofactors not transposed)", (r, g, y, x, p) ->
        Layout.swapLastTwo(r.apply(g, y, x, p)));
    breaks("det", 0, "A⁻ᵀ (drop the factor det)", (r, g, y, x, p) ->
        Elementwise.mul(r.apply(g, y, x, p), Elementwise.map(y.withShape(Layout.withOne(Layout.withOne(
            y.shapeRef()))), v -> 1 / v)));
    scenario("solve", "solve", "(2, 3, 3) with (2, 3, 2)");
    breaks("solve", -1, "flip the sign", FLIP_SIGN);
    breaks("solve", 0, "-solve(A, G) Xᵀ (A not transposed)", (r, g, y, x, p) ->
        Elementwise.neg(MatMul.multiply(LinearSystems.solve(x[0], g), Layout.swapLastTwo(y))));
    breaks("solve", 1, "solve(A, G) (A not transposed)", (r, g, y, x, p) -> LinearSystems.solve(x[0], g));
    breaks("solve", 1, "Aᵀ G (multiply instead of solve)", (r, g, y, x, p) ->
        MatMul.multiply(Layout.swapLastTwo(x[0]), g));
  }

  private static void networks() {
    // Dilated and grouped, so that a rule that drops the dilation is caught too.
    scenario("conv2d", "conv2d", "(1, 4, 6, 7) with (6, 2, 3, 2) with bias");
    breaks("conv2d", -1, "flip the sign", FLIP_SIGN);
    breaks("conv2d", 0, "the kernel rotated by 180 degrees", (r, g, y, x, p) ->
        Convolution.spread(g, rotated(x[1]), (Window) p, x[0].shapeRef()[2], x[0].shapeRef()[3]));
    breaks("conv2d", 1, "ignore the stride", (r, g, y, x, p) ->
        Convolution.weightGrad(g, x[0], unstrided((Window) p)));
    breaks("conv2d", 2, "average instead of summing", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), (double) x[2].size() / g.size()));
    breaks("conv2d", 0, "ignore the dilation", (r, g, y, x, p) ->
        Convolution.spread(g, x[1], undilated((Window) p), x[0].shapeRef()[2], x[0].shapeRef()[3]));
    breaks("conv2d", 1, "ignore the dilation", (r, g, y, x, p) ->
        Convolution.weightGrad(g, x[0], undilated((Window) p)));
    scenario("conv_transpose2d", "conv_transpose2d", "(2, 3, 3, 4) with (3, 2, 3, 2) with bias");
    breaks("conv_transpose2d", -1, "flip the sign", FLIP_SIGN);
    breaks("conv_transpose2d", 0, "the kernel rotated by 180 degrees", (r, g, y, x, p) ->
        Convolution.correlate(g, rotated(x[1]), ((ConvOps.Transposed) p).window()));
    breaks("conv_transpose2d", 1, "ignore the stride", (r, g, y, x, p) ->
        Convolution.weightGrad(x[0], g, unstrided(((ConvOps.Transposed) p).window())));
    breaks("conv_transpose2d", 2, "average instead of summing", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), (double) x[2].size() / g.size()));
    String pool = "(1, 2, 5, 7) kernel=[3, 2] stride=[2, 1] padding=[1, 1]";
    scenario("max_pool2d", "max_pool2d", pool);
    scenario("avg_pool2d", "avg_pool2d", pool);
    breaks("max_pool2d", -1, "flip the sign", FLIP_SIGN);
    breaks("avg_pool2d", -1, "flip the sign", FLIP_SIGN);
    breaks("max_pool2d", 0, "spread over the window (average pooling's rule)", (r, g, y, x, p) ->
        Pooling.averageGrad(g, x[0].shapeRef(), (Window) p));
    breaks("avg_pool2d", 0, "forget to divide by the window size", (r, g, y, x, p) ->
        scale(r.apply(g, y, x, p), ((Window) p).kh() * ((Window) p).kw()));
    String adaptive = "(1, 2, 7, 5) output_size=[3, 2]";
    scenario("adaptive_max_pool2d", "adaptive_max_pool2d", adaptive);
    scenario("adaptive_avg_pool2d", "adaptive_avg_pool2d", adaptive);
    breaks("adaptive_max_pool2d", -1, "flip the sign", FLIP_SIGN);
    breaks("adaptive_avg_pool2d", -1, "flip the sign", FLIP_SIGN);
    breaks("adaptive_max_pool2d", 0, "spread over the bin (adaptive average pooling's rule)", (r, g, y, x, p) ->
        AdaptivePooling.averageGrad(g, x[0].shapeRef(), (AdaptivePooling.Bins) p));
    breaks("adaptive_avg_pool2d", 0, "sum the bin instead of averaging it", (r, g, y, x, p) ->
        binGrad(g, x[0].shapeRef(), (AdaptivePooling.Bins) p, false, false));
    breaks("adaptive_avg_pool2d", 0, "bins that end at the floor (never overlapping) rather than the ceiling",
        (r, g, y, x, p) -> binGrad(g, x[0].shapeRef(), (AdaptivePooling.Bins) p, true, true));
    embedding();
  }

  private static void embedding() {
    scenario("embedding", "embedding", "(6, 2) with (2, 3) padding_idx=None");
    breaks("embedding", -1, "flip the sign", FLIP_SIGN);
    breaks("embedding", 0, "overwrite repeated rows instead of adding", (r, g, y, x, p) ->
        overwrite(g, Embedding.sources(x[1], x[0]), x[0]));
    breaks("embedding", 0, "the next row", (r, g, y, x, p) -> {
      Tensor right = r.apply(g, y, x, p);
      int[] s = right.shapeRef();
      double[] out = new double[right.size()];
      for (int i = 0; i < out.length; i++) {
        out[(i + s[1]) % out.length] = right.data()[i];
      }
      return new Tensor(out, s);
    });
    // Finite differences cannot see the padding row's zero (torch's choice, not the derivative, which
    // the op reports as a kink): it is pinned by the golden fixture's padding cases, torch's gradient.
  }

  /** A gather's wrong adjoint: {@code g[k]} written (not added) at {@code at[k]}, shaped like {@code source}. */
  private static Tensor overwrite(Tensor g, int[] at, Tensor source) {
    double[] out = new double[source.size()];
    for (int k = 0; k < at.length; k++) {
      out[at[k]] = g.data()[k];
    }
    return new Tensor(out, source.shapeRef());
  }

  private static Tensor scale(Tensor t, double factor) {
    return Elementwise.map(t, v -> v * factor);
  }

  /**
   * A wrong adaptive average's gradient: each bin hands {@code g} (divided by its size where
   * {@code divide}) to its elements, the bin's end rounded down where {@code floorEnd}.
   */
  private static Tensor binGrad(Tensor g, int[] xs, AdaptivePooling.Bins b, boolean floorEnd, boolean divide) {
    double[] out = new double[Shapes.allocationSize(xs)];
    double[] gv = g.data();
    int h = xs[2];
    int w = xs[3];
    for (int plane = 0; plane < xs[0] * xs[1]; plane++) {
      for (int i = 0; i < b.oh(); i++) {
        int r0 = AdaptivePooling.start(i, h, b.oh());
        int r1 = floorEnd ? (i + 1) * h / b.oh() : AdaptivePooling.end(i, h, b.oh());
        for (int j = 0; j < b.ow(); j++) {
          int c0 = AdaptivePooling.start(j, w, b.ow());
          int c1 = floorEnd ? (j + 1) * w / b.ow() : AdaptivePooling.end(j, w, b.ow());
          double share = gv[(plane * b.oh() + i) * b.ow() + j] / (divide ? (double) (r1 - r0) * (c1 - c0) : 1);
          for (int row = r0; row < r1; row++) {
            for (int col = c0; col < c1; col++) {
              out[(plane * h + row) * w + col] += share;
            }
          }
        }
      }
    }
    return new Tensor(out, xs);
  }

  private static Tensor rotated(Tensor w) {
    return Layout.flip(w, new boolean[] {false, false, true, true});
  }

  private static Window unstrided(Window w) {
    return new Window(w.kh(), w.kw(), 1, 1, w.ph(), w.pw(), w.dh(), w.dw(), w.groups());
  }

  private static Window undilated(Window w) {
    return new Window(w.kh(), w.kw(), w.sh(), w.sw(), w.ph(), w.pw(), 1, 1, w.groups());
  }
}
