package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * The static types of one call's arguments, bound to the function's parameters with defaults
 * filled in, read by parameter name in the form a shape rule needs. A value a rule cannot know
 * statically (an axis given by a dim, say) makes the rule's result unknown: accessors then throw
 * {@link Unknown}, which {@link #guard} turns into an unknown shape.
 */
public final class StaticArgs {

  private final Function function;
  private final StaticType[] types;
  private final Expr[] exprs;
  private final int callPos;

  StaticArgs(Function function, StaticType[] types, Expr[] exprs, int callPos) {
    this.function = function;
    this.types = types;
    this.exprs = exprs;
    this.callPos = callPos;
  }

  /** Thrown by accessors when the value is not known statically; never escapes the checker. */
  static final class Unknown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unknown() {
      super(null, null, false, false);
    }
  }

  /** Runs a shape rule, giving an unknown shape where a value it needs is not known statically. */
  Shape guard(Function.ShapeRule rule) {
    try {
      Shape s = rule.apply(this);
      return s == null ? Shape.unknown() : s;
    } catch (Unknown e) {
      return Shape.unknown();
    }
  }

  /** The static type bound to a parameter. */
  public StaticType type(String param) {
    return types[index(param)];
  }

  private int index(String param) {
    int i = function.params().indexOf(param);
    if (i < 0) {
      throw new IllegalArgumentException(function.name() + "() has no parameter '" + param + "'");
    }
    return i;
  }

  /** Whether the parameter is {@code None}. */
  public boolean isNone(String param) {
    return type(param) instanceof StaticType.NoneType;
  }

  /** A tensor argument's shape (an integer is a scalar). */
  public Shape shape(String param) {
    StaticType t = type(param);
    return t instanceof StaticType.TensorType x ? x.shape() : Shape.scalar();
  }

  /** A tensor argument's shape, known in rank; else {@link Unknown}. */
  public List<Dim> dims(String param) {
    Shape s = shape(param);
    if (!s.isKnown()) {
      throw new Unknown();
    }
    return s.dims();
  }

  /** An integer argument's symbolic value. */
  public Dim integer(String param) {
    return ((StaticType.IntType) type(param)).value();
  }

  /** An integer argument that must be a constant to be used (an axis); else {@link Unknown}. */
  public int constant(String param) {
    return constant(integer(param));
  }

  /** An integer argument, {@code null} for None. */
  public Integer constantOrNull(String param) {
    return isNone(param) ? null : constant(param);
  }

  /** NumPy's axis: {@code null} for None (every axis), else constant axes. */
  public int[] axes(String param) {
    StaticType t = type(param);
    if (t instanceof StaticType.NoneType) {
      return null;
    }
    List<Dim> dims = sizes(param).dims();
    if (dims == null) {
      throw new Unknown();
    }
    int[] out = new int[dims.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = constant(dims.get(i));
    }
    return out;
  }

  /** A shape argument: an integer {@code n} is {@code (n,)}. */
  public Shape sizes(String param) {
    StaticType t = type(param);
    if (t instanceof StaticType.IntType i) {
      return Shape.of(i.value());
    }
    return ((StaticType.ShapeType) t).value();
  }

  /** PyTorch's 2-D size: an integer {@code n} is {@code (n, n)}. */
  public Dim[] pair(String param) {
    StaticType t = type(param);
    if (t instanceof StaticType.IntType i) {
      return new Dim[] {i.value(), i.value()};
    }
    List<Dim> d = ((StaticType.ShapeType) t).value().dims();
    return new Dim[] {d.get(0), d.get(1)};
  }

  /** A boolean argument. */
  public boolean bool(String param) {
    return ((StaticType.BoolType) type(param)).value();
  }

  /** A string argument. */
  public String string(String param) {
    return ((StaticType.StringType) type(param)).value();
  }

  /** The shapes of a list or tuple of tensors. */
  public List<Shape> shapes(String param) {
    StaticType t = type(param);
    List<Shape> out = new ArrayList<>();
    if (t instanceof StaticType.ShapeType s) {
      if (!s.value().isKnown()) {
        throw new Unknown();
      }
      s.value().dims().forEach(d -> out.add(Shape.scalar()));
      return out;
    }
    for (StaticType item : ((StaticType.SequenceType) t).items()) {
      out.add(item instanceof StaticType.TensorType x ? x.shape() : Shape.scalar());
    }
    return out;
  }

  /**
   * A number argument written as a literal, signed or not ({@code 2}, {@code -1}, {@code 0.5},
   * {@code inf}); else {@link Unknown}.
   */
  public double literal(String param) {
    Expr e = exprs[index(param)];
    boolean negated = e instanceof Expr.Neg n;
    Expr operand = e instanceof Expr.Neg n ? n.operand() : e;
    if (!(operand instanceof Expr.Num num)) {
      throw new Unknown();
    }
    return negated ? -num.value() : num.value();
  }

  /** As {@link #literal}, or {@code null} where the argument is not a literal (or was not written). */
  public Double literalOrNull(String param) {
    try {
      return exprs[index(param)] == null ? null : literal(param);
    } catch (Unknown e) {
      return null;
    }
  }

  /** An authoring error about one argument, at the argument's position. */
  public ClaimSyntaxException fail(String param, String message) {
    Expr e = exprs[index(param)];
    return new ClaimSyntaxException(e == null ? callPos : e.pos(), function.label() + ": " + message);
  }

  /** An authoring error about the call as a whole, at the call (a method call: at the method's name). */
  public ClaimSyntaxException failAtCall(String message) {
    return new ClaimSyntaxException(callPos, function.label() + ": " + message);
  }

  /** Whether the argument was written (not a default). */
  public boolean given(String param) {
    return exprs[index(param)] != null;
  }

  private static int constant(Dim d) {
    Long c = d.constant();
    if (c == null || c < Integer.MIN_VALUE || c > Integer.MAX_VALUE) {
      throw new Unknown();
    }
    return (int) (long) c;
  }
}
