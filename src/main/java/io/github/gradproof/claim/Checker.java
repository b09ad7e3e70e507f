package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of one parsed line against a {@link Scope}: every name resolves, every function
 * exists and gets the right arguments, every operation gets operands of a fitting type. Collects
 * every error of the line instead of stopping at the first.
 */
final class Checker {

  private final Scope scope;
  private final List<ClaimSyntaxException> errors = new ArrayList<>();

  private Checker(Scope scope) {
    this.scope = scope;
  }

  /** The errors in {@code line}, in the order found; empty when the line is well-formed. */
  static List<ClaimSyntaxException> check(Line line, Scope scope) {
    Checker c = new Checker(scope);
    c.line(line);
    return c.errors;
  }

  private void line(Line line) {
    if (line instanceof Line.Definition d) {
      definition(d);
    } else if (line instanceof Line.GradientClaim g) {
      gradientClaim(g);
    } else {
      comparison((Line.Comparison) line);
    }
  }

  private void definition(Line.Definition d) {
    if (scope.kind(d.name()) != null) {
      error(d.namePos(), "'" + d.name() + "' is already defined; give this line another name");
    } else if (isReserved(d.name())) {
      error(d.namePos(), "'" + d.name() + "' is reserved; give this line another name");
    }
    Type t = type(d.value());
    if (t != null && !t.isNumeric()) {
      error(d.value().pos(), "a forward line must compute a tensor, got " + t.description());
    }
  }

