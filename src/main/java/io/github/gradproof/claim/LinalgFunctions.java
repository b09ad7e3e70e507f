package io.github.gradproof.claim;

import static io.github.gradproof.claim.ParamType.AXES;
import static io.github.gradproof.claim.ParamType.BOOL;
import static io.github.gradproof.claim.ParamType.CONTRACTION;
import static io.github.gradproof.claim.ParamType.INTEGER;
import static io.github.gradproof.claim.ParamType.ORDER;
import static io.github.gradproof.claim.ParamType.STRING;
import static io.github.gradproof.claim.ParamType.TENSOR;
import static io.github.gradproof.claim.ParamType.TENSORS;

import io.github.gradproof.autograd.EinsumParser;
import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import java.util.List;

/**
 * NumPy's products: {@code dot}, {@code outer}, {@code trace} and {@code einsum} ({@code @} is an
 * operator), {@code linalg.norm}, and the square-matrix functions {@code linalg.inv}, {@code linalg.det}
 * and {@code linalg.solve}, spelled bare as {@code norm} is.
 */
final class LinalgFunctions {

  private LinalgFunctions() {}

  /** The names of the family's functions, in declaration order (each a case of {@link #build}). */
  static final List<String> NAMES = List.of(
      "dot", "matmul", "outer", "tensordot", "trace", "einsum", "norm", "inv", "det", "solve");

  /** Every function of the family, in declaration order, each newly built. */
  static List<Function> all() {
    return NAMES.stream().map(LinalgFunctions::build).toList();
  }

  /**
   * The function of this family named {@code name}, newly built, or {@code null}: the registry builds
   * each function on its first use, so a build links the lambdas of the functions its quiz files call
   * and no others.
   */
  static Function build(String name) {
    return switch (name) {
      case "dot" -> Function.numpy("dot").param("a", TENSOR).param("b", TENSOR).method()
          .shape(a -> ShapeRules.dot(a.shape("a"), a.shape("b")))
          .eval(a -> Ops.dot(a.var("a"), a.var("b")))
          .math(Notation.infix("·", "a", "b")).build();
      case "matmul" -> Function.numpy("matmul").param("x1", TENSOR).param("x2", TENSOR).method()
          .shape(a -> ShapeRules.matmul(a.shape("x1"), a.shape("x2")))
          .eval(a -> a.var("x1").matmul(a.var("x2")))
          .math(Notation.function("matmul", "x1")).build();
      case "outer" -> Function.numpy("outer").param("a", TENSOR).param("b", TENSOR)
          .shape(a -> Shape.of(a.shape("a").size(), a.shape("b").size()))
          .eval(a -> Ops.outer(a.var("a"), a.var("b")))
          .math(Notation.infix("⊗", "a", "b")).build();
      case "tensordot" -> Function.numpy("tensordot").param("a", TENSOR).param("b", TENSOR)
          .param("axes", CONTRACTION, 2L).alias("dims")
          .shape(AxisMoves::tensordot)
          .eval(a -> {
            int[][] axes = AxisMoves.axes(a.value("axes"));
            return axes == null ? Ops.tensordot(a.var("a"), a.var("b"), a.integer("axes"))
                : Ops.tensordot(a.var("a"), a.var("b"), axes[0], axes[1]);
          })
          .math(Notation.function("tensordot", "a")).build();
      case "trace" -> Function.numpy("trace").param("a", TENSOR).param("offset", INTEGER, 0L).method()
          .shape(a -> a.shape("a").rank() == 2 ? Shape.scalar() : Shape.unknown())
          .eval(a -> a.var("a").trace(a.integer("offset")))
          .math(Notation.function("tr", "a")).build();
      case "einsum" -> Function.numpy("einsum").param("subscripts", STRING).variadic("operands", TENSORS)
          .shape(LinalgFunctions::einsumShape)
          .eval(a -> Ops.einsum(a.string("subscripts"), a.vars("operands")))
          .math(Notation.function("einsum", "subscripts")).build();
      case "norm" -> norm();
      case "inv" -> Function.numpy("inv").counterpart("numpy.linalg.inv").param("a", TENSOR).alias("A")
          .shape(a -> ShapeRules.squareStack(a.shape("a")))
          .eval(a -> Ops.inv(a.var("a")))
          .math(Notation.superscript("−1", "a")).build();
      case "det" -> Function.numpy("det").counterpart("numpy.linalg.det").param("a", TENSOR).alias("A")
          .shape(a -> ShapeRules.determinant(a.shape("a")))
          .eval(a -> Ops.det(a.var("a")))
          .math(Notation.function("det", "a")).build();
      case "solve" -> Function.numpy("solve").counterpart("numpy.linalg.solve").param("a", TENSOR).alias("A")
          .param("b", TENSOR).alias("B")
          .shape(LinalgFunctions::solveShape)
          .eval(a -> Ops.solve(a.var("a"), a.var("b")))
          .math(Notation.function("solve", "a")).build();
      default -> null;
    };
  }

  /**
   * solve's shape: {@code (..., n)} for a vector b, the broadcast batch axes and {@code (n, k)} for a
   * stack of matrices; a b one axis short of A (two axes at least) is refused, since NumPy 1 and
   * PyTorch read it as vectors and NumPy 2 as matrices.
   */
  private static Shape solveShape(StaticArgs a) {
    Shape matrix = a.shape("a");
    Shape rhs = a.shape("b");
    if (matrix.isKnown() && rhs.isKnown() && rhs.rank() >= 2 && rhs.rank() == matrix.rank() - 1) {
      throw a.fail("b", Ops.ambiguousSolve(matrix.toString(), rhs.toString()));
    }
    return ShapeRules.solve(matrix, rhs);
  }

  /**
   * NumPy's {@code linalg.norm(x, ord=None, axis=None, keepdims=False)}, spelled bare like every
   * function; PyTorch's {@code torch.linalg.norm(A, ord=None, dim=None, keepdim=False)} has the same
   * semantics and order of arguments, so {@code dim=} and {@code keepdim=} are accepted too.
   */
  private static Function norm() {
    return Function.numpy("norm").counterpart("numpy.linalg.norm").param("x", TENSOR)
        .param("ord", ORDER, null).choices("fro", "f", "nuc")
        .param("axis", AXES, null).alias("dim").param("keepdims", BOOL, false).alias("keepdim")
        .shape(NormRule::shape)
        .eval(a -> {
          int[] axis = a.axes("axis");
          boolean keepdims = a.bool("keepdims");
          if (a.value("ord") instanceof Value.StringValue s) {
            return Ops.norm(a.var("x"), s.value(), axis, keepdims);
          }
          return Ops.norm(a.var("x"), a.isNone("ord") ? null : a.number("ord"), axis, keepdims);
        })
        .math(Notation.function("norm", "x")).build();
  }

  private static Shape einsumShape(StaticArgs a) {
    List<Shape> operands = a.shapes("operands");
    EinsumParser.Terms terms;
    try {
      terms = EinsumParser.parse(a.string("subscripts"), operands.size());
    } catch (ShapeException e) {
      throw a.fail("subscripts", e.getMessage().substring(EinsumParser.PREFIX.length()));
    }
    return EinsumRule.shape(terms, operands);
  }
}
