package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.BOOL;
import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.INTEGER_OR_NONE;
import static io.github.gradproof.claim.ParamType.NUMBER;
import static io.github.gradproof.claim.ParamType.PAIR;
import static io.github.gradproof.claim.ParamType.PAIR_OR_NONE;
import static io.github.gradproof.claim.ParamType.SHAPE;
import static io.github.gradproof.claim.ParamType.STRING;
import static io.github.gradproof.claim.ParamType.TENSOR;
import static io.github.gradproof.claim.ParamType.TENSOR_OR_NONE;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.List;

/**
 * Neural-network functions with {@code torch.nn.functional}'s spelling, layout and defaults:
 * losses, one-hot encoding, layer and batch normalisation, normalisation to unit norm and cosine similarity,
 * convolutions (input {@code N×C×L} or
 * {@code N×C×H×W}, weight {@code O×C×k}; transposed: {@code C_in×C_out×k}; the batch axis may be
 * omitted), pooling and embedding lookups.
 */
final class NetworkFunctions {

  private NetworkFunctions() {}

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "cross_entropy", "mse_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "nll_loss", "l1_loss",
      "smooth_l1_loss", "huber_loss", "kl_div", "one_hot", "layer_norm", "batch_norm", "group_norm", "instance_norm",
      "normalize", "cosine_similarity", "margin_ranking_loss", "hinge_embedding_loss", "soft_margin_loss",
      "multi_margin_loss", "triplet_margin_loss", "cosine_embedding_loss", "conv1d", "conv2d", "conv_transpose1d",
      "conv_transpose2d", "max_pool2d", "avg_pool2d", "max_pool1d", "avg_pool1d", "adaptive_avg_pool1d",
      "adaptive_avg_pool2d", "adaptive_max_pool1d", "adaptive_max_pool2d", "embedding");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(NetworkFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    Function f = switch (name) {
      case "layer_norm" -> layerNorm();
      case "batch_norm" -> batchNorm();
      case "group_norm" -> groupNorm();
      case "instance_norm" -> instanceNorm();
      case "embedding" -> embedding();
      default -> losses(name);
    };
    f = f != null ? f : similarities(name);
    f = f != null ? f : marginLosses(name);
    f = f != null ? f : convolutions(name);
    return f != null ? f : pooling(name);
  }


  private static Function losses(String name) {
    return switch (name) {
      case "cross_entropy" -> classLoss("cross_entropy").keyword("label_smoothing", NUMBER, 0.0)
          .shape(a -> reduced(smoothing(a), perRow(a)))
          .eval(NetworkFunctions::crossEntropy)
          .math(Notation.function("CE", "input")).build();
      case "mse_loss" -> loss("mse_loss")
          .shape(a -> reduced(a, ShapeRules.broadcast(a.shape("input"), a.shape("target"))))
          .eval(NetworkFunctions::mseLoss)
          .math(Notation.function("MSE", "input")).build();
      case "binary_cross_entropy" -> loss("binary_cross_entropy").shape(a -> reduced(a, a.shape("input")))
          .eval(a -> reduce(a, Ops.binaryCrossEntropy(a.var("input"), a.var("target"))))
          .math(Notation.function("BCE", "input")).build();
      case "binary_cross_entropy_with_logits" -> loss("binary_cross_entropy_with_logits")
          .shape(a -> reduced(a, a.shape("input")))
          .eval(a -> reduce(a, Ops.binaryCrossEntropyWithLogits(a.var("input"), a.var("target"))))
          .math(Notation.function("BCEWithLogits", "input")).build();
      case "nll_loss" -> classLoss("nll_loss").shape(a -> reduced(a, perRow(a)))
          .eval(a -> plain(a, false) ? reduce(a, Ops.nllLoss(a.var("input"), a.tensor("target")))
              : Ops.nllLoss(a.var("input"), a.tensor("target"), weight(a), a.integer("ignore_index"),
                  a.string("reduction")))
          .math(Notation.function("NLL", "input")).build();
      case "l1_loss" -> loss("l1_loss").shape(NetworkFunctions::elementwiseLoss)
          .eval(a -> reduce(a, a.var("input").sub(a.var("target")).abs()))
          .math(Notation.function("L1", "input")).build();
      case "smooth_l1_loss" -> loss("smooth_l1_loss").keyword("beta", NUMBER, 1.0)
          .shape(a -> elementwiseLoss(bounded(a, "beta", false)))
          .eval(a -> reduce(a, Ops.smoothL1Loss(a.var("input"), a.var("target"), a.number("beta"))))
          .math(Notation.function("SmoothL1", "input")).build();
      case "huber_loss" -> loss("huber_loss").keyword("delta", NUMBER, 1.0)
          .shape(a -> elementwiseLoss(bounded(a, "delta", true)))
          .eval(a -> reduce(a, Ops.huberLoss(a.var("input"), a.var("target"), a.number("delta"))))
          .math(Notation.function("Huber", "input")).build();
      case "kl_div" -> Function.torch("kl_div").param("input", TENSOR).param("target", TENSOR)
          .keyword("reduction", STRING, "mean").choices("mean", "batchmean", "sum", "none")
          .keyword("log_target", BOOL, false)
          .shape(NetworkFunctions::elementwiseLoss)
          .eval(NetworkFunctions::klDiv)
          .math(Notation.function("KL", "input")).build();
      case "one_hot" -> Function.torch("one_hot").param("tensor", TENSOR).param("num_classes", INTEGER, -1L)
          .shape(a -> {
            Shape labels = a.shape("tensor");
            Dim k = a.integer("num_classes");
            return labels.isKnown() ? labels.append(k.is(-1) ? Dim.unknown() : k) : labels;
          })
          .eval(NetworkFunctions::oneHot)
          .math(Notation.function("onehot", "tensor")).build();
      default -> null;
    };
  }

  /** PyTorch's {@code name(input, target, *, reduction='mean')}; 'sum' and 'none' are the others. */
  private static Function.Builder loss(String name) {
    return Function.torch(name).param("input", TENSOR).param("target", TENSOR)
        .keyword("reduction", STRING, "mean").choices("mean", "sum", "none");
  }

  /**
   * PyTorch's {@code name(input, target, weight=None, *, ignore_index=-100, reduction='mean')}: class
   * labels, optionally weighted per class, rows labelled {@code ignore_index} left out.
   */
  private static Function.Builder classLoss(String name) {
    return Function.torch(name).param("input", TENSOR).param("target", TENSOR).param("weight", TENSOR_OR_NONE, null)
        .keyword("ignore_index", INTEGER, -100L).keyword("reduction", STRING, "mean").choices("mean", "sum", "none");
  }

  /** Refuses a literal label_smoothing outside [0, 1] at the argument, as PyTorch refuses it. */
  private static StaticArgs smoothing(StaticArgs a) {
    Double v = a.literalOrNull("label_smoothing");
    if (v != null && !(v >= 0 && v <= 1)) {
      throw a.fail("label_smoothing", "'label_smoothing' must be between 0.0 and 1.0, got " + v);
    }
    return a;
  }

  private static Tensor weight(Args a) {
    return a.isNone("weight") ? null : a.tensor("weight");
  }

  /**
   * Whether the call is the plain loss of the fused kernels: no weight, no smoothing, and every label
   * a class (a label that is the ignore index, or neither, goes the way that handles and names it).
   */
  private static boolean plain(Args a, boolean smoothed) {
    if (!a.isNone("weight") || smoothed && a.number("label_smoothing") != 0) {
      return false;
    }
    int[] shape = a.var("input").value().shape();
    int ignored = a.integer("ignore_index");
    for (double label : a.tensor("target").toArray()) {
      if (shape.length != 2 || label == ignored || label != Math.rint(label) || label < 0 || label >= shape[1]) {
        return false;
      }
    }
    return true;
  }

  /** The unreduced shape of a loss per row of {@code (B, K)} scores: {@code (B,)}. */
  private static Shape perRow(StaticArgs a) {
    return a.shape("input").rank() > 0 ? Shape.of(a.shape("input").dim(0)) : Shape.unknown();
  }

  /** The shape of a loss of broadcast operands, elementwise before its reduction. */
  private static Shape elementwiseLoss(StaticArgs a) {
    return reduced(a, ShapeRules.broadcast(a.shape("input"), a.shape("target")));
  }

  /**
   * Refuses a literal {@code beta} below 0 ({@code delta} at or below 0, {@code strict}) as PyTorch does,
   * at the argument; a computed one is refused when run.
   */
  private static StaticArgs bounded(StaticArgs a, String param, boolean strict) {
    Double v = a.literalOrNull(param);
    if (v != null && (strict ? !(v > 0) : !(v >= 0))) {
      throw a.fail(param, "'" + param + "' must be " + (strict ? "positive" : "0 or more") + " (PyTorch refuses "
          + (strict ? "non-positive" : "negative") + " values), got " + (v == Math.rint(v) ? Long.toString(v.longValue()) : v));
    }
    return a;
  }

  /** torch's kl_div: 'batchmean' divides the sum by the batch size (the first axis; a scalar's sum stays). */
  private static Var klDiv(Args a) {
    Var none = Ops.klDiv(a.var("input"), a.var("target"), a.bool("log_target"));
    if (!a.string("reduction").equals("batchmean")) {
      return reduce(a, none);
    }
    int[] shape = a.var("input").value().shape();
    return shape.length == 0 ? none.sum() : none.sum().div(Var.constant(Tensor.scalar(shape[0])));
  }

  /** A loss under {@code reduction}, from its unreduced values. */
  private static Var reduce(Args a, Var none) {
    return switch (a.string("reduction")) {
      case "sum" -> none.sum();
      case "none" -> none;
      default -> none.mean();
    };
  }

  /** The shape of a loss under {@code reduction}: a scalar, or {@code none}'s per-element shape. */
  private static Shape reduced(StaticArgs a, Shape none) {
    return a.string("reduction").equals("none") ? none : Shape.scalar();
  }

  private static Var crossEntropy(Args a) {
    Var logits = a.var("input");
    Tensor target = a.tensor("target");
    if (!plain(a, true)) {
      return Ops.crossEntropy(logits, target, weight(a), a.integer("ignore_index"), a.string("reduction"),
          a.number("label_smoothing"));
    }
    Var mean = Var.crossEntropy(logits, target); // checks the shapes and the labels for every reduction
    return switch (a.string("reduction")) {
      case "sum" -> mean.mul(Var.constant(Tensor.scalar(logits.value().shape()[0])));
      case "none" -> {
        Var picked = Var.constant(Var.oneHot(target, logits.value().shape()[1]));
        yield logits.logSoftmax(1).mul(picked).sum(new int[] {1}, false).neg();
      }
      default -> mean;
    };
  }

  private static Var mseLoss(Args a) {
    Var input = a.var("input");
    Var target = a.var("target");
    return switch (a.string("reduction")) {
      case "sum" -> input.sub(target).square().sum();
      case "none" -> input.sub(target).square();
      default -> Ops.mseLoss(input, target);
    };
  }

  private static Var oneHot(Args a) {
    Tensor labels = a.tensor("tensor");
    int classes = a.integer("num_classes");
    if (classes == -1) {
      double max = -1;
      for (double v : labels.toArray()) {
        max = Math.max(max, v);
      }
      classes = (int) max + 1;
    } else if (classes < 0) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "one_hot(): num_classes must be -1 or positive, got "
          + classes);
    }
    return Var.constant(Var.oneHot(labels, classes));
  }

  /** PyTorch's {@code layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)}. */
  private static Function layerNorm() {
    return Function.torch("layer_norm").param("input", TENSOR).param("normalized_shape", SHAPE)
        .param("weight", TENSOR_OR_NONE, null).param("bias", TENSOR_OR_NONE, null).param("eps", NUMBER, 1e-5)
        .shape(a -> a.shape("input"))
        .eval(a -> Ops.layerNorm(a.var("input"), a.shape("normalized_shape"), a.varOrNull("weight"),
            a.varOrNull("bias"), a.number("eps")))
        .math(Notation.function("LayerNorm", "input")).build();
  }

  /**
   * PyTorch's {@code batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
   * momentum=0.1, eps=1e-05)}. The running statistics are constants (PyTorch does not differentiate
   * them); in training mode they may be None, and the update PyTorch makes to them in place (with
   * {@code momentum}) changes no value a claim can read.
   */
  private static Function batchNorm() {
    return Function.torch("batch_norm").param("input", TENSOR).param("running_mean", TENSOR_OR_NONE)
        .param("running_var", TENSOR_OR_NONE).param("weight", TENSOR_OR_NONE, null).param("bias", TENSOR_OR_NONE, null)
        .param("training", BOOL, false).param("momentum", NUMBER, 0.1).param("eps", NUMBER, 1e-5)
        .shape(a -> a.shape("input"))
        .eval(a -> Ops.batchNorm(a.var("input"), a.isNone("running_mean") ? null : a.tensor("running_mean"),
            a.isNone("running_var") ? null : a.tensor("running_var"), a.varOrNull("weight"), a.varOrNull("bias"),
            a.bool("training"), a.number("eps")))
        .math(Notation.function("BatchNorm", "input")).build();
  }

  /**
   * PyTorch's {@code group_norm(input, num_groups, weight=None, bias=None, eps=1e-05)}: a literal
   * num_groups that does not divide a known channel count is refused at the argument, as PyTorch
   * refuses it.
   */
  private static Function groupNorm() {
    return Function.torch("group_norm").param("input", TENSOR).param("num_groups", INTEGER)
        .param("weight", TENSOR_OR_NONE, null).param("bias", TENSOR_OR_NONE, null).param("eps", NUMBER, 1e-5)
        .shape(a -> {
          Shape x = a.shape("input");
          Long groups = a.integer("num_groups").constant();
          Long channels = x.isKnown() && x.rank() >= 2 ? x.dim(1).constant() : null;
          if (groups != null && (groups < 1 || channels != null && channels % groups != 0)) {
            throw a.fail("num_groups", "expected the number of channels in input"
                + (channels == null ? "" : " (" + channels + ")") + " to be divisible by num_groups, got " + groups);
          }
          return x;
        })
        .eval(a -> Ops.groupNorm(a.var("input"), a.integer("num_groups"), a.varOrNull("weight"), a.varOrNull("bias"),
            a.number("eps")))
        .math(Notation.function("GroupNorm", "input")).build();
  }

  /**
   * PyTorch's {@code instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None,
   * use_input_stats=True, momentum=0.1, eps=1e-05)}; the running statistics are constants, as in
   * batch_norm, and PyTorch's in-place update of them changes no value a claim can read.
   */
  private static Function instanceNorm() {
    return Function.torch("instance_norm").param("input", TENSOR).param("running_mean", TENSOR_OR_NONE, null)
        .param("running_var", TENSOR_OR_NONE, null).param("weight", TENSOR_OR_NONE, null)
        .param("bias", TENSOR_OR_NONE, null).param("use_input_stats", BOOL, true).param("momentum", NUMBER, 0.1)
        .param("eps", NUMBER, 1e-5)
        .shape(a -> a.shape("input"))
        .eval(a -> Ops.instanceNorm(a.var("input"), a.isNone("running_mean") ? null : a.tensor("running_mean"),
            a.isNone("running_var") ? null : a.tensor("running_var"), a.varOrNull("weight"), a.varOrNull("bias"),
            a.bool("use_input_stats"), a.number("eps")))
        .math(Notation.function("InstanceNorm", "input")).build();
  }

  /**
   * PyTorch's {@code normalize(input, p=2.0, dim=1, eps=1e-12)} and {@code cosine_similarity(x1, x2,
   * dim=1, eps=1e-08)}; {@code dim} also answers to {@code axis}, as softmax's does.
   */
  private static Function similarities(String name) {
    return switch (name) {
      case "normalize" -> Function.torch("normalize").param("input", TENSOR).param("p", NUMBER, 2.0)
          .param("dim", INTEGER, 1L).alias("axis").param("eps", NUMBER, 1e-12)
          .shape(a -> {
            Shape x = a.shape("input");
            if (x.isKnown()) {
              ShapeRules.axis(a.constant("dim"), x.rank()); // out of range: unknown, refused when run
            }
            return x;
          })
          .eval(a -> Ops.normalize(a.var("input"), a.number("p"), a.integer("dim"), a.number("eps")))
          .math(Notation.function("normalize", "input")).build();
      case "cosine_similarity" -> Function.torch("cosine_similarity").param("x1", TENSOR).param("x2", TENSOR)
          .param("dim", INTEGER, 1L).alias("axis").param("eps", NUMBER, 1e-8)
          .shape(a -> ShapeRules.reduce(ShapeRules.broadcast(a.shape("x1"), a.shape("x2")),
              new int[] {a.constant("dim")}, false))
          .eval(a -> Ops.cosineSimilarity(a.var("x1"), a.var("x2"), a.integer("dim"), a.number("eps")))
          .math(Notation.function("cosine_similarity", "x1")).build();
      default -> null;
    };
  }

  /** PyTorch's margin losses, each with {@code reduction=} as the other losses. */
  private static Function marginLosses(String name) {
    return switch (name) {
      case "margin_ranking_loss" -> margined(Function.torch("margin_ranking_loss").param("input1", TENSOR)
          .param("input2", TENSOR)
          .param("target", TENSOR).param("margin", NUMBER, 0.0))
          .shape(a -> reduced(a, ShapeRules.broadcast(ShapeRules.broadcast(a.shape("input1"), a.shape("input2")),
              a.shape("target"))))
          .eval(a -> reduce(a, Ops.marginRankingLoss(a.var("input1"), a.var("input2"), a.var("target"),
              a.number("margin"))))
          .math(Notation.function("margin_ranking_loss", "input1")).build();
      case "hinge_embedding_loss" -> margined(Function.torch("hinge_embedding_loss").param("input", TENSOR)
          .param("target", TENSOR)
          .param("margin", NUMBER, 1.0))
          .shape(NetworkFunctions::elementwiseLoss)
          .eval(a -> reduce(a, Ops.hingeEmbeddingLoss(a.var("input"), a.var("target"), a.number("margin"))))
          .math(Notation.function("hinge_embedding_loss", "input")).build();
      case "soft_margin_loss" -> loss("soft_margin_loss").shape(NetworkFunctions::elementwiseLoss)
          .eval(a -> reduce(a, Ops.softMarginLoss(a.var("input"), a.tensor("target"))))
          .math(Notation.function("soft_margin_loss", "input")).build();
      case "multi_margin_loss" -> margined(Function.torch("multi_margin_loss").param("input", TENSOR)
          .param("target", TENSOR)
          .param("p", INTEGER, 1L).param("margin", NUMBER, 1.0).param("weight", TENSOR_OR_NONE, null))
          .shape(a -> {
            Long p = a.integer("p").constant();
            if (p != null && p != 1 && p != 2) {
              throw a.fail("p", "only p == 1 and p == 2 are supported (as PyTorch), got " + p);
            }
            return reduced(a, a.shape("input").rank() == 1 ? Shape.scalar() : perRow(a));
          })
          .eval(a -> reduce(a, Ops.multiMarginLoss(a.var("input"), a.tensor("target"), a.integer("p"),
              a.number("margin"), weight(a))))
          .math(Notation.function("multi_margin_loss", "input")).build();
      case "triplet_margin_loss" -> margined(Function.torch("triplet_margin_loss").param("anchor", TENSOR)
          .param("positive", TENSOR)
          .param("negative", TENSOR).param("margin", NUMBER, 1.0).param("p", NUMBER, 2.0).param("eps", NUMBER, 1e-6)
          .param("swap", BOOL, false))
          .shape(a -> {
            Shape all = ShapeRules.broadcast(ShapeRules.broadcast(a.shape("anchor"), a.shape("positive")),
                a.shape("negative"));
            return reduced(a, all.isKnown() && all.rank() > 0 ? ShapeRules.reduce(all, new int[] {-1}, false)
                : Shape.unknown());
          })
          .eval(a -> reduce(a, Ops.tripletMarginLoss(a.var("anchor"), a.var("positive"), a.var("negative"),
              a.number("margin"), a.number("p"), a.number("eps"), a.bool("swap"))))
          .math(Notation.function("triplet_margin_loss", "anchor")).build();
      case "cosine_embedding_loss" -> margined(Function.torch("cosine_embedding_loss").param("input1", TENSOR)
          .param("input2", TENSOR)
          .param("target", TENSOR).param("margin", NUMBER, 0.0))
          .shape(a -> reduced(a, a.shape("target")))
          .eval(a -> reduce(a, Ops.cosineEmbeddingLoss(a.var("input1"), a.var("input2"), a.var("target"),
              a.number("margin"))))
          .math(Notation.function("cosine_embedding_loss", "input1")).build();
      default -> null;
    };
  }

  /** A margin loss's keyword-only {@code reduction='mean'}, after its positional parameters. */
  private static Function.Builder margined(Function.Builder f) {
    return f.keyword("reduction", STRING, "mean").choices("mean", "sum", "none");
  }

  private static Function convolutions(String name) {
    return switch (name) {
      case "conv1d" -> convolution("conv1d", 1, false)
          .eval(a -> Ops.conv1d(a.var("input"), a.var("weight"), a.varOrNull("bias"), a.integer("stride"),
              a.integer("padding"), a.integer("dilation"), a.integer("groups"))).build();
      case "conv2d" -> convolution("conv2d", 2, false)
          .eval(a -> Ops.conv2d(a.var("input"), a.var("weight"), a.varOrNull("bias"), a.pair("stride"),
              a.pair("padding"), a.pair("dilation"), a.integer("groups"))).build();
      case "conv_transpose1d" -> convolution("conv_transpose1d", 1, true)
          .eval(a -> Ops.convTranspose1d(a.var("input"), a.var("weight"), a.varOrNull("bias"), a.integer("stride"),
              a.integer("padding"), a.integer("output_padding"), a.integer("groups"), a.integer("dilation")))
          .build();
      case "conv_transpose2d" -> convolution("conv_transpose2d", 2, true)
          .eval(a -> Ops.convTranspose2d(a.var("input"), a.var("weight"), a.varOrNull("bias"), a.pair("stride"),
              a.pair("padding"), a.pair("output_padding"), a.integer("groups"), a.pair("dilation"))).build();
      default -> null;
    };
  }

  /**
   * PyTorch's {@code name(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)}, or
   * transposed {@code name(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
   * dilation=1)}: sizes are integers in 1-D and integers or pairs in 2-D.
   */
  private static Function.Builder convolution(String name, int spatial, boolean transposed) {
    ParamType size = spatial == 1 ? INTEGER : PAIR;
    Function.Builder f = Function.torch(name).param("input", TENSOR).param("weight", TENSOR)
        .param("bias", TENSOR_OR_NONE, null).param("stride", size, 1L).param("padding", size, 0L);
    if (transposed) {
      f.param("output_padding", size, 0L).param("groups", INTEGER, 1L).param("dilation", size, 1L);
    } else {
      f.param("dilation", size, 1L).param("groups", INTEGER, 1L);
    }
    return f.shape(a -> convShape(a, spatial, transposed))
        .math(transposed ? Notation.function(name, "input") : Notation.infix("∗", "input", "weight", "stride", "padding", "dilation", "groups"));
  }

  /**
   * A convolution's output: the input's batch axis (if any), the output channels (the weight's first
   * dim, or transposed its second times the groups), then one length per spatial axis, the kernel
   * spread by the dilation to {@code dilation·(k - 1) + 1}.
   */
  private static Shape convShape(StaticArgs a, int spatial, boolean transposed) {
    List<Dim> in = a.dims("input");
    List<Dim> w = a.dims("weight");
    Dim groups = groups(a, w);
    if (w.size() != spatial + 2 || (in.size() != spatial + 1 && in.size() != spatial + 2)) {
      return Shape.unknown();
    }
    Dim[] stride = sizes(a, "stride", spatial);
    Dim[] padding = sizes(a, "padding", spatial);
    Dim[] dilation = sizes(a, "dilation", spatial);
    Dim[] extra = transposed ? sizes(a, "output_padding", spatial) : null;
    List<Dim> out = new ArrayList<>(in.subList(0, in.size() - spatial - 1));
    out.add(transposed ? (groups.is(1) ? w.get(1) : w.get(1).times(groups)) : w.get(0));
    for (int i = 0; i < spatial; i++) {
      Dim n = in.get(in.size() - spatial + i);
      Dim k = dilation[i].is(1) ? w.get(2 + i) : dilation[i].times(w.get(2 + i).minus(Dim.of(1))).plus(Dim.of(1));
      out.add(transposed ? ShapeRules.transposedOutput(n, k, stride[i], padding[i]).plus(extra[i])
          : ShapeRules.windowOutput(n, k, stride[i], padding[i]));
    }
    return new Shape(out);
  }

  /**
   * The groups, refused at the argument where PyTorch refuses them and the sizes are known: below 1, or
   * not dividing the weight's first dim (its output channels, or transposed its input channels).
   */
  private static Dim groups(StaticArgs a, List<Dim> w) {
    Dim groups = a.integer("groups");
    Long g = groups.constant();
    if (g != null && g < 1) {
      throw a.fail("groups", "groups must be positive (PyTorch: non-positive groups is not supported), got " + g);
    }
    Long first = w.isEmpty() ? null : w.get(0).constant();
    if (g != null && first != null && first % g != 0) {
      throw a.fail("groups", "the weight's first dimension (" + first + ") must divide into groups=" + g
          + ", as PyTorch requires");
    }
    return groups;
  }

  /** An integer (1-D) or PyTorch pair (2-D) size argument, one value per spatial axis. */
  private static Dim[] sizes(StaticArgs a, String param, int spatial) {
    return spatial == 1 ? new Dim[] {a.integer(param)} : a.pair(param);
  }

  /** PyTorch's pooling: {@code name(input, kernel_size, stride=None, padding=0)}; stride defaults to the kernel. */
  private interface Pool {
    Var apply(Var input, int[] kernel, int[] stride, int[] padding);
  }

  private static Function pool(String name, Pool op) {
    return Function.torch(name).param("input", TENSOR).param("kernel_size", PAIR)
        .param("stride", PAIR_OR_NONE, null).param("padding", PAIR, 0L)
        .shape(a -> {
          List<Dim> in = a.dims("input");
          if (in.size() != 3 && in.size() != 4) {
            return Shape.unknown();
          }
          Dim[] kernel = a.pair("kernel_size");
          Dim[] stride = a.isNone("stride") ? kernel : a.pair("stride");
          Dim[] padding = a.pair("padding");
          List<Dim> out = new ArrayList<>(in.subList(0, in.size() - 2));
          for (int i = 0; i < 2; i++) {
            out.add(ShapeRules.windowOutput(in.get(in.size() - 2 + i), kernel[i], stride[i], padding[i]));
          }
          return new Shape(out);
        })
        .eval(a -> {
          int[] kernel = a.pair("kernel_size");
          int[] stride = a.pairOrNull("stride");
          return op.apply(a.var("input"), kernel, stride == null ? kernel : stride, a.pair("padding"));
        })
        .math(Notation.function(name, "input")).build();
  }

  private static Function pooling(String name) {
    return switch (name) {
      case "max_pool2d" -> pool("max_pool2d", Ops::maxPool2d);
      case "avg_pool2d" -> pool("avg_pool2d", Ops::avgPool2d);
      case "max_pool1d" -> pool1d("max_pool1d", Ops::maxPool1d);
      case "avg_pool1d" -> pool1d("avg_pool1d", Ops::avgPool1d);
      case "adaptive_avg_pool1d" -> adaptive("adaptive_avg_pool1d", 1, a -> Ops.adaptiveAvgPool1d(a.var("input"),
          a.integer("output_size")));
      case "adaptive_avg_pool2d" -> adaptive("adaptive_avg_pool2d", 2, a -> Ops.adaptiveAvgPool2d(a.var("input"),
          a.pair("output_size")));
      case "adaptive_max_pool1d" -> adaptive("adaptive_max_pool1d", 1, a -> Ops.adaptiveMaxPool1d(a.var("input"),
          a.integer("output_size")));
      case "adaptive_max_pool2d" -> adaptive("adaptive_max_pool2d", 2, a -> Ops.adaptiveMaxPool2d(a.var("input"),
          a.pair("output_size")));
      default -> null;
    };
  }

  /** PyTorch's 1-D pooling: {@code name(input, kernel_size, stride=None, padding=0)} with integer sizes. */
  private interface Pool1d {
    Var apply(Var input, int kernel, Integer stride, int padding);
  }

  private static Function pool1d(String name, Pool1d op) {
    return Function.torch(name).param("input", TENSOR).param("kernel_size", INTEGER)
        .param("stride", INTEGER_OR_NONE, null).param("padding", INTEGER, 0L)
        .shape(a -> {
          List<Dim> in = a.dims("input");
          if (in.size() != 2 && in.size() != 3) {
            return Shape.unknown();
          }
          Dim kernel = a.integer("kernel_size");
          Dim stride = a.isNone("stride") ? kernel : a.integer("stride");
          List<Dim> out = new ArrayList<>(in.subList(0, in.size() - 1));
          out.add(ShapeRules.windowOutput(in.get(in.size() - 1), kernel, stride, a.integer("padding")));
          return new Shape(out);
        })
        .eval(a -> op.apply(a.var("input"), a.integer("kernel_size"), a.integerOrNull("stride"), a.integer("padding")))
        .math(Notation.function(name, "input")).build();
  }

  /**
   * PyTorch's {@code name(input, output_size)}: the last {@code spatial} axes become {@code output_size}
   * (an integer in 1-D, an integer or a pair in 2-D).
   */
  private static Function adaptive(String name, int spatial, Function.TensorEvaluation eval) {
    return Function.torch(name).param("input", TENSOR).param("output_size", spatial == 1 ? INTEGER : PAIR)
        .shape(a -> {
          List<Dim> in = a.dims("input");
          if (in.size() != spatial + 1 && in.size() != spatial + 2) {
            return Shape.unknown();
          }
          List<Dim> out = new ArrayList<>(in.subList(0, in.size() - spatial));
          out.addAll(spatial == 1 ? List.of(a.integer("output_size")) : List.of(a.pair("output_size")));
          return new Shape(out);
        })
        .eval(eval)
        .math(Notation.function(name, "input")).build();
  }

  /**
   * PyTorch's {@code embedding(input, weight, padding_idx=None)}: rows of a {@code (num_embeddings,
   * embedding_dim)} weight looked up by integer labels of any shape. A weight of known rank other than 2
   * and a literal padding_idx outside {@code [-num_embeddings, num_embeddings)} are refused at the
   * argument, as PyTorch refuses them; an index out of range is refused when run.
   */
  private static Function embedding() {
    return Function.torch("embedding").param("input", TENSOR).param("weight", TENSOR)
        .param("padding_idx", INTEGER_OR_NONE, null)
        .shape(a -> {
          Shape in = a.shape("input");
          List<Dim> w = embeddingWeight(a);
          return in.isKnown() ? in.append(w.get(1)) : Shape.unknown();
        })
        .eval(a -> Ops.embedding(a.tensor("input"), a.var("weight"), a.integerOrNull("padding_idx")))
        .math(Notation.function("embedding", "input")).build();
  }

  /** The weight's two dims, after the static refusals of a weight that is not 2-D and of padding_idx. */
  private static List<Dim> embeddingWeight(StaticArgs a) {
    List<Dim> w = a.dims("weight");
    if (w.size() != 2) {
      throw a.fail("weight", "'weight' must be 2-D (num_embeddings, embedding_dim), got " + w.size()
          + (w.size() == 1 ? " dimension" : " dimensions"));
    }
    Long rows = w.get(0).constant();
    Long pad = a.isNone("padding_idx") ? null : a.integer("padding_idx").constant();
    if (rows != null && pad != null && (pad >= rows || pad < -rows)) {
      throw a.fail("padding_idx", "padding_idx must be within num_embeddings (" + rows + "), in [" + -rows + ", "
          + rows + "), got " + pad);
    }
    return w;
  }
}
