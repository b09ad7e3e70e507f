package io.github.gradproof.claim;

import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checked expressions on autograd values. Operations go through {@link Var} (and the
 * registry's {@link Function}s), so forward lines build the graph that the verifier
 * differentiates. An undefined operation raises {@link EvaluationException} with the operation and
 * its operands as facts ({@link Operation}).
 *
 * <p>Only lines that passed {@link Claims}' static checks may be evaluated; others fail with
 * {@link ClassCastException} or {@link NullPointerException}.
 */
public final class Evaluator {

  private final Map<String, Value> env;
  private final Experiments experiments;
  private final Map<Expr, Tensor> held;

  /**
   * Creates an evaluator.
   *
   * @param env every name the expressions use, including gradient names {@code dX} in claims
   * @param experiments answers {@code fd_order}/{@code fd_evals}
   */
  public Evaluator(Map<String, Value> env, Experiments experiments) {
    this(env, experiments, null);
  }

  /**
   * Creates an evaluator of forward lines whose {@code x.detach()} calls give the value they had at
   * their first evaluation with this {@code held} map: a gradient check re-running the lines on moved
   * inputs then holds a detached value constant, as the gradient, which no detached path carries,
   * does.
   *
   * @param held the detached values by call node (identity), filled on first use
   */
  public Evaluator(Map<String, Value> env, Experiments experiments, Map<Expr, Tensor> held) {
    this.env = env;
    this.experiments = experiments;
    this.held = held;
  }

  /**
   * Evaluates an expression.
   *
   * @throws EvaluationException when an operation is undefined on its operands
   */
  public Value eval(Expr e) {
    if (e instanceof Expr.Num n) {
      return n.integer() ? new Value.IntValue((long) n.value()) : Value.constant(Tensor.scalar(n.value()));
    } else if (e instanceof Expr.Name n) {
      return name(n);
    } else if (e instanceof Expr.Bool b) {
      return new Value.BoolValue(b.value());
    } else if (e instanceof Expr.NoneLiteral) {
      return new Value.NoneValue();
    } else if (e instanceof Expr.Str s) {
      return new Value.StringValue(s.value());
    } else if (e instanceof Expr.Neg n) {
      Value v = eval(n.operand());
      if (v instanceof Value.IntValue i) {
        try {
          return new Value.IntValue(IntegerArithmetic.negate(i.value()));
        } catch (ArithmeticException x) {
          throw new IntegerOverflowException(n.pos(), IntegerArithmetic.overflow("-(" + i.value() + ")"));
        }
      }
      return new Value.TensorValue(var(v).neg());
    } else if (e instanceof Expr.Not n) {
      return new Value.TensorValue(truth(var(eval(n.operand()))).eq(zero()));
    } else if (e instanceof Expr.Binary b) {
      return binary(b, eval(b.left()), eval(b.right()));
    } else if (e instanceof Expr.Compare c) {
      return mask(c, eval(c.left()), eval(c.right()));
    }
    return structure(e);
  }

  private Value structure(Expr e) {
    if (e instanceof Expr.Transpose t) {
      return new Value.TensorValue(var(eval(t.target())).T());
    } else if (e instanceof Expr.ShapeOf s) {
      return new Value.ShapeValue(var(eval(s.target())).value().shape());
    } else if (e instanceof Expr.Ndim n) {
      return new Value.IntValue(var(eval(n.target())).value().rank());
    } else if (e instanceof Expr.Tuple t) {
      return tuple(t);
    } else if (e instanceof Expr.ListLiteral l) {
      return new Value.SequenceValue(items(l.items()));
    } else if (e instanceof Expr.Index i) {
      return IndexEvaluation.index(this, i);
    } else if (e instanceof Expr.MethodCall m) {
      Function f = Functions.method(m.method());
      if (held != null && f.isTensorMethod() && f.name().equals("detach")) {
        return detached(m);
      }
      return call(f, Calls.asCall(f, m));
    }
    Expr.Call c = (Expr.Call) e;
    return call(Functions.named(c.function()), c);
  }

  /** {@code x.detach()} in forward lines: a constant, its value the one of the first evaluation. */
  private Value detached(Expr.MethodCall m) {
    Tensor t = held.get(m);
    if (t == null) {
      t = var(eval(m.target())).value();
      held.put(m, t);
    }
    return new Value.TensorValue(Var.constant(t));
  }

  private Value name(Expr.Name n) {
    Value v = env.get(n.name());
    if (v == null) {
      throw new IllegalStateException("unbound name '" + n.name() + "' (the line was not checked)");
    }
    return v;
  }

  private Value tuple(Expr.Tuple t) {
    List<Value> items = items(t.items());
    if (items.stream().allMatch(v -> v instanceof Value.IntValue)) {
      int[] dims = new int[items.size()];
      for (int i = 0; i < dims.length; i++) {
        long v = ((Value.IntValue) items.get(i)).value();
        if (v != (int) v) {
          throw new IntegerOverflowException(t.pos(), "integer overflow: a size of " + v + " does not fit in a shape"
              + " (sizes are at most " + Integer.MAX_VALUE + "), and the language's integers never wrap around;"
              + " use smaller dims");
        }
        dims[i] = (int) v;
      }
      return new Value.ShapeValue(dims);
    }
    return new Value.SequenceValue(items);
  }

  private List<Value> items(List<Expr> exprs) {
    List<Value> out = new ArrayList<>(exprs.size());
    for (Expr item : exprs) {
      out.add(eval(item));
    }
    return out;
  }

  /** Converts an integer or tensor value to a graph node. */
  public static Var var(Value v) {
    if (v instanceof Value.TensorValue t) {
      return t.var();
    }
    return Var.constant(Tensor.scalar(((Value.IntValue) v).value()));
  }

  private Value binary(Expr.Binary b, Value l, Value r) {
    BinaryOp op = b.op();
    if (l instanceof Value.IntValue x && r instanceof Value.IntValue y) {
      Long result;
      try {
        result = IntegerArithmetic.apply(op, x.value(), y.value(), b.right() instanceof Expr.Num);
      } catch (ArithmeticException overflow) {
        throw new IntegerOverflowException(b.pos(),
            IntegerArithmetic.overflow(x.value() + " " + op.symbol() + " " + y.value()));
      }
      if (result != null) {
        return new Value.IntValue(result);
      }
      if (op == BinaryOp.FLOORDIV || op == BinaryOp.MOD) {
        throw new EvaluationException(ShapeException.Kind.DOMAIN,
            Operation.infix(op.symbol(), b.left(), Operand.of(l), b.right(), Operand.of(r)),
            op == BinaryOp.MOD ? "integer modulo by zero" : "integer division by zero");
      }
    }
    Var a = var(l);
    Var c = var(r);
    try {
      return new Value.TensorValue(switch (op) {
        case ADD -> a.add(c);
        case SUB -> a.sub(c);
        case MUL -> a.mul(c);
        case DIV -> a.div(c);
        case MATMUL -> a.matmul(c);
        case POW -> power(a, c);
        case MOD -> a.remainder(c);
        case AND -> truth(a).mul(truth(c));
        case OR -> truth(a).add(truth(c)).gt(zero());
        case FLOORDIV -> Ops.floorDivide(a, c);
      });
    } catch (ShapeException ex) {
      throw fail(ex, Operation.infix(op.symbol(), b.left(), a.value(), b.right(), c.value()));
    }
  }

  /** {@code base ** exponent}: a constant scalar exponent takes the engine's power by a constant. */
  static Var power(Var base, Var exponent) {
    if (exponent.value().size() == 1 && exponent.value().rank() <= base.value().rank() && !exponent.requiresGrad()) {
      return base.pow(exponent.value().toArray()[0]);
    }
    return base.pow(exponent);
  }

  /** A value as a 0/1 mask: 1 where nonzero (NumPy's truth of a number). */
  private static Var truth(Var v) {
    return v.ne(zero());
  }

  private static Var zero() {
    return Var.constant(Tensor.scalar(0));
  }

  private static Value mask(Expr.Compare c, Value l, Value r) {
    Var a = var(l);
    Var b = var(r);
    try {
      return new Value.TensorValue(switch (c.op()) {
        case EQ -> a.eq(b);
        case NE -> a.ne(b);
        case LT -> a.lt(b);
        case GT -> a.gt(b);
        case LE -> a.le(b);
        case GE -> a.ge(b);
        case APPROX -> throw new IllegalStateException("'~' inside an expression (the parser refuses it)");
      });
    } catch (ShapeException ex) {
      throw fail(ex, Operation.infix(c.op().symbol(), c.left(), a.value(), c.right(), b.value()));
    }
  }

  private Value call(Function f, Expr.Call c) {
    Expr[] slots = f.bind(c);
    Value[] values = new Value[slots.length];
    for (int i = 0; i < slots.length; i++) {
      Param p = f.parameters().get(i);
      if (slots[i] == null) {
        values[i] = defaultValue(p);
      } else if (p.type() == ParamType.METHOD) {
        values[i] = new Value.MethodValue(((Expr.Name) slots[i]).name().equals("central"));
      } else {
        values[i] = eval(slots[i]);
      }
    }
    Args args = new Args(f, values, experiments);
    try {
      return f.evaluate(args);
    } catch (ShapeException ex) {
      throw fail(ex, Operation.call(f, slots, values));
    }
  }

  /** A parameter's default as a value. */
  static Value defaultValue(Param p) {
    Object d = p.defaultValue();
    if (d == null) {
      return new Value.NoneValue();
    } else if (d instanceof Long l) {
      return new Value.IntValue(l);
    } else if (d instanceof Boolean b) {
      return new Value.BoolValue(b);
    } else if (d instanceof String s) {
      return new Value.StringValue(s);
    }
    return Value.constant(Tensor.scalar((Double) d));
  }

  static EvaluationException fail(ShapeException ex, Operation operation) {
    return new EvaluationException(ex.kind(), operation, ex.getMessage());
  }
}
