package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.AXES;
import static io.github.gradproof.claim.ParamType.BOOL;
import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.INTEGER_OR_NONE;
import static io.github.gradproof.claim.ParamType.TENSOR;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.Var;
import java.util.List;

/**
 * Reductions over axes (NumPy's {@code axis=}/{@code keepdims=}, also as array methods), SciPy's
 * {@code logsumexp}, NumPy's arg-reductions, {@code cumsum} and {@code sort}, and PyTorch's normalisations along
 * one {@code dim}. {@code max}/{@code min} route their gradient to the first arg-max/arg-min.
 */
final class ReductionFunctions {

  private ReductionFunctions() {}

  /** A reduction {@code name(a, axis=None, *, keepdims=False)}. */
  private interface Reduction {
    Var apply(Var x, int[] axes, boolean keepdims);
  }

  /** A NumPy reduction, also an array method. */
  private static Function reduction(String name, Reduction op, Notation notation) {
    return reduction(Function.numpy(name), op, notation).method().build();
  }

  private static Function.Builder reduction(Function.Builder f, Reduction op, Notation notation) {
    return f.param("a", TENSOR).param("axis", AXES, null).keyword("keepdims", BOOL, false)
        .shape(a -> ShapeRules.reduce(a.shape("a"), a.axes("axis"), a.bool("keepdims")))
        .eval(a -> op.apply(a.var("a"), a.axes("axis"), a.bool("keepdims")))
        .math(notation);
  }

  /**
   * torch's {@code amax}/{@code amin(input, dim=None, keepdim=False)} (also {@code axis=} and {@code keepdims=},
   * which torch accepts, and as methods): an empty tuple of dims reduces every dim, as in torch.
   */
  private static Function evenExtreme(String name, Reduction op, String symbol) {
    return Function.torch(name).counterpart("torch." + name).param("input", TENSOR).param("dim", AXES, null)
        .alias("axis").param("keepdim", BOOL, false).alias("keepdims").method()
        .shape(a -> ShapeRules.reduce(a.shape("input"), everyWhenEmpty(a.axes("dim")), a.bool("keepdim")))
        .eval(a -> op.apply(a.var("input"), everyWhenEmpty(a.axes("dim")), a.bool("keepdim")))
        .math(Notation.reduction(symbol, "input", "dim", "keepdim")).build();
  }

  /** torch's reading of {@code dim=()}: every dim (NumPy's {@code axis=()} reduces none). */
  private static int[] everyWhenEmpty(int[] axes) {
    return axes != null && axes.length == 0 ? null : axes;
  }

  /** NumPy's {@code var}/{@code std} with {@code ddof} (default 0). */
  private interface Spread {
    Var apply(Var x, int[] axes, boolean keepdims, int ddof);
  }

  private static Function spread(String name, Spread op, Notation notation) {
    return Function.numpy(name).param("a", TENSOR).param("axis", AXES, null).keyword("ddof", INTEGER, 0L)
        .keyword("keepdims", BOOL, false).method()
        .shape(a -> ShapeRules.reduce(a.shape("a"), a.axes("axis"), a.bool("keepdims")))
        .eval(a -> op.apply(a.var("a"), a.axes("axis"), a.bool("keepdims"), a.integer("ddof")))
        .math(notation).build();
  }

  /** NumPy's {@code argmax}/{@code argmin(a, axis=None, *, keepdims=False)}: integer-valued constants. */
  private interface ArgReduction {
    Var apply(Var x, Integer axis, boolean keepdims);
  }