  private void gradientClaim(Line.GradientClaim g) {
    String name = g.name();
    Scope.Kind target = scope.gradientOf(name);
    if (target == Scope.Kind.LABELS) {
      error(g.namePos(), labelsMessage(name.substring(1)));
    } else if (target == null) {
      if (scope.kind(name) != null) {
        error(g.namePos(), "'" + name + " = ...' is not a claim: only a gradient 'dX' can stand left of '='; to compare, write '=='");
      } else {
        String hint = io.github.gradproof.diag.Suggestions.closest(name, gradientNames()).orElse(null);
        error(g.namePos(), "'" + name + "' is not a gradient: "
            + (name.length() > 1 && name.charAt(0) == 'd' ? "'" + name.substring(1) + "' is no input or forward name" : "a gradient name is 'd' followed by an input or forward name")
            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
    Type t = type(g.value());
    if (t != null && !t.isNumeric()) {
      error(g.value().pos(), "a gradient is a tensor, but the claim gives " + t.description());
    }
  }

  private void comparison(Line.Comparison c) {
    Type l = type(c.left());
    Type r = type(c.right());
    if (l == null || r == null) {
      return;
    }
    if (l.isNumeric() && r.isNumeric()) {
      return;
    }
    if (l == Type.SHAPE && r == Type.SHAPE) {
      if (c.op() != CompareOp.EQ && c.op() != CompareOp.NE) {
        error(c.opPos(), "shape tuples compare only with == and !=");
      }
      return;
    }
    error(c.opPos(), "cannot compare " + l.description() + " with " + r.description());
  }

  private Type type(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.integer() ? Type.INT : Type.TENSOR;
    } else if (e instanceof Expr.Bool) {
      return Type.BOOL;
    } else if (e instanceof Expr.Name n) {
      return name(n);
    } else if (e instanceof Expr.Neg n) {
      return neg(n);
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Transpose t) {
      return tensorOnly(t.target(), t.pos(), ".T", Type.TENSOR);
    } else if (e instanceof Expr.ShapeOf s) {
      return tensorOnly(s.target(), s.pos(), ".shape", Type.SHAPE);
    } else if (e instanceof Expr.Tuple t) {
      return tuple(t);
    }
    return call((Expr.Call) e);
  }

  private Type name(Expr.Name n) {
    String name = n.name();
    Scope.Kind kind = scope.kind(name);
    if (kind != null) {
      return kind == Scope.Kind.DIM ? Type.INT : Type.TENSOR;
    }
    Scope.Kind target = scope.gradientOf(name);
    if (target == Scope.Kind.LABELS) {
      return error(n.pos(), labelsMessage(name.substring(1)));
    }
    if (target != null) {
      return Type.TENSOR;
    }
    if (name.equals("forward") || name.equals("central")) {
      return error(n.pos(), "'" + name + "' is a method keyword: use it only as fd_order(" + name
          + ") or fd_evals(" + name + ")");
    }
    if (!scope.gradients() && name.length() > 1 && name.charAt(0) == 'd' && scope.kind(name.substring(1)) != null) {
      return error(n.pos(), "gradients such as '" + name + "' exist only in claims, not in forward lines");
    }
    if (Function.named(name) != null) {
      return error(n.pos(), "'" + name + "' is a function: call it as " + name + "(...)");
    }
    String hint = io.github.gradproof.diag.Suggestions.closest(name, scope.visible()).orElse(null);
    return error(n.pos(), "unknown name '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
  }

  private Type neg(Expr.Neg n) {
    Type t = type(n.operand());
    if (t != null && !t.isNumeric()) {
      return error(n.pos(), "cannot negate " + t.description());
    }
    return t;
  }

  private Type binary(Expr.Binary b) {
    Type l = type(b.left());
    Type r = type(b.right());
    if (l == null || r == null) {
      return null;
    }
    String op = "'" + b.op().symbol() + "'";
    if (!l.isNumeric() || !r.isNumeric()) {
      return error(b.pos(), "cannot apply " + op + " to " + (l.isNumeric() ? r : l).description());
    }
    if (b.op() == BinaryOp.MATMUL) {
      if (l == Type.INT || r == Type.INT) {
        return error(b.pos(), "'@' multiplies tensors, not integers; use '*' to scale");
      }
      return Type.TENSOR;
    }
    if (l == Type.INT && r == Type.INT) {
      return switch (b.op()) {
        case ADD, SUB, MUL -> Type.INT;
        case POW -> b.right() instanceof Expr.Num ? Type.INT : Type.TENSOR;
        default -> Type.TENSOR;
      };
    }
    return Type.TENSOR;
  }

  private Type tensorOnly(Expr target, int pos, String what, Type result) {
    Type t = type(target);
    if (t == null) {
      return null;
    }
    if (t != Type.TENSOR) {
      return error(pos, what + " needs a tensor, got " + t.description());
    }
    return result;
  }

  private Type tuple(Expr.Tuple t) {
    boolean ok = true;
    for (Expr item : t.items()) {
      Type it = type(item);
      if (it == null) {
        ok = false;
      } else if (it != Type.INT) {
        error(item.pos(), "a shape tuple holds integers, got " + it.description());
        ok = false;
      }
    }
    return ok ? Type.SHAPE : null;
  }

  private Type call(Expr.Call c) {
    Function f = Function.named(c.function());
    if (f == null) {
      if (scope.kind(c.function()) != null || scope.gradientOf(c.function()) != null) {
        return error(c.pos(), "'" + c.function() + "' is not a function");
      }
      String hint = io.github.gradproof.diag.Suggestions.closest(c.function(), Function.spellings()).orElse(null);
      return error(c.pos(), "unknown function '" + c.function() + "'"
          + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }
    Expr[] slots;
    try {
      slots = f.bind(c);
    } catch (ClaimSyntaxException e) {
      errors.add(e);
      return null;
    }
    boolean ok = true;
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null && !argument(f, f.params().get(i), slots[i])) {
        ok = false;
      }
    }
    if (!ok) {
      return null;
    }
    return f == Function.FD_EVALS ? Type.INT : Type.TENSOR;
  }

  private boolean argument(Function f, String param, Expr arg) {
    if (param.equals("method")) {
      if (arg instanceof Expr.Name n && (n.name().equals("forward") || n.name().equals("central"))) {
        return true;
      }
      error(arg.pos(), f.spelling() + "() takes the method 'forward' or 'central'");
      return false;
    }
    Type t = type(arg);
    if (t == null) {
      return false;
    }
    boolean fits = switch (param) {
      case "axis" -> t == Type.INT || (t == Type.SHAPE && f != Function.SOFTMAX && f != Function.LOG_SOFTMAX);
      case "keepdims" -> t == Type.BOOL;
      case "shape" -> t == Type.SHAPE || t == Type.INT;
      case "axes" -> t == Type.SHAPE;
      case "classes" -> t == Type.INT;
      case "labels" -> f == Function.ONE_HOT ? t.isNumeric() : t == Type.TENSOR;
      default -> t.isNumeric();
    };
    if (!fits) {
      error(arg.pos(), f.spelling() + "(): '" + param + "' must be " + expected(f, param) + ", got " + t.description());
    }
    return fits;
  }

  private static String expected(Function f, String param) {
    return switch (param) {
      case "axis" -> f == Function.SOFTMAX || f == Function.LOG_SOFTMAX ? "an integer" : "an integer or a tuple of integers";
      case "keepdims" -> "True or False";
      case "shape", "axes" -> "a shape tuple";
      case "classes" -> "an integer";
      default -> "a tensor";
    };
  }

  private List<String> gradientNames() {
    return scope.visible().stream().filter(n -> scope.gradientOf(n) != null && scope.kind(n) == null).toList();
  }

  private static boolean isReserved(String name) {
    return name.equals("True") || name.equals("False") || name.equals("forward") || name.equals("central")
        || Function.named(name) != null;
  }

  private static String labelsMessage(String name) {
    return "'" + name + "' holds class labels, which have no gradient";
  }

  private Type error(int pos, String message) {
    errors.add(new ClaimSyntaxException(pos, message));
    return null;
  }
}
