package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.AXES;
import static io.github.gradproof.claim.ParamType.BOOL;
import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.ORDER;
import static io.github.gradproof.claim.ParamType.SHAPE;
import static io.github.gradproof.claim.ParamType.TENSOR;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Var;
import java.util.List;

/**
 * PyTorch's tensor methods that are no function of the language: {@code x.t()}, the attribute
 * {@code x.mT}, {@code x.view(...)}, {@code x.neg()}, {@code x.detach()}, {@code x.norm()} and the
 * methods {@code x.softmax(dim)} and {@code x.log_softmax(dim)}, whose {@code dim} PyTorch requires
 * (the functions of those names choose one when it is omitted). Each is called with the tensor as
 * its first parameter; {@link Functions#method} finds them before a function of the same name, so
 * {@code x.norm(1)} is PyTorch's (the 1-norm of every element), not {@code norm(x, 1)}.
 */
final class TensorMethods {

  private TensorMethods() {}

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "t", "mT", "view", "neg", "detach", "norm", "softmax", "log_softmax");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(TensorMethods::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    return switch (name) {
      case "t" -> Function.tensorMethod("t").param("input", TENSOR)
          .shape(TensorMethods::tShape)
          .eval(a -> a.var("input").t())
          .math(Notation.superscript("T", "input")).build();
      case "mT" -> Function.tensorMethod("mT").param("input", TENSOR).attribute()
          .shape(TensorMethods::mTShape)
          .eval(a -> a.var("input").mT())
          .math(Notation.function("mT", "input")).build();
      case "view" -> Function.tensorMethod("view").param("input", TENSOR).param("shape", SHAPE).packedMethod()
          .shape(a -> ShapeRules.reshape(a.shape("input"), a.sizes("shape")))
          .eval(a -> a.var("input").reshape(a.shape("shape")))
          .math(Notation.function("view", "input")).build();
      case "neg" -> Function.tensorMethod("neg").param("input", TENSOR).shape(a -> a.shape("input"))
          .eval(a -> a.var("input").neg())
          .math(Notation.function("neg", "input")).build();
      case "detach" -> Function.tensorMethod("detach").param("input", TENSOR).shape(a -> a.shape("input"))
          .eval(a -> a.var("input").detach())
          .math(Notation.function("detach", "input")).build();
      case "norm" -> Function.tensorMethod("norm").param("input", TENSOR).param("p", ORDER, "fro").choices("fro", "nuc")
          .param("dim", AXES, null).param("keepdim", BOOL, false)
          .shape(TensorMethods::normShape)
          .eval(TensorMethods::norm)
          .math(Notation.function("norm", "input")).build();
      case "softmax" -> alongDim("softmax", Var::softmax, "softmax");
      case "log_softmax" -> alongDim("log_softmax", Var::logSoftmax, "log softmax");
      default -> null;
    };
  }

  /** PyTorch's {@code x.softmax(dim)}: the function's semantics, {@code dim} required (also {@code axis=}). */
  private static Function alongDim(String name, java.util.function.BiFunction<Var, Integer, Var> op, String symbol) {
    return Function.tensorMethod(name).param("input", TENSOR).param("dim", INTEGER).alias("axis")
        .shape(a -> {
          Shape x = a.shape("input");
          if (x.isKnown()) {
            ShapeRules.axis(a.constant("dim"), Math.max(1, x.rank()));
          }
          return x;
        })
        .eval(a -> op.apply(a.var("input"), a.integer("dim")))
        .math(Notation.alongAxis(symbol, "input", "dim")).build();
  }

  /** torch's t(): at most two axes, reversed. */
  private static Shape tShape(StaticArgs a) {
    Shape x = a.shape("input");
    if (x.isKnown() && x.rank() > 2) {
      throw a.failAtCall("expects a tensor with at most 2 axes, as PyTorch's, got " + x.rank() + "; write x.mT to"
          + " swap the last two axes, or x.permute(...) to order them all");
    }
    return ShapeRules.transpose(x, null);
  }

  /** torch's mT: at least two axes, the last two swapped. */
  private static Shape mTShape(StaticArgs a) {
    Shape x = a.shape("input");
    if (x.isKnown() && x.rank() < 2) {
      throw a.failAtCall("needs a matrix or a batch of matrices, as PyTorch's, got " + x.rank()
          + (x.rank() == 1 ? " axis" : " axes") + (x.rank() == 1 ? " (a vector is its own transpose: write x)" : ""));
    }
    return ShapeRules.swapaxes(x, -2, -1);
  }

  /**
   * torch's {@code x.norm(p='fro', dim=None, keepdim=False)}: the vector norm of order {@code p} of the
   * elements along {@code dim} (every axis when None or {@code ()}), {@code 'fro'} being the 2-norm
   * over at most two axes; {@code 'nuc'} (of singular values) is not supported.
   */
  private static Shape normShape(StaticArgs a) {
    Shape x = a.shape("input");
    String named = a.type("p") instanceof StaticType.StringType s ? s.value() : null;
    if ("nuc".equals(named)) {
      throw a.fail("p", "the nuclear norm p='nuc' (of singular values) is not supported; p is a number or 'fro'");
    }
    int[] dims = normDims(a.axes("dim"));
    if ("fro".equals(named) && dims != null && dims.length > 2) {
      throw a.fail("dim", "p='fro' takes at most 2 dims, got " + dims.length + "; give a number p (2) for more");
    }
    return ShapeRules.reduce(x, dims, a.bool("keepdim"));
  }

  private static Var norm(Args a) {
    boolean named = a.value("p") instanceof Value.StringValue;
    int[] dims = normDims(a.axes("dim"));
    if (named && dims != null && dims.length > 2) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, "norm: p='fro' takes at most 2 dims, got " + dims.length);
    }
    return Ops.vectorNorm(a.var("input"), named || a.isNone("p") ? 2 : a.number("p"), dims, a.bool("keepdim"));
  }

  /** torch's {@code dim}: None and {@code ()} reduce every axis. */
  private static int[] normDims(int[] dims) {
    return dims == null || dims.length == 0 ? null : dims;
  }
}
