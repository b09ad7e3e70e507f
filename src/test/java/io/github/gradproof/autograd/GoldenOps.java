package io.github.gradproof.autograd;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * How each golden fixture's op is spelled on the engine's public API: the fixture's NumPy or PyTorch
 * name and arguments, mapped to {@link Var} methods and {@link Ops} functions.
 */
final class GoldenOps {

  private GoldenOps() {}

  /** Applies an op to the case's inputs (as Vars) with the case's arguments. */
  @FunctionalInterface
  interface Fn {
    Var apply(Var[] x, JsonObject args);
  }

  static final Map<String, Fn> OPS = new TreeMap<>();

  private static void unary(String name, UnaryOperator<Var> f) {
    OPS.put(name, (x, a) -> f.apply(x[0]));
  }

  private static void binary(String name, BinaryOperator<Var> f) {
    OPS.put(name, (x, a) -> f.apply(x[0], x[1]));
  }

  private static void reduction(String name, Reduction f) {
    OPS.put(name, (x, a) -> f.apply(x[0], ints(a, "axis"), a.get("keepdims").getAsBoolean()));
  }

  @FunctionalInterface
  private interface Reduction {
    Var apply(Var x, int[] axes, boolean keepdims);
  }

  static {
    elementwise();
    deepLearning();
    attention();
    norms();
    regressionLosses();
    steps();
    reductions();
    shapes();
    products();
    networks();
    constructors();
  }

  private static void elementwise() {
    unary("negative", Var::neg);
    unary("exp", Var::exp);
    unary("log", Var::log);
    unary("log1p", Var::log1p);
    unary("sqrt", Var::sqrt);
    unary("square", Var::square);
    unary("sin", Var::sin);
    unary("cos", Var::cos);
    unary("tanh", Var::tanh);
    unary("sigmoid", Var::sigmoid);
    unary("softplus", Var::softplus);
    unary("relu", Var::relu);
    unary("abs", Var::abs);
    unary("sign", Var::sign);
    OPS.put("leaky_relu", (x, a) -> x[0].leakyRelu(a.get("negative_slope").getAsDouble()));
    OPS.put("power_scalar", (x, a) -> x[0].pow(a.get("exponent").getAsDouble()));
    binary("add", Var::add);
    binary("subtract", Var::sub);
    binary("multiply", Var::mul);
    binary("divide", Var::div);
    binary("power", Var::pow);
    binary("maximum", Var::maximum);
    binary("minimum", Var::minimum);
    binary("equal", Var::eq);
    binary("not_equal", Var::ne);
    binary("less", Var::lt);
    binary("greater", Var::gt);
    binary("less_equal", Var::le);
    binary("greater_equal", Var::ge);
    OPS.put("where", (x, a) -> Ops.where(x[0], x[1], x[2]));
    OPS.put("clip", (x, a) -> x.length == 3 ? x[0].clip(x[1], x[2])
        : x[0].clip(scalar(a, "lo"), scalar(a, "hi")));
    OPS.put("sqrt_after_selection", GoldenOps::sqrtAfterSelection);
  }

  /** sqrt of an op that discards some positions, named by the case's {@code select}; or {@code relu(x) ** 0.5}. */
  private static Var sqrtAfterSelection(Var[] x, JsonObject a) {
    Var zero = Var.constant(Tensor.scalar(0));
    return switch (a.get("select").getAsString()) {
      case "relu" -> x[0].relu().sqrt();
      case "relu ** 0.5" -> x[0].relu().pow(0.5);
      case "clip lower" -> x[0].clip(zero, null).sqrt();
      case "clip" -> x[0].clip(x[1], x[2]).sqrt();
      case "maximum" -> x[0].maximum(x[1]).sqrt();
      case "minimum" -> x[0].minimum(x[1]).neg().sqrt();
      case "where" -> Ops.where(x[0].gt(zero), x[0], x[1]).sqrt();
      case "sign" -> x[0].sign().add(Var.constant(Tensor.scalar(1))).sqrt();
      default -> throw new IllegalArgumentException(a.toString());
    };
  }

