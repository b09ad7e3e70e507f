package io.github.gradproof.claim;

import java.util.List;
import java.util.Set;

/**
 * Finds, before anything runs, an index array that NumPy and PyTorch would hold as floats: an
 * array of floats is refused as an index whatever its values ({@code IndexError: arrays used as
 * indices must be of integer (or boolean) type}), where the engine, whose arrays are all float64,
 * would take whole values and refuse only the others at run time. Only what is certainly float is
 * reported: a gradient, an input other than labels, a true division, a float literal in the
 * arithmetic, and a few functions whose result keeps its first argument's float type. Anything else
 * (a forward value, {@code arange}, {@code argmax}, a labels input, dims) is left to run.
 */
final class FloatIndex {

  /**
   * Functions whose result has the float type of their first argument in NumPy and PyTorch alike.
   * Named one by one rather than by family: a function that returns indices ({@code argmax}, and any
   * added later) must never be taken for one that returns floats.
   */
  private static final Set<String> KEEPS_FLOATS = Set.of("abs", "amax", "amin", "broadcast_to", "clip",
      "expand_dims", "flatten", "flip", "gather", "max", "min", "repeat", "repeat_interleave", "reshape",
      "sort", "squeeze", "sum", "take_along_axis", "tile", "unsqueeze");

  /** Functions whose result is float in NumPy whatever their arguments: heaviside's loops and linalg's. */
  private static final Set<String> ALWAYS_FLOATS = Set.of("det", "heaviside", "inv", "solve");

  /** Rounding functions, which an author may take for a cast: their result is still float. */
  private static final Set<String> ROUNDS = Set.of("ceil", "floor", "round", "trunc");

  /** Where an index array is certainly float, and why, in words for the error. */
  record Found(int pos, String why) {}

  private final Scope scope;

  FloatIndex(Scope scope) {
    this.scope = scope;
  }

  /** What makes {@code e} an array of floats, or {@code null} when it is not certainly one. */
  Found in(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.integer() ? null : new Found(n.pos(), "the float " + n.text() + " makes it one");
    } else if (e instanceof Expr.Name n) {
      return name(n);
    } else if (e instanceof Expr.Neg n) {
      return in(n.operand());
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Transpose t) {
      return in(t.target());
    } else if (e instanceof Expr.Index i) {
      return in(i.target());
    } else if (e instanceof Expr.ListLiteral l) {
      return first(l.items());
    } else if (e instanceof Expr.Tuple t) {
      return first(t.items());
    } else if (e instanceof Expr.Call c && c.function().equals("floor_divide")) {
      return floorDivision(first(c.args()), c.pos(), "floor_divide");
    } else if (e instanceof Expr.Call c) {
      return call(c.function(), c.args().isEmpty() ? null : c.args().get(0), c.pos());
    } else if (e instanceof Expr.MethodCall m) {
      return call(m.method(), m.target(), m.pos());
    }
    return null;
  }

  private Found name(Expr.Name n) {
    String name = n.name();
    Scope.Kind kind = scope.kind(name);
    if (kind == Scope.Kind.INPUT) {
      return new Found(n.pos(), "'" + name + "' is an input, an array of floats (only a labels input holds integers)");
    }
    if (kind == null && scope.gradientOf(name) != null) {
      return new Found(n.pos(), "'" + name + "' is a gradient, whose values are floats");
    }
    return null;
  }

  private Found binary(Expr.Binary b) {
    if (b.op() == BinaryOp.DIV) {
      return new Found(b.pos(), "/ is true division, whose result is a float even for integers");
    }
    if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
      return null;
    }
    Found left = in(b.left());
    Found found = left != null ? left : in(b.right());
    return b.op() == BinaryOp.FLOORDIV ? floorDivision(found, b.pos(), "//") : found;
  }

  /** Floor division of floats, which an author may take for a cast to integers as of rounding. */
  private static Found floorDivision(Found operand, int pos, String spelling) {
    return operand == null ? null : new Found(pos, spelling + " of floats returns floats in NumPy and PyTorch,"
        + " not integers");
  }

  private Found call(String function, Expr first, int pos) {
    if (ALWAYS_FLOATS.contains(function)) {
      return new Found(pos, function + " returns floats in NumPy, whatever its arguments");
    }
    if (first == null) {
      return null;
    }
    if (ROUNDS.contains(function)) {
      return in(first) == null ? null : new Found(pos, function + " of floats returns floats in NumPy and PyTorch,"
          + " not integers");
    }
    return KEEPS_FLOATS.contains(function) ? in(first) : null;
  }

  private Found first(List<Expr> items) {
    for (Expr item : items) {
      Found found = in(item);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