  private static Function arg(String name, ArgReduction op, String symbol) {
    return Function.numpy(name).param("a", TENSOR).param("axis", INTEGER_OR_NONE, null)
        .keyword("keepdims", BOOL, false).method()
        .shape(a -> {
          Integer axis = a.constantOrNull("axis");
          Shape x = a.shape("a");
          if (axis == null && a.bool("keepdims")) {
            return x.isKnown() ? new Shape(java.util.Collections.nCopies(x.rank(), Dim.of(1))) : x;
          }
          return ShapeRules.reduce(x, axis == null ? null : new int[] {axis}, a.bool("keepdims"));
        })
        .eval(a -> op.apply(a.var("a"), a.integerOrNull("axis"), a.bool("keepdims")))
        .math(Notation.alongAxis(symbol, "a", "axis", "keepdims")).build();
  }

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "sum", "mean", "max", "min", "amax", "amin", "prod", "var", "std", "logsumexp", "argmax", "argmin", "cumsum",
      "sort", "softmax", "log_softmax", "softmin");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(ReductionFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    return switch (name) {
      case "sum" -> reduction("sum", Var::sum, Notation.bigOperator("∑", "a", "axis", "keepdims"));
      case "mean" -> reduction("mean", Var::mean, Notation.reduction("mean", "a", "axis", "keepdims"));
      case "max" -> reduction("max", Var::max, Notation.reduction("max", "a", "axis", "keepdims"));
      case "min" -> reduction("min", Var::min, Notation.reduction("min", "a", "axis", "keepdims"));
      case "amax" -> evenExtreme("amax", Var::amax, "max");
      case "amin" -> evenExtreme("amin", Var::amin, "min");
      case "prod" -> reduction("prod", Var::prod, Notation.bigOperator("∏", "a", "axis", "keepdims"));
      case "var" -> spread("var", Var::var, Notation.reduction("Var", "a", "axis", "keepdims"));
      case "std" -> spread("std", Var::std, Notation.reduction("std", "a", "axis", "keepdims"));
      case "logsumexp" -> reduction(Function.scipy("logsumexp"), Var::logsumexp, Notation.reduction("logsumexp", "a",
          "axis", "keepdims")).build();
      case "argmax" -> arg("argmax", Var::argmax, "arg max");
      case "argmin" -> arg("argmin", Var::argmin, "arg min");
      case "cumsum" -> Function.numpy("cumsum").param("a", TENSOR).param("axis", INTEGER_OR_NONE, null).method()
          .shape(ReductionFunctions::alongAxisOrFlat)
          .eval(a -> a.var("a").cumsum(a.integerOrNull("axis")))
          .math(Notation.function("cumsum", "a")).build();
      case "sort" -> Function.numpy("sort").param("a", TENSOR).param("axis", INTEGER_OR_NONE, -1L)
          .shape(ReductionFunctions::alongAxisOrFlat)
          .eval(a -> Ops.sort(a.var("a"), a.integerOrNull("axis")))
          .math(Notation.function("sort", "a")).build();
      case "softmax" -> normalisation("softmax", Var::softmax, "softmax");
      case "log_softmax" -> normalisation("log_softmax", Var::logSoftmax, "log softmax");
      case "softmin" -> normalisation("softmin", (x, dim) -> x.neg().softmax(dim), "softmin");
      default -> null;
    };
  }

  /** cumsum's and sort's shape: the operand's along an axis, its size flat for {@code axis=None}. */
  private static Shape alongAxisOrFlat(StaticArgs a) {
    Integer axis = a.constantOrNull("axis");
    Shape x = a.shape("a");
    if (axis == null) {
      return Shape.of(x.size());
    }
    if (x.isKnown()) {
      ShapeRules.axis(axis, x.rank()); // an axis out of range: unknown
    }
    return x;
  }

  /** A normalisation along one dim: PyTorch's {@code name(input, dim=None)}; also {@code axis=}. */
  private interface AlongDim {
    Var apply(Var x, int dim);
  }

  private static Function normalisation(String name, AlongDim op, String symbol) {
    return Function.torch(name).param("input", TENSOR).param("dim", INTEGER_OR_NONE, null).alias("axis")
        .shape(a -> {
          Shape x = a.shape("input");
          Integer dim = a.constantOrNull("dim");
          if (x.isKnown()) {
            ShapeRules.axis(dim != null ? dim : implicitDim(x.rank()), Math.max(1, x.rank()));
          }
          return x;
        })
        .eval(a -> {
          Var x = a.var("input");
          Integer dim = a.integerOrNull("dim");
          return op.apply(x, dim != null ? dim : implicitDim(x.value().rank()));
        })
        .math(Notation.alongAxis(symbol, "input", "dim")).build();
  }

  /** PyTorch's choice when {@code dim} is omitted: 0 for rank 0, 1 and 3, else 1. */
  static int implicitDim(int rank) {
    return rank == 0 || rank == 1 || rank == 3 ? 0 : 1;
  }
}