  private static void deepLearning() {
    unary("erf", Var::erf);
    unary("cosh", Var::cosh);
    unary("sinh", Var::sinh);
    unary("log2", Var::log2);
    unary("log10", Var::log10);
    unary("rsqrt", Var::rsqrt);
    unary("silu", Var::silu);
    unary("logsigmoid", Var::logsigmoid);
    unary("gelu", x -> x.gelu(false));
    unary("gelu_tanh", x -> x.gelu(true));
    binary("logaddexp", Var::logaddexp);
    binary("binary_cross_entropy", Ops::binaryCrossEntropy);
    binary("binary_cross_entropy_with_logits", Ops::binaryCrossEntropyWithLogits);
    OPS.put("nll_loss", (x, a) -> Ops.nllLoss(x[0], x[1].value()));
  }

  private static void attention() {
    OPS.put("masked_fill", (x, a) -> Ops.maskedFill(x[0], x[1], x[2]));
    OPS.put("pad", (x, a) -> Ops.pad(x[0], ints(a, "pad"), a.get("mode").getAsString(), a.get("value").getAsDouble()));
    OPS.put("tile", (x, a) -> x[0].tile(ints(a, "reps")));
    OPS.put("repeat", (x, a) -> x[0].repeat(Arrays.stream(ints(a, "repeats")).asDoubleStream().toArray(),
        integer(a, "axis")));
  }

  private static void steps() {
    unary("floor", Var::floor);
    unary("ceil", Var::ceil);
    unary("trunc", Var::trunc);
    OPS.put("round", (x, a) -> x[0].round(a.get("decimals").getAsInt()));
    binary("remainder", Var::remainder);
    binary("heaviside", Ops::heaviside);
    binary("floor_divide", Ops::floorDivide);
    binary("fmod", Var::fmod);
    unary("tan", Var::tan);
    unary("arctan", Var::arctan);
    unary("arcsin", Var::arcsin);
    unary("arccos", Var::arccos);
    unary("reciprocal", Var::reciprocal);
    binary("arctan2", Var::arctan2);
    activations();
    gathers();
  }

  private static void gathers() {
    OPS.put("gather", (x, a) -> Ops.gather(x[0], a.get("dim").getAsInt(), x[1].value()));
    OPS.put("take_along_axis", (x, a) -> Ops.takeAlongAxis(x[0], x[1].value(), integer(a, "axis")));
    reduction("amax", Var::amax);
    reduction("amin", Var::amin);
  }

  private static void activations() {
    OPS.put("elu", (x, a) -> x[0].elu(a.get("alpha").getAsDouble()));
    OPS.put("elu_alpha", OPS.get("elu"));
    unary("selu", Var::selu);
    OPS.put("celu", (x, a) -> x[0].celu(a.get("alpha").getAsDouble()));
    OPS.put("hardtanh", (x, a) -> x[0].hardtanh(a.get("min_val").getAsDouble(), a.get("max_val").getAsDouble()));
    OPS.put("hardtanh_bounds", OPS.get("hardtanh"));
    OPS.put("relu6", OPS.get("hardtanh"));
    unary("hardsigmoid", Var::hardsigmoid);
    unary("hardswish", Var::hardswish);
    unary("softsign", Var::softsign);
    unary("mish", Var::mish);
  }

  private static void norms() {
    OPS.put("norm", (x, a) -> {
      JsonElement ord = a.get("ord");
      int[] axis = ints(a, "axis");
      boolean keepdims = a.get("keepdims").getAsBoolean();
      if (ord.isJsonNull() || ord.getAsJsonPrimitive().isNumber()) {
        return Ops.norm(x[0], ord.isJsonNull() ? null : ord.getAsDouble(), axis, keepdims);
      }
      String named = ord.getAsString();
      return named.endsWith("inf") ? Ops.norm(x[0], order(ord), axis, keepdims) : Ops.norm(x[0], named, axis, keepdims);
    });
    OPS.put("normalize", (x, a) -> Ops.normalize(x[0], order(a.get("p")), a.get("dim").getAsInt(),
        a.get("eps").getAsDouble()));
    OPS.put("cosine_similarity", (x, a) -> Ops.cosineSimilarity(x[0], x[1], a.get("dim").getAsInt(),
        a.get("eps").getAsDouble()));
  }

