package io.github.gradproof.claim;

import io.github.gradproof.diag.Suggestions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks of one parsed line against a {@link Scope}: every name resolves, every function
 * exists and gets arguments of its parameters' types, every operation gets operands of a fitting
 * type. Collects every error of the line instead of stopping at the first. Along the way it infers
 * each expression's {@link StaticType}, shapes included, symbolic in the dims; a shape mismatch is
 * never an error here (running the line gives the verdict), only an unknown shape.
 */
final class Checker {

  private final Scope scope;
  private final List<ClaimSyntaxException> errors = new ArrayList<>();
  private final Map<Expr, StaticType> types = new IdentityHashMap<>();

  private Checker(Scope scope) {
    this.scope = scope;
  }

  /** The errors in {@code line}, in the order found; empty when the line is well-formed. */
  static List<ClaimSyntaxException> check(Line line, Scope scope) {
    return run(line, scope).errors;
  }

  /** Checks {@code line}; the result holds its errors and, when there are none, its static facts. */
  static Checker run(Line line, Scope scope) {
    Checker c = new Checker(scope);
    c.line(line);
    return c;
  }

  /** Checks a standalone expression; the result holds its errors and, when there are none, its static facts. */
  static Checker runExpression(Expr e, Scope scope) {
    Checker c = new Checker(scope);
    c.type(e);
    return c;
  }

  List<ClaimSyntaxException> errors() {
    return errors;
  }

  /** The names the line may use. */
  Scope scope() {
    return scope;
  }

  /** The static type of every expression node of the line, by identity. */
  Map<Expr, StaticType> types() {
    return types;
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
    StaticType t = type(d.value());
    if (t != null && !t.type().isNumeric()) {
      error(d.value().pos(), "a forward line must compute a tensor, got " + t.type().description());
    }
  }

