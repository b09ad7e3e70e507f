package io.github.gradproof.claim;

import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates checked expressions on autograd values. Operations go through {@link Var}, so forward
 * lines build the graph that the verifier differentiates. An undefined operation raises
 * {@link EvaluationException} with the operation and its operands' shapes as facts.
 *
 * <p>Only lines that passed {@link Claims}' static checks may be evaluated; others fail with
 * {@link ClassCastException} or {@link NullPointerException}.
 */
public final class Evaluator {

  private final Map<String, Value> env;
  private final Experiments experiments;

  /**
   * Creates an evaluator.
   *
   * @param env every name the expressions use, including gradient names {@code dX} in claims
   * @param experiments answers {@code fd_order}/{@code fd_evals}
   */
  public Evaluator(Map<String, Value> env, Experiments experiments) {
    this.env = env;
    this.experiments = experiments;
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
      Value v = env.get(n.name());
      if (v == null) {
        throw new IllegalStateException("unbound name '" + n.name() + "' (the line was not checked)");
      }
      return v;
    } else if (e instanceof Expr.Bool b) {
      return new Value.BoolValue(b.value());
    } else if (e instanceof Expr.Neg n) {
      Value v = eval(n.operand());
      return v instanceof Value.IntValue i ? new Value.IntValue(-i.value()) : new Value.TensorValue(var(v).neg());
    } else if (e instanceof Expr.Binary b) {
      return binary(b, eval(b.left()), eval(b.right()));
    } else if (e instanceof Expr.Transpose t) {
      return new Value.TensorValue(var(eval(t.target())).T());
    } else if (e instanceof Expr.ShapeOf s) {
      return new Value.ShapeValue(var(eval(s.target())).value().shape());
    } else if (e instanceof Expr.Tuple t) {
      int[] dims = new int[t.items().size()];
      for (int i = 0; i < dims.length; i++) {
        dims[i] = (int) ((Value.IntValue) eval(t.items().get(i))).value();
      }
      return new Value.ShapeValue(dims);
    }
    return call((Expr.Call) e);
  }

  /** Converts an integer or tensor value to a graph node. */
  public static Var var(Value v) {
    if (v instanceof Value.TensorValue t) {
      return t.var();
    }
    return Var.constant(Tensor.scalar(((Value.IntValue) v).value()));
  }

  private Value binary(Expr.Binary e, Value l, Value r) {
    BinaryOp op = e.op();
    if (l instanceof Value.IntValue a && r instanceof Value.IntValue b && op != BinaryOp.DIV) {
      long x = a.value();
      long y = b.value();
      switch (op) {
        case ADD:
          return new Value.IntValue(x + y);
        case SUB:
          return new Value.IntValue(x - y);
        case MUL:
          return new Value.IntValue(x * y);
        case POW:
          if (y >= 0) {
            long p = 1;
            for (long k = 0; k < y; k++) {
              p *= x;
            }
            return new Value.IntValue(p);
          }
          break;
        default:
          break;
      }
    }
    Var a = var(l);
    Var b = var(r);
    try {
      return new Value.TensorValue(switch (op) {
        case ADD -> a.add(b);
        case SUB -> a.sub(b);
        case MUL -> a.mul(b);
        case DIV -> a.div(b);
        case MATMUL -> a.matmul(b);
        case POW -> power(a, b);
      });
    } catch (ShapeException ex) {
      // the operands as the engine saw them: an integer operand is a scalar tensor here
      throw fail(ex, new Operation(op.symbol(), true, List.of(
          new Argument(null, e.left(), new Operand.Tensor(a.value().shape())),
          new Argument(null, e.right(), new Operand.Tensor(b.value().shape())))));
    }
  }

  private static Var power(Var base, Var exponent) {
    if (exponent.value().size() == 1 && !exponent.requiresGrad()) {
      return base.pow(exponent.value().toArray()[0]);
    }
    // base ** e = exp(e * log(base)), defined for positive bases
    return exponent.mul(base.log()).exp();
  }

  private Value call(Expr.Call c) {
    Function f = Function.named(c.function());
    Expr[] slots = f.bind(c);
    Value[] args = new Value[slots.length];
    for (int i = 0; i < slots.length; i++) {
      args[i] = slots[i] == null ? null : (f.params().get(i).equals("method") ? method(slots[i]) : eval(slots[i]));
    }
    try {
      return apply(f, args);
    } catch (ShapeException ex) {
      throw fail(ex, operation(f, slots, args));
    }
  }

  private static Value method(Expr e) {
    return new Value.MethodValue(((Expr.Name) e).name().equals("central"));
  }

  private Value apply(Function f, Value[] a) {
    switch (f) {
      case FD_ORDER:
        return Value.constant(Tensor.scalar(experiments.order(((Value.MethodValue) a[0]).central())));
      case FD_EVALS:
        return new Value.IntValue(experiments.evaluations(((Value.MethodValue) a[0]).central()));
      case ONE_HOT: {
        Tensor labels = a[0] instanceof Value.IntValue i ? Tensor.scalar(i.value()) : var(a[0]).value();
        return Value.constant(Var.oneHot(labels, (int) ((Value.IntValue) a[1]).value()));
      }
      case CROSS_ENTROPY:
        return new Value.TensorValue(Var.crossEntropy(var(a[0]), var(a[1]).value()));
      default:
        return new Value.TensorValue(tensorFunction(f, var(a[0]), a));
    }
  }

  private static Var tensorFunction(Function f, Var x, Value[] a) {
    return switch (f) {
      case SUM -> x.sum(axes(a[1]), keepdims(a[2]));
      case MEAN -> x.mean(axes(a[1]), keepdims(a[2]));
      case MAX -> x.max(axes(a[1]), keepdims(a[2]));
      case EXP -> x.exp();
      case LOG -> x.log();
      case TANH -> x.tanh();
      case SIGMOID -> x.sigmoid();
      case RELU -> x.relu();
      case SQRT -> x.sqrt();
      case ABS -> x.abs();
      case SOFTMAX -> x.softmax(a[1] == null ? -1 : (int) ((Value.IntValue) a[1]).value());
      case LOG_SOFTMAX -> x.logSoftmax(a[1] == null ? -1 : (int) ((Value.IntValue) a[1]).value());
      case ONES_LIKE -> Var.onesLike(x);
      case ZEROS_LIKE -> Var.zerosLike(x);
      case RESHAPE -> x.reshape(axes(a[1]));
      case TRANSPOSE -> a[1] == null ? x.transpose() : x.transpose(axes(a[1]));
      default -> throw new IllegalStateException("not a tensor function: " + f);
    };
  }

  private static int[] axes(Value v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Value.IntValue i) {
      return new int[] {(int) i.value()};
    }
    return ((Value.ShapeValue) v).dims();
  }

  private static boolean keepdims(Value v) {
    return v != null && ((Value.BoolValue) v).value();
  }

  /** The failed call as facts: each argument given, with its parameter, expression and shape or value. */
  private static Operation operation(Function f, Expr[] slots, Value[] args) {
    List<Argument> arguments = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null) {
        arguments.add(new Argument(f.params().get(i), slots[i], Operand.of(args[i])));
      }
    }
    return new Operation(f.spelling(), false, arguments);
  }

  private static EvaluationException fail(ShapeException ex, Operation operation) {
    return new EvaluationException(ex.kind(), operation, ex.getMessage());
  }
}