  private static void regressionLosses() {
    OPS.put("smooth_l1_loss", (x, a) -> Ops.smoothL1Loss(x[0], x[1], a.get("beta").getAsDouble()));
    OPS.put("huber_loss", (x, a) -> Ops.huberLoss(x[0], x[1], a.get("delta").getAsDouble()));
    OPS.put("kl_div", (x, a) -> Ops.klDiv(x[0], x[1], false));
    OPS.put("kl_div_log_target", (x, a) -> Ops.klDiv(x[0], x[1], true));
    OPS.put("nll_loss_weighted", (x, a) -> Ops.nllLoss(x[0], x[1].value(), weight(a), a.get("ignore_index").getAsInt(),
        a.get("reduction").getAsString()));
    OPS.put("cross_entropy_weighted", (x, a) -> Ops.crossEntropy(x[0], x[1].value(), weight(a),
        a.get("ignore_index").getAsInt(), a.get("reduction").getAsString(), a.get("label_smoothing").getAsDouble()));
  }

  private static Tensor weight(JsonObject a) {
    JsonElement w = a.get("weight");
    if (w.isJsonNull()) {
      return null;
    }
    double[] v = new double[w.getAsJsonArray().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = w.getAsJsonArray().get(i).getAsDouble();
    }
    return Tensor.vector(v);
  }

  /** A fixture's order: a number, or 'inf' or '-inf' (JSON has no infinity). */
  private static double order(JsonElement e) {
    return e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.parseDouble(e.getAsString().replace("inf", "Infinity"));
  }

  private static void reductions() {
    reduction("sum", Var::sum);
    reduction("mean", Var::mean);
    reduction("max", Var::max);
    reduction("min", Var::min);
    reduction("prod", Var::prod);
    reduction("logsumexp", Var::logsumexp);
    OPS.put("var", (x, a) -> x[0].var(ints(a, "axis"), a.get("keepdims").getAsBoolean(), a.get("ddof").getAsInt()));
    OPS.put("std", (x, a) -> x[0].std(ints(a, "axis"), a.get("keepdims").getAsBoolean(), a.get("ddof").getAsInt()));
    OPS.put("cumsum", (x, a) -> x[0].cumsum(integer(a, "axis")));
    OPS.put("sort", (x, a) -> Ops.sort(x[0], integer(a, "axis")));
    OPS.put("argmax", (x, a) -> x[0].argmax(integer(a, "axis"), a.get("keepdims").getAsBoolean()));
    OPS.put("argmin", (x, a) -> x[0].argmin(integer(a, "axis"), a.get("keepdims").getAsBoolean()));
    OPS.put("softmax", (x, a) -> x[0].softmax(a.get("axis").getAsInt()));
    OPS.put("log_softmax", (x, a) -> x[0].logSoftmax(a.get("axis").getAsInt()));
    OPS.put("cross_entropy", (x, a) -> Var.crossEntropy(x[0], x[1].value()));
    binary("mse_loss", Ops::mseLoss);
  }

