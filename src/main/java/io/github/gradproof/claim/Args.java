package io.github.gradproof.claim;

import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runtime arguments of one call, bound to the function's parameters with defaults filled in,
 * read by parameter name in the form the engine takes ({@code int[]} axes, {@link Var}s, ...). The
 * checker guarantees each argument has its parameter's type.
 */
public final class Args {

  private final Function function;
  private final Value[] values;
  private final Experiments experiments;

  Args(Function function, Value[] values, Experiments experiments) {
    this.function = function;
    this.values = values;
    this.experiments = experiments;
  }

  /** The value bound to a parameter. */
  public Value value(String param) {
    List<String> names = function.params();
    int i = names.indexOf(param);
    if (i < 0) {
      throw new IllegalArgumentException(function.name() + "() has no parameter '" + param + "'");
    }
    return values[i];
  }

  /** Whether the parameter is {@code None}. */
  public boolean isNone(String param) {
    return value(param) instanceof Value.NoneValue;
  }

  /** A tensor argument as a graph node (an integer becomes a constant scalar). */
  public Var var(String param) {
    return Evaluator.var(value(param));
  }

  /** A tensor argument, or {@code null} for {@code None}. */
  public Var varOrNull(String param) {
    return isNone(param) ? null : var(param);
  }

  /** A tensor argument's value. */
  public Tensor tensor(String param) {
    return var(param).value();
  }

  /** An integer argument. */
  public int integer(String param) {
    return toInt(((Value.IntValue) value(param)).value(), param);
  }

  /** An integer argument, or {@code null} for {@code None}. */
  public Integer integerOrNull(String param) {
    return isNone(param) ? null : integer(param);
  }

  /** NumPy's axis argument: {@code null} for None (every axis), else the axes. */
  public int[] axes(String param) {
    Value v = value(param);
    if (v instanceof Value.NoneValue) {
      return null;
    }
    return shape(param);
  }

  /** A shape: an integer {@code n} is {@code (n,)}. */
  public int[] shape(String param) {
    Value v = value(param);
    if (v instanceof Value.IntValue i) {
      return new int[] {toInt(i.value(), param)};
    }
    int[] dims = ((Value.ShapeValue) v).dims();
    return Arrays.copyOf(dims, dims.length);
  }

  /** PyTorch's 2-D size: an integer {@code n} is {@code (n, n)}. */
  public int[] pair(String param) {
    Value v = value(param);
    if (v instanceof Value.IntValue i) {
      int n = toInt(i.value(), param);
      return new int[] {n, n};
    }
    int[] dims = ((Value.ShapeValue) v).dims();
    return Arrays.copyOf(dims, dims.length);
  }

  /** A pair, or {@code null} for {@code None}. */
  public int[] pairOrNull(String param) {
    return isNone(param) ? null : pair(param);
  }

  /** A boolean argument. */
  public boolean bool(String param) {
    return ((Value.BoolValue) value(param)).value();
  }

  /** A string argument. */
  public String string(String param) {
    return ((Value.StringValue) value(param)).value();
  }

  /**
   * A Python number: an integer or a one-element tensor.
   *
   * @throws ShapeException of kind DOMAIN when the tensor has more than one element
   */
  public double number(String param) {
    Value v = value(param);
    if (v instanceof Value.IntValue i) {
      return i.value();
    }
    Tensor t = ((Value.TensorValue) v).tensor();
    if (t.size() != 1) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, function.name() + "(): '" + param
          + "' must be a number, got shape " + t.shapeString());
    }
    return t.item();
  }

  /** A list or tuple of tensors as graph nodes (integers become constant scalars). */
  public List<Var> vars(String param) {
    Value v = value(param);
    List<Var> out = new ArrayList<>();
    if (v instanceof Value.ShapeValue s) {
      for (int d : s.dims()) {
        out.add(Var.constant(Tensor.scalar(d)));
      }
      return out;
    }
    for (Value item : ((Value.SequenceValue) v).items()) {
      out.add(Evaluator.var(item));
    }
    return out;
  }

  /** The finite-difference experiment of the question ({@code fd_order}, {@code fd_evals}). */
  public Experiments experiments() {
    return experiments;
  }

  private int toInt(long v, String param) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ShapeException(ShapeException.Kind.DOMAIN, function.name() + "(): '" + param + "' = " + v
          + " is out of range");
    }
    return (int) v;
  }
}
