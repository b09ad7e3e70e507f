package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.NUMBER;
import static io.github.gradproof.claim.ParamType.STRING;
import static io.github.gradproof.claim.ParamType.TENSOR;
import static io.github.gradproof.claim.ParamType.TENSOR_OR_NONE;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Elementwise functions: NumPy's ufuncs ({@code exp}, {@code maximum}, {@code where}, ...), SciPy's
 * {@code erf} and PyTorch's activations ({@code relu}, {@code softplus}, {@code gelu}, ...). Operands
 * broadcast as NumPy's do.
 */
final class ElementwiseFunctions {

  private ElementwiseFunctions() {}

  /** A NumPy ufunc of one operand {@code x}, keeping its shape. */
  private static Function numpy(String name, UnaryOperator<Var> op, Notation notation) {
    return ufunc(name, op, notation).build();
  }

  /** The same, also a method as PyTorch's tensors have it: {@code x.exp()}. */
  private static Function numpyAndMethod(String name, UnaryOperator<Var> op, Notation notation) {
    return ufunc(name, op, notation).method().build();
  }

  private static Function.Builder ufunc(String name, UnaryOperator<Var> op, Notation notation) {
    return Function.numpy(name).param("x", TENSOR).shape(a -> a.shape("x"))
        .eval(a -> op.apply(a.var("x"))).math(notation);
  }

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "exp", "log", "sqrt", "abs", "sign", "square", "sin", "cos", "tanh", "log1p", "log2", "log10", "cosh", "sinh",
      "erf", "maximum", "minimum", "logaddexp", "remainder", "fmod", "floor_divide", "tan", "arctan", "arcsin",
      "arccos", "arctan2", "atan", "asin", "acos", "atan2", "reciprocal", "rsqrt", "power", "pow", "heaviside",
      "floor", "ceil", "trunc", "round", "where", "masked_fill", "clip", "clamp", "sigmoid", "relu", "leaky_relu",
      "softplus", "gelu", "silu", "logsigmoid", "elu", "selu", "celu", "hardtanh", "relu6", "hardsigmoid",
      "hardswish", "softsign", "mish");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(ElementwiseFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    return switch (name) {
      case "exp" -> numpyAndMethod("exp", Var::exp, Notation.exponential("e", "x"));
      case "log" -> numpyAndMethod("log", Var::log, Notation.function("log", "x"));
      case "sqrt" -> numpyAndMethod("sqrt", Var::sqrt, Notation.radical("x"));
      case "abs" -> numpyAndMethod("abs", Var::abs, Notation.enclosed("||", "x"));
      case "sign" -> numpy("sign", Var::sign, Notation.function("sgn", "x"));
      case "square" -> numpyAndMethod("square", Var::square, Notation.superscript("2", "x"));
      case "sin" -> numpy("sin", Var::sin, Notation.function("sin", "x"));
      case "cos" -> numpy("cos", Var::cos, Notation.function("cos", "x"));
      case "tanh" -> numpyAndMethod("tanh", Var::tanh, Notation.function("tanh", "x"));
      case "log1p" -> numpy("log1p", Var::log1p, Notation.function("log1p", "x"));
      case "log2" -> numpy("log2", Var::log2, Notation.function("log₂", "x"));
      case "log10" -> numpyAndMethod("log10", Var::log10, Notation.function("log₁₀", "x"));
      case "cosh" -> numpy("cosh", Var::cosh, Notation.function("cosh", "x"));
      case "sinh" -> numpy("sinh", Var::sinh, Notation.function("sinh", "x"));
      case "erf" -> Function.scipy("erf").param("x", TENSOR).shape(a -> a.shape("x"))
          .eval(a -> a.var("x").erf()).math(Notation.function("erf", "x")).build();
      case "maximum" -> binary("maximum", Var::maximum, "max");
      case "minimum" -> binary("minimum", Var::minimum, "min");
      case "logaddexp" -> binary("logaddexp", Var::logaddexp, "logaddexp");
      case "remainder" -> binary("remainder", Var::remainder, "mod");
      case "fmod" -> binary("fmod", Var::fmod, "fmod");
      case "floor_divide" -> binary("floor_divide", Ops::floorDivide, "floor_divide");
      case "tan" -> numpy("tan", Var::tan, Notation.function("tan", "x"));
      case "arctan" -> numpy("arctan", Var::arctan, Notation.function("arctan", "x"));
      case "arcsin" -> numpy("arcsin", Var::arcsin, Notation.function("arcsin", "x"));
      case "arccos" -> numpy("arccos", Var::arccos, Notation.function("arccos", "x"));
      case "arctan2" -> binary("arctan2", Var::arctan2, "atan2");
      case "atan" -> numpy("atan", Var::arctan, Notation.function("arctan", "x"));
      case "asin" -> numpy("asin", Var::arcsin, Notation.function("arcsin", "x"));
      case "acos" -> numpy("acos", Var::arccos, Notation.function("arccos", "x"));
      case "atan2" -> binary("atan2", Var::arctan2, "atan2");
      case "reciprocal" -> numpy("reciprocal", Var::reciprocal, Notation.superscript("−1", "x"));
      case "rsqrt" -> Function.torch("rsqrt").counterpart("torch.rsqrt").param("input", TENSOR).method()
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").rsqrt()).math(Notation.superscript("−1/2", "input")).build();
      case "power" -> binary("power", Evaluator::power, "pow");
      case "pow" -> Function.numpy("pow").param("x1", TENSOR).param("x2", TENSOR).alias("exponent").method()
          .shape(a -> ShapeRules.broadcast(a.shape("x1"), a.shape("x2")))
          .eval(a -> Evaluator.power(a.var("x1"), a.var("x2")))
          .math(Notation.function("pow", "x1")).build();
      case "heaviside" -> Function.numpy("heaviside").param("x1", TENSOR).alias("input").param("x2", TENSOR)
          .alias("values")
          .shape(a -> ShapeRules.broadcast(a.shape("x1"), a.shape("x2")))
          .eval(a -> Ops.heaviside(a.var("x1"), a.var("x2")))
          .math(Notation.function("H", "x1")).build();
      case "floor" -> numpy("floor", Var::floor, Notation.enclosed("⌊⌋", "x"));
      case "ceil" -> numpy("ceil", Var::ceil, Notation.enclosed("⌈⌉", "x"));
      case "trunc" -> numpy("trunc", Var::trunc, Notation.function("trunc", "x"));
      case "round" -> Function.numpy("round").param("a", TENSOR).param("decimals", INTEGER, 0L).shape(a -> a.shape("a"))
          .eval(a -> a.var("a").round(a.integer("decimals"))).math(Notation.function("round", "a")).build();
      case "where" -> Function.numpy("where").param("condition", TENSOR).param("x", TENSOR).param("y", TENSOR)
          .shape(a -> ShapeRules.broadcast(a.shape("condition"), a.shape("x"), a.shape("y")))
          .eval(a -> Ops.where(a.var("condition"), a.var("x"), a.var("y")))
          .math(Notation.conditional("where", "condition")).build();
      case "masked_fill" -> Function.torch("masked_fill").counterpart("torch.masked_fill").param("input", TENSOR)
          .param("mask", TENSOR)
          .param("value", NUMBER).method()
          .shape(a -> ShapeRules.broadcast(a.shape("input"), a.shape("mask")))
          .eval(a -> Ops.maskedFill(a.var("input"), a.var("mask"), a.var("value")))
          .math(Notation.function("masked_fill", "input")).build();
      case "clip" -> Function.numpy("clip").param("a", TENSOR).param("a_min", TENSOR_OR_NONE, null).alias("min")
          .param("a_max", TENSOR_OR_NONE, null).alias("max").method()
          .shape(a -> boundsShape(a, "a", "a_min", "a_max"))
          .eval(a -> a.var("a").clip(a.varOrNull("a_min"), a.varOrNull("a_max")))
          .math(Notation.function("clip", "a")).build();
      case "clamp" -> Function.torch("clamp").counterpart("torch.clamp").param("input", TENSOR)
          .param("min", TENSOR_OR_NONE, null)
          .param("max", TENSOR_OR_NONE, null).method()
          .shape(a -> boundsShape(a, "input", "min", "max"))
          .eval(a -> a.var("input").clip(a.varOrNull("min"), a.varOrNull("max")))
          .math(Notation.function("clamp", "input")).build();
      case "sigmoid" -> Function.torch("sigmoid").counterpart("torch.sigmoid").param("input", TENSOR).method()
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").sigmoid()).math(Notation.function("σ", "input")).build();
      case "relu" -> Function.torch("relu").param("input", TENSOR).method().shape(a -> a.shape("input"))
          .eval(a -> a.var("input").relu()).math(Notation.function("ReLU", "input")).build();
      case "leaky_relu" -> Function.torch("leaky_relu").param("input", TENSOR).param("negative_slope", NUMBER, 0.01)
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").leakyRelu(a.number("negative_slope")))
          .math(Notation.function("LeakyReLU", "input")).build();
      case "softplus" -> Function.torch("softplus").param("input", TENSOR).param("beta", NUMBER, 1L)
          .param("threshold", NUMBER, 20L)
          .shape(a -> a.shape("input"))
          .eval(ElementwiseFunctions::softplus)
          .math(Notation.function("softplus", "input")).build();
      case "gelu" -> Function.torch("gelu").param("input", TENSOR).keyword("approximate", STRING, "none")
          .choices("none", "tanh")
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").gelu(a.string("approximate").equals("tanh")))
          .math(Notation.function("GELU", "input")).build();
      case "silu" -> activation("silu", Var::silu, "SiLU");
      case "logsigmoid" -> activation("logsigmoid", Var::logsigmoid, "log σ");
      case "elu" -> Function.torch("elu").param("input", TENSOR).param("alpha", NUMBER, 1.0)
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").elu(a.number("alpha"))).math(Notation.function("ELU", "input")).build();
      case "selu" -> activation("selu", Var::selu, "SELU");
      case "celu" -> Function.torch("celu").param("input", TENSOR).param("alpha", NUMBER, 1.0)
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").celu(a.number("alpha"))).math(Notation.function("CELU", "input")).build();
      case "hardtanh" -> Function.torch("hardtanh").param("input", TENSOR).param("min_val", NUMBER, -1.0)
          .param("max_val", NUMBER, 1.0)
          .shape(a -> a.shape("input"))
          .eval(a -> a.var("input").hardtanh(a.number("min_val"), a.number("max_val")))
          .math(Notation.function("HardTanh", "input")).build();
      case "relu6" -> activation("relu6", x -> x.hardtanh(0, 6), "ReLU6");
      case "hardsigmoid" -> activation("hardsigmoid", Var::hardsigmoid, "HardSigmoid");
      case "hardswish" -> activation("hardswish", Var::hardswish, "HardSwish");
      case "softsign" -> activation("softsign", Var::softsign, "softsign");
      case "mish" -> activation("mish", Var::mish, "Mish");
      default -> null;
    };
  }

  /** A {@code torch.nn.functional} activation of one operand {@code input}, keeping its shape. */
  private static Function activation(String name, UnaryOperator<Var> op, String symbol) {
    return Function.torch(name).param("input", TENSOR).shape(a -> a.shape("input"))
        .eval(a -> op.apply(a.var("input"))).math(Notation.function(symbol, "input")).build();
  }

  /** A NumPy ufunc of two broadcast operands {@code x1}, {@code x2}, written {@code symbol(x1, x2)}. */
  private static Function binary(String name, java.util.function.BinaryOperator<Var> op, String symbol) {
    return Function.numpy(name).param("x1", TENSOR).param("x2", TENSOR)
        .shape(a -> ShapeRules.broadcast(a.shape("x1"), a.shape("x2")))
        .eval(a -> op.apply(a.var("x1"), a.var("x2")))
        .math(Notation.function(symbol, "x1")).build();
  }

  /** clip's and clamp's shape: the operand and the bounds given broadcast; one bound at least. */
  private static Shape boundsShape(StaticArgs a, String operand, String lo, String hi) {
    if (a.isNone(lo) && a.isNone(hi)) {
      throw a.fail(lo, "give " + lo + ", " + hi + " or both (one may be None, not both)");
    }
    List<Shape> shapes = new ArrayList<>();
    shapes.add(a.shape(operand));
    for (String bound : List.of(lo, hi)) {
      if (!a.isNone(bound)) {
        shapes.add(a.shape(bound));
      }
    }
    return ShapeRules.broadcast(shapes.toArray(Shape[]::new));
  }

  /** PyTorch's softplus: {@code log(1 + exp(beta·x)) / beta}, and {@code x} where {@code beta·x > threshold}. */
  private static Var softplus(Args a) {
    Var x = a.var("input");
    double beta = a.number("beta");
    Var scaled = beta == 1 ? x : x.mul(Var.constant(Tensor.scalar(beta)));
    Var smooth = beta == 1 ? scaled.softplus() : scaled.softplus().div(Var.constant(Tensor.scalar(beta)));
    return Ops.where(scaled.gt(Var.constant(Tensor.scalar(a.number("threshold")))), x, smooth);
  }
}