  private static void shapes() {
    OPS.put("reshape", (x, a) -> x[0].reshape(ints(a, "shape")));
    OPS.put("transpose", (x, a) -> a.get("axes").isJsonNull() ? x[0].T() : x[0].transpose(ints(a, "axes")));
    OPS.put("expand_dims", (x, a) -> x[0].expandDims(ints(a, "axis")));
    OPS.put("squeeze", (x, a) -> x[0].squeeze(ints(a, "axis")));
    OPS.put("broadcast_to", (x, a) -> x[0].broadcastTo(ints(a, "shape")));
    OPS.put("flip", (x, a) -> x[0].flip(ints(a, "axis")));
    OPS.put("tril", (x, a) -> x[0].tril(a.get("k").getAsInt()));
    OPS.put("triu", (x, a) -> x[0].triu(a.get("k").getAsInt()));
    OPS.put("trace", (x, a) -> x[0].trace(a.get("offset").getAsInt()));
    OPS.put("moveaxis", (x, a) -> x[0].moveaxis(ints(a, "source"), ints(a, "destination")));
    OPS.put("diag", (x, a) -> x[0].diag(a.get("k").getAsInt()));
    OPS.put("diagonal", (x, a) -> x[0].diagonal(a.get("offset").getAsInt(), a.get("axis1").getAsInt(),
        a.get("axis2").getAsInt()));
    OPS.put("tensordot", (x, a) -> a.get("axes").isJsonPrimitive() ? Ops.tensordot(x[0], x[1], a.get("axes").getAsInt())
        : Ops.tensordot(x[0], x[1], GoldenFixtures.ints(a.get("axes").getAsJsonArray().get(0)),
            GoldenFixtures.ints(a.get("axes").getAsJsonArray().get(1))));
    OPS.put("concatenate", (x, a) -> Ops.concatenate(List.of(x), a.get("axis").getAsInt()));
    OPS.put("stack", (x, a) -> Ops.stack(List.of(x), a.get("axis").getAsInt()));
    OPS.put("index", (x, a) -> x[0].index(index(a)));
  }

  private static void products() {
    binary("matmul", Var::matmul);
    binary("dot", Ops::dot);
    binary("outer", Ops::outer);
    unary("inv", Ops::inv);
    unary("det", Ops::det);
    binary("solve", Ops::solve);
    OPS.put("einsum", (x, a) -> Ops.einsum(a.get("subscripts").getAsString(), List.of(x)));
  }

  private static void networks() {
    OPS.put("conv1d", (x, a) -> Ops.conv1d(x[0], x[1], bias(x, a), a.get("stride").getAsInt(),
        a.get("padding").getAsInt(), orOne(a, "dilation"), orOne(a, "groups")));
    OPS.put("conv2d", (x, a) -> Ops.conv2d(x[0], x[1], bias(x, a), ints(a, "stride"), ints(a, "padding"),
        a.has("dilation") ? ints(a, "dilation") : new int[] {1}, orOne(a, "groups")));
    OPS.put("conv_transpose1d", (x, a) -> Ops.convTranspose1d(x[0], x[1], bias(x, a), a.get("stride").getAsInt(),
        a.get("padding").getAsInt(), a.get("output_padding").getAsInt(), orOne(a, "groups"), orOne(a, "dilation")));
    OPS.put("conv_transpose2d", (x, a) -> Ops.convTranspose2d(x[0], x[1], bias(x, a), ints(a, "stride"),
        ints(a, "padding"), ints(a, "output_padding"), orOne(a, "groups"),
        a.has("dilation") ? ints(a, "dilation") : new int[] {1}));
    OPS.put("max_pool2d", (x, a) -> Ops.maxPool2d(x[0], ints(a, "kernel_size"), ints(a, "stride"),
        ints(a, "padding")));
    OPS.put("avg_pool2d", (x, a) -> Ops.avgPool2d(x[0], ints(a, "kernel_size"), ints(a, "stride"),
        ints(a, "padding")));
    OPS.put("max_pool1d", (x, a) -> Ops.maxPool1d(x[0], a.get("kernel_size").getAsInt(), integer(a, "stride"),
        a.get("padding").getAsInt()));
    OPS.put("avg_pool1d", (x, a) -> Ops.avgPool1d(x[0], a.get("kernel_size").getAsInt(), integer(a, "stride"),
        a.get("padding").getAsInt()));
    OPS.put("adaptive_avg_pool1d", (x, a) -> Ops.adaptiveAvgPool1d(x[0], a.get("output_size").getAsInt()));
    OPS.put("adaptive_max_pool1d", (x, a) -> Ops.adaptiveMaxPool1d(x[0], a.get("output_size").getAsInt()));
    OPS.put("adaptive_avg_pool2d", (x, a) -> Ops.adaptiveAvgPool2d(x[0], ints(a, "output_size")));
    OPS.put("adaptive_max_pool2d", (x, a) -> Ops.adaptiveMaxPool2d(x[0], ints(a, "output_size")));
    OPS.put("margin_ranking_loss", (x, a) -> Ops.marginRankingLoss(x[0], x[1], x[2], a.get("margin").getAsDouble()));
    OPS.put("hinge_embedding_loss", (x, a) -> Ops.hingeEmbeddingLoss(x[0], x[1], a.get("margin").getAsDouble()));
    OPS.put("soft_margin_loss", (x, a) -> Ops.softMarginLoss(x[0], x[1].value()));
    OPS.put("multi_margin_loss", (x, a) -> Ops.multiMarginLoss(x[0], x[1].value(), a.get("p").getAsInt(),
        a.get("margin").getAsDouble(), x.length > 2 ? x[2].value() : null));
    OPS.put("triplet_margin_loss", (x, a) -> Ops.tripletMarginLoss(x[0], x[1], x[2], a.get("margin").getAsDouble(),
        a.get("p").getAsDouble(), a.get("eps").getAsDouble(), a.get("swap").getAsBoolean()));
    OPS.put("cosine_embedding_loss", (x, a) -> Ops.cosineEmbeddingLoss(x[0], x[1], x[2], a.get("margin").getAsDouble()));
    OPS.put("embedding", (x, a) -> Ops.embedding(x[1].value(), x[0], integer(a, "padding_idx")));
  }

