package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Dim;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.StaticType;
import java.util.List;
import java.util.Optional;

/**
 * What the math renderer knows about the value of each expression of a line: whether it is a
 * scalar, its rank, whether it is an integer, the constant axes an {@code axis=} argument names.
 * The checker's static facts ({@link CheckedLine}) answer where they exist; a line that was only
 * parsed (a question without a setup) falls back on what its syntax shows (a number is a scalar,
 * a name is not known to be one).
 */
final class MathTypes {

  /** The axes an {@code axis=} argument names: every axis ({@code None}), these ones, or not known statically. */
  record Axes(boolean all, int[] axes) {
    static final Axes ALL = new Axes(true, null);
  }

  private static final MathTypes SYNTAX_ONLY = new MathTypes(null);

  private final CheckedLine facts;

  private MathTypes(CheckedLine facts) {
    this.facts = facts;
  }

  static MathTypes of(CheckedLine facts) {
    return facts == null ? SYNTAX_ONLY : new MathTypes(facts);
  }

  static MathTypes syntaxOnly() {
    return SYNTAX_ONLY;
  }

  private StaticType type(Expr e) {
    return facts == null ? null : facts.type(e);
  }

  /** Whether {@code e} is a scalar: an integer (a dim, a number) or a rank-0 tensor. */
  boolean isScalar(Expr e) {
    StaticType t = type(e);
    if (t != null) {
      return t.isScalar();
    }
    if (e instanceof Expr.Num) {
      return true;
    } else if (e instanceof Expr.Neg n) {
      return isScalar(n.operand());
    } else if (e instanceof Expr.Binary b && b.op() != BinaryOp.MATMUL && b.op() != BinaryOp.AND && b.op() != BinaryOp.OR) {
      return isScalar(b.left()) && isScalar(b.right());
    }
    return false;
  }

  /** Whether {@code e} is an integer (a dim, an integer literal, integer arithmetic). */
  boolean isInteger(Expr e) {
    StaticType t = type(e);
    if (t != null) {
      return t instanceof StaticType.IntType;
    }
    return e instanceof Expr.Num n && n.integer() || e instanceof Expr.Neg g && isInteger(g.operand());
  }

  /** The rank of a numeric value (0 for an integer), or -1 when it is not known statically. */
  int rank(Expr e) {
    StaticType t = type(e);
    if (t instanceof StaticType.TensorType x) {
      return x.shape().rank();
    } else if (t instanceof StaticType.IntType) {
      return 0;
    }
    return t == null && isScalar(e) ? 0 : -1;
  }

  /** Whether a flag argument ({@code keepdims=True}) is true. */
  boolean isTrue(Expr e) {
    StaticType t = type(e);
    if (t instanceof StaticType.BoolType b) {
      return b.value();
    }
    return e instanceof Expr.Bool b && b.value();
  }

  /** The axes an {@code axis=} argument names; empty when they are not constant. */
  Optional<Axes> axes(Expr e) {
    StaticType t = type(e);
    if (e instanceof Expr.NoneLiteral || t instanceof StaticType.NoneType) {
      return Optional.of(Axes.ALL);
    }
    if (t instanceof StaticType.IntType i) {
      return constants(List.of(i.value()));
    } else if (t instanceof StaticType.ShapeType s && s.value().isKnown()) {
      return constants(s.value().dims());
    } else if (t == null) {
      return syntacticAxes(e);
    }
    return Optional.empty();
  }

  private static Optional<Axes> constants(List<Dim> dims) {
    int[] out = new int[dims.size()];
    for (int i = 0; i < out.length; i++) {
      Long c = dims.get(i).constant();
      if (c == null) {
        return Optional.empty();
      }
      out[i] = c.intValue();
    }
    return Optional.of(new Axes(false, out));
  }

  /** An integer literal, a negated one, or a tuple of those. */
  private static Optional<Axes> syntacticAxes(Expr e) {
    List<Expr> items = e instanceof Expr.Tuple t ? t.items() : List.of(e);
    int[] out = new int[items.size()];
    for (int i = 0; i < out.length; i++) {
      Expr item = items.get(i);
      int sign = 1;
      if (item instanceof Expr.Neg n) {
        sign = -1;
        item = n.operand();
      }
      if (!(item instanceof Expr.Num n && n.integer())) {
        return Optional.empty();
      }
      out[i] = sign * (int) n.value();
    }
    return Optional.of(new Axes(false, out));
  }
}