  private void gradientClaim(Line.GradientClaim g) {
    String name = g.name();
    Scope.Kind target = scope.gradientOf(name);
    if (target == Scope.Kind.LABELS || target == Scope.Kind.MASK) {
      error(g.namePos(), constantMessage(name.substring(1), target));
    } else if (target == null) {
      if (scope.kind(name) != null) {
        error(g.namePos(), "'" + name + " = ...' is not a claim: only a gradient 'dX' can stand left of '='; to compare, write '=='");
      } else {
        String hint = Suggestions.closest(name, gradientNames()).orElse(null);
        error(g.namePos(), "'" + name + "' is not a gradient: "
            + (name.length() > 1 && name.charAt(0) == 'd' ? "'" + name.substring(1) + "' is no input or forward name" : "a gradient name is 'd' followed by an input or forward name")
            + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
    }
    StaticType t = type(g.value());
    if (t != null && !t.type().isNumeric()) {
      error(g.value().pos(), "a gradient is a tensor, but the claim gives " + t.type().description());
    }
  }

  private void comparison(Line.Comparison c) {
    StaticType l = type(c.left());
    StaticType r = type(c.right());
    if (l == null || r == null) {
      return;
    }
    if (l.type().isNumeric() && r.type().isNumeric()) {
      return;
    }
    if (l.type() == Type.SHAPE && r.type() == Type.SHAPE) {
      if (c.op() != CompareOp.EQ && c.op() != CompareOp.NE) {
        error(c.opPos(), "shape tuples compare only with == and !=");
      }
      return;
    }
    error(c.opPos(), "cannot compare " + l.type().description() + " with " + r.type().description());
  }

  /** Types {@code e} and records it; {@code null} when {@code e} has an error (already reported). */
  StaticType type(Expr e) {
    StaticType t = compute(e);
    if (t != null) {
      types.put(e, t);
    }
    return t;
  }

  private StaticType compute(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.integer() ? new StaticType.IntType(Dim.of((long) n.value())) : StaticType.tensor(Shape.scalar());
    } else if (e instanceof Expr.Bool b) {
      return new StaticType.BoolType(b.value());
    } else if (e instanceof Expr.NoneLiteral) {
      return new StaticType.NoneType();
    } else if (e instanceof Expr.Str s) {
      return new StaticType.StringType(s.value());
    } else if (e instanceof Expr.Name n) {
      return name(n);
    } else if (e instanceof Expr.Neg n) {
      return neg(n);
    } else if (e instanceof Expr.Not n) {
      return not(n);
    } else if (e instanceof Expr.Binary b) {
      return binary(b);
    } else if (e instanceof Expr.Compare c) {
      return mask(c);
    }
    return structure(e);
  }

  private StaticType structure(Expr e) {
    if (e instanceof Expr.Transpose t) {
      StaticType x = tensorOnly(t.target(), t.pos(), ".T");
      return x == null ? null : StaticType.tensor(ShapeRules.transpose(shapeOf(x), null));
    } else if (e instanceof Expr.ShapeOf s) {
      StaticType x = tensorOnly(s.target(), s.pos(), ".shape");
      return x == null ? null : new StaticType.ShapeType(shapeOf(x));
    } else if (e instanceof Expr.Ndim n) {
      StaticType x = tensorOnly(n.target(), n.pos(), ".ndim");
      int rank = x == null ? -1 : shapeOf(x).rank();
      return x == null ? null : new StaticType.IntType(rank < 0 ? Dim.unknown() : Dim.of(rank));
    } else if (e instanceof Expr.Tuple t) {
      return tuple(t);
    } else if (e instanceof Expr.ListLiteral l) {
      return list(l);
    } else if (e instanceof Expr.Index i) {
      return new IndexCheck(this).index(i);
    } else if (e instanceof Expr.MethodCall m) {
      return methodCall(m);
    } else if (e instanceof Expr.Call c) {
      return call(c);
    }
    // a slice or '...' outside brackets: the parser never builds one
    return error(e.pos(), "'" + (e instanceof Expr.Slice ? ":" : "...") + "' stands only inside brackets");
  }

  /** The shape of a numeric value: a tensor's, or a scalar's for an integer. */
  static Shape shapeOf(StaticType t) {
    return t instanceof StaticType.TensorType x ? x.shape() : Shape.scalar();
  }

  private StaticType name(Expr.Name n) {
    String name = n.name();
    Scope.Kind kind = scope.kind(name);
    if (kind != null) {
      return scope.type(name);
    }
    Scope.Kind target = scope.gradientOf(name);
    if (target == Scope.Kind.LABELS || target == Scope.Kind.MASK) {
      return error(n.pos(), constantMessage(name.substring(1), target));
    }
    if (target != null) {
      return scope.type(name);
    }
    if (name.equals("forward") || name.equals("central")) {
      return error(n.pos(), "'" + name + "' is a method keyword: use it only as fd_order(" + name
          + ") or fd_evals(" + name + ")");
    }
    if (!scope.gradients() && name.length() > 1 && name.charAt(0) == 'd' && scope.kind(name.substring(1)) != null) {
      return error(n.pos(), "gradients such as '" + name + "' exist only in claims, not in forward lines");
    }
    if (Functions.named(name) != null) {
      return error(n.pos(), "'" + name + "' is a function: call it as " + name + "(...)");
    }
    String hint = Suggestions.closest(name, scope.visible()).orElse(null);
    return error(n.pos(), "unknown name '" + name + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
  }

  private StaticType neg(Expr.Neg n) {
    StaticType t = type(n.operand());
    if (t == null) {
      return null;
    }
    if (!t.type().isNumeric()) {
      return error(n.pos(), "cannot negate " + t.type().description());
    }
    return t instanceof StaticType.IntType i ? new StaticType.IntType(i.value().negate()) : t;
  }

  private StaticType not(Expr.Not n) {
    StaticType t = type(n.operand());
    if (t == null) {
      return null;
    }
    if (t.type() != Type.TENSOR) {
      return error(n.pos(), "'~' negates a mask, got " + t.type().description());
    }
    return t;
  }

  private StaticType binary(Expr.Binary b) {
    StaticType l = type(b.left());
    StaticType r = type(b.right());
    if (l == null || r == null) {
      return null;
    }
    String op = "'" + b.op().symbol() + "'";
    if (!l.type().isNumeric() || !r.type().isNumeric()) {
      return error(b.pos(), "cannot apply " + op + " to " + (l.type().isNumeric() ? r : l).type().description());
    }
    if (b.op() == BinaryOp.MATMUL) {
      if (l instanceof StaticType.IntType || r instanceof StaticType.IntType) {
        return error(b.pos(), "'@' multiplies tensors, not integers; use '*' to scale");
      }
      return StaticType.tensor(ShapeRules.matmul(shapeOf(l), shapeOf(r)));
    }
    if ((b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) && l instanceof StaticType.IntType
        && r instanceof StaticType.IntType) {
      return error(b.pos(), op + " combines masks, not integers");
    }
    if (l instanceof StaticType.IntType x && r instanceof StaticType.IntType y) {
      Long cx = x.value().constant();
      Long cy = y.value().constant();
      try {
        if (cx != null && cy != null) {
          IntegerArithmetic.apply(b.op(), cx, cy, b.right() instanceof Expr.Num);
        }
      } catch (ArithmeticException overflow) {
        return error(b.pos(), IntegerArithmetic.overflow(cx + " " + b.op().symbol() + " " + cy));
      }
      Dim d = IntegerArithmetic.symbolic(b.op(), x.value(), y.value(), b.right() instanceof Expr.Num);
      if (d != null) {
        return new StaticType.IntType(d);
      }
    }
    return StaticType.tensor(ShapeRules.broadcast(shapeOf(l), shapeOf(r)));
  }

  private StaticType mask(Expr.Compare c) {
    StaticType l = type(c.left());
    StaticType r = type(c.right());
    if (l == null || r == null) {
      return null;
    }
    if (!l.type().isNumeric() || !r.type().isNumeric()) {
      return error(c.pos(), "a comparison inside an expression gives a 0/1 mask of tensors; cannot compare "
          + l.type().description() + " with " + r.type().description() + " here");
    }
    return StaticType.tensor(ShapeRules.broadcast(shapeOf(l), shapeOf(r)));
  }

  private StaticType tensorOnly(Expr target, int pos, String what) {
    StaticType t = type(target);
    if (t == null) {
      return null;
    }
    if (t.type() != Type.TENSOR) {
      return error(pos, what + " needs a tensor, got " + t.type().description());
    }
    return t;
  }

  private StaticType tuple(Expr.Tuple t) {
    List<StaticType> items = items(t.items(), "a tuple");
    if (items == null) {
      return null;
    }
    if (items.stream().allMatch(i -> i instanceof StaticType.IntType)) {
      return new StaticType.ShapeType(new Shape(items.stream().map(i -> ((StaticType.IntType) i).value()).toList()));
    }
    return new StaticType.SequenceType(items);
  }

  private StaticType list(Expr.ListLiteral l) {
    List<StaticType> items = items(l.items(), "a list");
    return items == null ? null : new StaticType.SequenceType(items);
  }

  /** The items' types, each an integer or a tensor; {@code null} after reporting errors. */
  private List<StaticType> items(List<Expr> exprs, String what) {
    List<StaticType> out = new ArrayList<>();
    boolean ok = true;
    for (Expr item : exprs) {
      StaticType it = type(item);
      if (it == null) {
        ok = false;
      } else if (!it.type().isNumeric()) {
        error(item.pos(), what + " holds integers or tensors, got " + it.type().description());
        ok = false;
      } else {
        out.add(it);
      }
    }
    return ok ? out : null;
  }

  /** Names of the modules an author may write before a function out of habit: {@code torch.relu(x)}. */
  private static final Set<String> MODULES = Set.of("np", "numpy", "torch", "F", "scipy");

  private StaticType methodCall(Expr.MethodCall m) {
    if (m.target() instanceof Expr.Name module && MODULES.contains(module.name())
        && scope.kind(module.name()) == null && scope.gradientOf(module.name()) == null) {
      return modulePrefix(module, m);
    }
    Function f = Functions.method(m.method());
    if (f == null) {
      type(m.target());
      if (m.method().equals("T") || m.method().equals("shape") || m.method().equals("ndim")) {
        return error(m.pos(), "'." + m.method() + "' is an attribute, not a method: write x." + m.method());
      }
      if (m.method().equals("repeat")) {
        return error(m.pos(), Ambiguity.REPEAT_METHOD);
      }
      String hint = Suggestions.closest(m.method(), Functions.methodNames()).orElse(null);
      return error(m.pos(), "unknown method '." + m.method() + "()'" + (hint == null
          ? "; the methods are ." + String.join("() .", Functions.methodNames()) + "()"
          : " (did you mean '." + hint + "()'?)"));
    }
    StaticType target = type(m.target());
    if (target != null && target.type() != Type.TENSOR) {
      return error(m.pos(), "." + m.method() + "() needs a tensor, got " + target.type().description());
    }
    StaticType result = target == null ? null : call(f, Calls.asCall(f, m));
    if (result != null && Ambiguity.spreadMethod(m) != null) {
      return error(m.pos(), Ambiguity.spreadMethod(m));
    }
    if (result != null && f.name().equals("transpose") && m.args().size() == 2) {
      String ambiguous = Ambiguity.transposeMethod(shapeOf(target), m.args().stream().map(types::get).toList());
      if (ambiguous != null) {
        return error(m.pos(), ambiguous);
      }
    }
    return result;
  }

  /** {@code torch.relu(x)}: one error at the prefix, saying to drop it (or that there is no such function). */
  private StaticType modulePrefix(Expr.Name module, Expr.MethodCall m) {
    String prefix = "'" + module.name() + ".'";
    if (Functions.named(m.method()) != null) {
      return error(module.pos(), "write " + m.method() + "(...) without the " + prefix + " prefix: the language "
          + "spells NumPy's and PyTorch's functions by their bare names" + prefixedHint(m));
    }
    String hint = Suggestions.closest(m.method(), Functions.names()).orElse(null);
    return error(module.pos(), "'" + module.name() + "." + m.method() + "' is not a function of the language"
        + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; write functions by their bare names, "
        + "without the " + prefix + " prefix");
  }

  /** The max(x, 0) hint for {@code np.max(x, 0)}: the module's arguments, the operand first. */
  private static String prefixedHint(Expr.MethodCall m) {
    return ReductionHint.of(m.method(), m.args());
  }

  private StaticType call(Expr.Call c) {
    Function f = Functions.named(c.function());
    if (f == null) {
      if (scope.kind(c.function()) != null || scope.gradientOf(c.function()) != null) {
        error(c.pos(), "'" + c.function() + "' is not a function");
      } else {
        String hint = Suggestions.closest(c.function(), Functions.names()).orElse(null);
        error(c.pos(), "unknown function '" + c.function() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
      }
      c.args().forEach(this::type);
      c.keywords().forEach(k -> type(k.value()));
      return null;
    }
    return call(f, c);
  }

  private StaticType call(Function f, Expr.Call c) {
    Expr[] slots;
    try {
      slots = f.bind(c);
    } catch (ClaimSyntaxException e) {
      String hint = f.name().equals("transpose") ? Ambiguity.transposeFunction(c) : "";
      errors.add(hint.isEmpty() ? e : new ClaimSyntaxException(e.offset(), e.getMessage() + hint));
      return null;
    }
    StaticType[] args = new StaticType[slots.length];
    boolean ok = true;
    for (int i = 0; i < slots.length; i++) {
      Param p = f.parameters().get(i);
      String hint = p.name().equals("axis") ? ReductionHint.of(f.name(), c.args()) : "";
      args[i] = slots[i] == null ? defaultType(p) : argument(f, p, slots[i], hint);
      ok &= args[i] != null;
    }
    if (!ok) {
      return null;
    }
    try {
      return f.result(new StaticArgs(f, args, slots, c.pos()));
    } catch (ClaimSyntaxException e) {
      errors.add(e);
      return null;
    }
  }

  /** An argument's type, checked against its parameter; {@code reductionHint} ends a type error ("" for none). */
  private StaticType argument(Function f, Param p, Expr arg, String reductionHint) {
    if (p.type() == ParamType.METHOD) {
      if (arg instanceof Expr.Name n && (n.name().equals("forward") || n.name().equals("central"))) {
        return new StaticType.MethodType(n.name().equals("central"));
      }
      return error(arg.pos(), f.name() + "() takes the method 'forward' or 'central'");
    }
    if (p.type() == ParamType.CONTRACTION && sequenceItems(arg) != null) {
      return contraction(f, arg);
    }
    StaticType t = type(arg);
    if (t == null) {
      return null;
    }
    if (t instanceof StaticType.SequenceType && arg instanceof Expr.Tuple tuple && holdsSizes(p.type())) {
      Expr bad = tuple.items().stream().filter(i -> types.get(i).type() != Type.INT).findFirst().orElseThrow();
      return error(bad.pos(), "a shape tuple holds integers, got " + types.get(bad).type().description());
    }
    if (!p.type().accepts(t)) {
      return error(arg.pos(), f.label() + ": '" + p.name() + "' must be " + p.type().description() + ", got "
          + describe(t) + reductionHint);
    }
    if (t instanceof StaticType.StringType s && !p.choices().isEmpty() && !p.choices().contains(s.value())) {
      String hint = Suggestions.closest(s.value(), p.choices()).orElse(null);
      return error(arg.pos(), f.label() + ": '" + p.name() + "' must be one of '" + String.join("', '", p.choices())
          + "', got '" + s.value() + "'" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
    }
    return t;
  }

  /**
   * tensordot's {@code axes=([0, 2], [1, 0])}: a pair whose sides may be sequences of integers, which a
   * tuple or list elsewhere cannot hold. Each side types as a shape tuple of its integers.
   */
  private StaticType contraction(Function f, Expr arg) {
    List<StaticType> sides = new ArrayList<>();
    for (Expr side : sequenceItems(arg)) {
      List<Expr> items = sequenceItems(side);
      List<Dim> axes = new ArrayList<>();
      for (Expr item : items != null ? items : List.of(side)) {
        StaticType t = type(item);
        if (t == null) {
          return null;
        } else if (!(t instanceof StaticType.IntType i)) {
          return error(item.pos(), f.label() + ": 'axes' holds integers (axes), got " + describe(t));
        } else {
          axes.add(i.value());
        }
      }
      StaticType sideType = items != null ? new StaticType.ShapeType(new Shape(axes)) : types.get(side);
      types.put(side, sideType);
      sides.add(sideType);
    }
    StaticType pair = new StaticType.SequenceType(sides);
    types.put(arg, pair);
    return pair;
  }

  /** The items of a tuple or list literal, or {@code null} for another expression. */
  private static List<Expr> sequenceItems(Expr e) {
    return e instanceof Expr.Tuple t ? t.items() : e instanceof Expr.ListLiteral l ? l.items() : null;
  }

  /** A type as an error message names it, with what is known of its size: "a tensor of shape (M, N)". */
  private static String describe(StaticType t) {
    if (t instanceof StaticType.TensorType x && x.shape().isFullyKnown()) {
      return "a tensor of shape " + x.shape();
    } else if (t instanceof StaticType.ShapeType s && s.value().isKnown()) {
      return "a tuple of " + s.value().rank() + " integer" + (s.value().rank() == 1 ? "" : "s");
    }
    return t.type().description();
  }

  private static boolean holdsSizes(ParamType t) {
    return t == ParamType.SHAPE || t == ParamType.AXES || t == ParamType.PAIR || t == ParamType.PAIR_OR_NONE;
  }

  /** The static type of a parameter's default value. */
  static StaticType defaultType(Param p) {
    Object d = p.defaultValue();
    if (d == null) {
      return new StaticType.NoneType();
    } else if (d instanceof Long l) {
      return new StaticType.IntType(Dim.of(l));
    } else if (d instanceof Boolean b) {
      return new StaticType.BoolType(b);
    } else if (d instanceof String s) {
      return new StaticType.StringType(s);
    }
    return StaticType.tensor(Shape.scalar());
  }

  private List<String> gradientNames() {
    return scope.visible().stream().filter(n -> scope.gradientOf(n) != null && scope.kind(n) == null).toList();
  }

  private static boolean isReserved(String name) {
    return name.equals("True") || name.equals("False") || name.equals("None") || name.equals("forward")
        || name.equals("central") || Expr.Num.isConstant(name) || Functions.named(name) != null;
  }

  private static String constantMessage(String name, Scope.Kind kind) {
    if (kind == Scope.Kind.MASK) {
      return "'" + name + "' is a 0/1 mask (dist: bernoulli), which has no gradient: a dropout mask is a constant"
          + " of the forward lines, as in PyTorch, so 'd" + name + "' does not exist; claim the gradients of the"
          + " inputs the mask multiplies";
    }
    return "'" + name + "' holds class labels, which have no gradient";
  }

  StaticType error(int pos, String message) {
    errors.add(new ClaimSyntaxException(pos, message));
    return null;
  }
}