  private static void constructors() {
    OPS.put("eye", (x, a) -> Var.constant(Tensor.eye(a.get("n").getAsInt(), a.get("m").getAsInt(),
        a.get("k").getAsInt())));
    OPS.put("arange", (x, a) -> Var.constant(Tensor.arange(a.get("start").getAsDouble(),
        a.get("stop").getAsDouble(), a.get("step").getAsDouble())));
  }

  private static Var bias(Var[] x, JsonObject a) {
    return a.get("bias").getAsBoolean() ? x[2] : null;
  }

  /** An integer argument that older fixtures leave out, defaulting to 1 (dilation, groups). */
  private static int orOne(JsonObject a, String key) {
    return a.has(key) ? a.get(key).getAsInt() : 1;
  }

  private static int[] ints(JsonObject a, String key) {
    return GoldenFixtures.ints(a.get(key));
  }

  private static Integer integer(JsonObject a, String key) {
    JsonElement e = a.get(key);
    return e == null || e.isJsonNull() ? null : e.getAsInt();
  }

  private static Var scalar(JsonObject a, String key) {
    return a.has(key) ? Var.constant(Tensor.scalar(a.get(key).getAsDouble())) : null;
  }

  /** The engine's index items for the fixture's index spec. */
  static List<Index> index(JsonObject a) {
    List<Index> items = new ArrayList<>();
    for (JsonElement e : a.getAsJsonArray("index")) {
      JsonObject s = e.getAsJsonObject();
      if (s.has("at")) {
        items.add(new Index.At(s.get("at").getAsInt()));
      } else if (s.has("slice")) {
        Integer[] b = new Integer[3];
        for (int i = 0; i < 3; i++) {
          JsonElement v = s.getAsJsonArray("slice").get(i);
          b[i] = v.isJsonNull() ? null : v.getAsInt();
        }
        items.add(new Index.Slice(b[0], b[1], b[2]));
      } else if (s.has("newaxis")) {
        items.add(new Index.NewAxis());
      } else if (s.has("ellipsis")) {
        items.add(new Index.Ellipsis());
      } else {
        items.add(new Index.Take(GoldenFixtures.tensor(s.get("take"))));
      }
    }
    return items;
  }

  /** For messages: the shapes of a case's inputs. */
  static String shapes(List<Tensor> inputs) {
    return Arrays.toString(inputs.stream().map(Tensor::shapeString).toArray());
  }
}
