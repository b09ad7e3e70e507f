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

  static List<Function> all() {
    return List.of(
        numpyAndMethod("exp", Var::exp, Notation.exponential("e", "x")),
        numpyAndMethod("log", Var::log, Notation.function("log", "x")),
        numpyAndMethod("sqrt", Var::sqrt, Notation.radical("x")),
        numpyAndMethod("abs", Var::abs, Notation.enclosed("||", "x")),
        numpy("sign", Var::sign, Notation.function("sgn", "x")),
        numpyAndMethod("square", Var::square, Notation.superscript("2", "x")),
        numpy("sin", Var::sin, Notation.function("sin", "x")),
        numpy("cos", Var::cos, Notation.function("cos", "x")),
        numpyAndMethod("tanh", Var::tanh, Notation.function("tanh", "x")),
        numpy("log1p", Var::log1p, Notation.function("log1p", "x")),
        numpy("log2", Var::log2, Notation.function("log₂", "x")),
        numpyAndMethod("log10", Var::log10, Notation.function("log₁₀", "x")),
        numpy("cosh", Var::cosh, Notation.function("cosh", "x")),
        numpy("sinh", Var::sinh, Notation.function("sinh", "x")),
        Function.scipy("erf").param("x", TENSOR).shape(a -> a.shape("x"))
            .eval(a -> a.var("x").erf()).math(Notation.function("erf", "x")).build(),
        binary("maximum", Var::maximum, "max"),
        binary("minimum", Var::minimum, "min"),
        binary("logaddexp", Var::logaddexp, "logaddexp"),
        binary("remainder", Var::remainder, "mod"),
        binary("fmod", Var::fmod, "fmod"),
        binary("floor_divide", Ops::floorDivide, "floor_divide"),
        numpy("tan", Var::tan, Notation.function("tan", "x")),
        numpy("arctan", Var::arctan, Notation.function("arctan", "x")),
        numpy("arcsin", Var::arcsin, Notation.function("arcsin", "x")),
        numpy("arccos", Var::arccos, Notation.function("arccos", "x")),
        binary("arctan2", Var::arctan2, "atan2"),
        numpy("atan", Var::arctan, Notation.function("arctan", "x")),
        numpy("asin", Var::arcsin, Notation.function("arcsin", "x")),
        numpy("acos", Var::arccos, Notation.function("arccos", "x")),
        binary("atan2", Var::arctan2, "atan2"),
        numpy("reciprocal", Var::reciprocal, Notation.superscript("−1", "x")),
        Function.torch("rsqrt").counterpart("torch.rsqrt").param("input", TENSOR).method()
            .shape(a -> a.shape("input"))
            .eval(a -> a.var("input").rsqrt()).math(Notation.superscript("−1/2", "input")).build(),
        binary("power", Evaluator::power, "pow"),
        Function.numpy("pow").param("x1", TENSOR).param("x2", TENSOR).alias("exponent").method()
            .shape(a -> ShapeRules.broadcast(a.shape("x1"), a.shape("x2")))
            .eval(a -> Evaluator.power(a.var("x1"), a.var("x2")))
            .math(Notation.function("pow", "x1")).build(),
        Function.numpy("heaviside").param("x1", TENSOR).alias("input").param("x2", TENSOR).alias("values")
            .shape(a -> ShapeRules.broadcast(a.shape("x1"), a.shape("x2")))
            .eval(a -> Ops.heaviside(a.var("x1"), a.var("x2")))
            .math(Notation.function("H", "x1")).build(),
        numpy("floor", Var::floor, Notation.enclosed("⌊⌋", "x")),
        numpy("ceil", Var::ceil, Notation.enclosed("⌈⌉", "x")),
        numpy("trunc", Var::trunc, Notation.function("trunc", "x")),
        Function.numpy("round").param("a", TENSOR).param("decimals", INTEGER, 0L).shape(a -> a.shape("a"))
            .eval(a -> a.var("a").round(a.integer("decimals"))).math(Notation.function("round", "a")).build(),
        Function.numpy("where").param("condition", TENSOR).param("x", TENSOR).param("y", TENSOR)
            .shape(a -> ShapeRules.broadcast(a.shape("condition"), a.shape("x"), a.shape("y")))
            .eval(a -> Ops.where(a.var("condition"), a.var("x"), a.var("y")))
            .math(Notation.conditional("where", "condition")).build(),
        Function.torch("masked_fill").counterpart("torch.masked_fill").param("input", TENSOR).param("mask", TENSOR)
            .param("value", NUMBER).method()
            .shape(a -> ShapeRules.broadcast(a.shape("input"), a.shape("mask")))
            .eval(a -> Ops.maskedFill(a.var("input"), a.var("mask"), a.var("value")))
            .math(Notation.function("masked_fill", "input")).build(),
        Function.numpy("clip").param("a", TENSOR).param("a_min", TENSOR_OR_NONE, null).alias("min")
            .param("a_max", TENSOR_OR_NONE, null).alias("max").method()
            .shape(a -> boundsShape(a, "a", "a_min", "a_max"))
            .eval(a -> a.var("a").clip(a.varOrNull("a_min"), a.varOrNull("a_max")))
            .math(Notation.function("clip", "a")).build(),
        Function.torch("clamp").counterpart("torch.clamp").param("input", TENSOR).param("min", TENSOR_OR_NONE, null)
            .param("max", TENSOR_OR_NONE, null).method()
            .shape(a -> boundsShape(a, "input", "min", "max"))
            .eval(a -> a.var("input").clip(a.varOrNull("min"), a.varOrNull("max")))
            .math(Notation.function("clamp", "input")).build(),
        Function.torch("sigmoid").counterpart("torch.sigmoid").param("input", TENSOR).method()
            .shape(a -> a.shape("input"))
            .eval(a -> a.var("input").sigmoid()).math(Notation.function("σ", "input")).build(),
        Function.torch("relu").param("input", TENSOR).method().shape(a -> a.shape("input"))
            .eval(a -> a.var("input").relu()).math(Notation.function("ReLU", "input")).build(),
        Function.torch("leaky_relu").param("input", TENSOR).param("negative_slope", NUMBER, 0.01)
            .shape(a -> a.shape("input"))
            .eval(a -> a.var("input").leakyRelu(a.number("negative_slope")))
            .math(Notation.function("LeakyReLU", "input")).build(),
        Function.torch("softplus").param("input", TENSOR).param("beta", NUMBER, 1L).param("threshold", NUMBER, 20L)
            .shape(a -> a.shape("input"))
            .eval(ElementwiseFunctions::softplus)
            .math(Notation.function("softplus", "input")).build(),
        Function.torch("gelu").param("input", TENSOR).keyword("approximate", STRING, "none").choices("none", "tanh")
            .shape(a -> a.shape("input"))
            .eval(a -> a.var("input").gelu(a.string("approximate").equals("tanh")))
            .math(Notation.function("GELU", "input")).build(),
        activation("silu", Var::silu, "SiLU"),
        activation("logsigmoid", Var::logsigmoid, "log σ"),
        Function.torch("elu").param("input", TENSOR).param("alpha", NUMBER, 1.0).shape(a -> a.shape("input"))
            .eval(a -> a.var("input").elu(a.number("alpha"))).math(Notation.function("ELU", "input")).build(),
        activation("selu", Var::selu, "SELU"),
        Function.torch("celu").param("input", TENSOR).param("alpha", NUMBER, 1.0).shape(a -> a.shape("input"))
            .eval(a -> a.var("input").celu(a.number("alpha"))).math(Notation.function("CELU", "input")).build(),
        Function.torch("hardtanh").param("input", TENSOR).param("min_val", NUMBER, -1.0).param("max_val", NUMBER, 1.0)
            .shape(a -> a.shape("input"))
            .eval(a -> a.var("input").hardtanh(a.number("min_val"), a.number("max_val")))
            .math(Notation.function("HardTanh", "input")).build(),
        activation("relu6", x -> x.hardtanh(0, 6), "ReLU6"),
        activation("hardsigmoid", Var::hardsigmoid, "HardSigmoid"),
        activation("hardswish", Var::hardswish, "HardSwish"),
        activation("softsign", Var::softsign, "softsign"),
        activation("mish", Var::mish, "Mish"));
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
