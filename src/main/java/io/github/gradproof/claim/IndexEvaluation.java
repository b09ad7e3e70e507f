package io.github.gradproof.claim;

import io.github.gradproof.autograd.Index;
import io.github.gradproof.autograd.Ops;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.diag.Plural;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates {@code target[items]}: on a tensor through the engine's gather ({@link Var#index},
 * whose gradient scatters and adds repeated indices), on a shape tuple directly.
 */
final class IndexEvaluation {

  private IndexEvaluation() {}

  static Value index(Evaluator ev, Expr.Index e) {
    Value target = ev.eval(e.target());
    List<Operand> given = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Expr item : e.items()) {
      Object v = value(ev, item);
      values.add(v);
      given.add(operand(v));
    }
    Operand indexed = target instanceof Value.ShapeValue s ? Operand.of(s) : new Operand.Tensor(Evaluator.var(target)
        .value().shape());
    try {
      List<Index> items = new ArrayList<>();
      values.forEach(v -> items.add(item(v)));
      if (target instanceof Value.ShapeValue s) {
        return shapeTuple(s, items.get(0));
      }
      return new Value.TensorValue(Evaluator.var(target).index(items));
    } catch (ShapeException ex) {
      throw Evaluator.fail(ex, Operation.index(e.target(), indexed, e.items(), given));
    }
  }

  /** An index item's value: an {@link Index.Slice} or {@link Index.Ellipsis} as written, else a {@link Value}. */
  private static Object value(Evaluator ev, Expr item) {
    if (item instanceof Expr.Ellipsis) {
      return new Index.Ellipsis();
    } else if (item instanceof Expr.Slice s) {
      return new Bounds(bound(ev, s.start()), bound(ev, s.stop()), bound(ev, s.step()));
    }
    return ev.eval(item);
  }

  /** A slice's bounds as evaluated ({@code null} when omitted or None), before they are range-checked. */
  private record Bounds(Long start, Long stop, Long step) {}

  private static Operand operand(Object v) {
    if (v instanceof Index.Ellipsis) {
      return new Operand.Ellipsis();
    } else if (v instanceof Bounds b) {
      return new Operand.Slice(b.start(), b.stop(), b.step());
    } else if (v instanceof Value.TensorValue t) {
      return new Operand.Tensor(t.tensor().shape());
    }
    return Operand.of((Value) v);
  }

  /**
   * The engine's index item.
   *
   * @throws ShapeException of kind INDEX for an integer outside the engine's range
   */
  private static Index item(Object v) {
    if (v instanceof Index.Ellipsis e) {
      return e;
    } else if (v instanceof Bounds b) {
      return new Index.Slice(toInt(b.start()), toInt(b.stop()), toInt(b.step()));
    } else if (v instanceof Value.NoneValue) {
      return new Index.NewAxis();
    } else if (v instanceof Value.IntValue i) {
      return new Index.At(toInt(i.value()));
    } else if (v instanceof Value.ShapeValue s) {
      double[] data = new double[s.dims().length];
      for (int k = 0; k < data.length; k++) {
        data[k] = s.dims()[k];
      }
      return new Index.Take(Tensor.of(data, data.length));
    } else if (v instanceof Value.SequenceValue seq) {
      return new Index.Take(sequence(seq));
    }
    return new Index.Take(((Value.TensorValue) v).tensor());
  }

  /**
   * A list of integer arrays as one array: stacked along a new first axis, as NumPy reads it.
   *
   * @throws ShapeException of kind INDEX when the arrays differ in shape
   */
  private static Tensor sequence(Value.SequenceValue seq) {
    List<Var> parts = new ArrayList<>();
    for (Value item : seq.items()) {
      parts.add(Evaluator.var(item));
    }
    if (parts.isEmpty()) {
      return Tensor.zeros(0);
    }
    try {
      return Ops.stack(parts, 0).value();
    } catch (ShapeException ex) {
      throw new ShapeException(ShapeException.Kind.INDEX, "a list of index arrays must have one shape: "
          + ex.getMessage());
    }
  }

  private static Long bound(Evaluator ev, Expr e) {
    if (e == null) {
      return null;
    }
    Value v = ev.eval(e);
    return v instanceof Value.IntValue i ? i.value() : null;
  }

  private static Integer toInt(Long v) {
    return v == null ? null : toInt((long) v);
  }

  private static int toInt(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ShapeException(ShapeException.Kind.INDEX, "index " + v + " is out of range");
    }
    return (int) v;
  }

  /** {@code s[i]} or {@code s[a:b:c]} on a shape tuple, with Python's rules. */
  private static Value shapeTuple(Value.ShapeValue s, Index item) {
    int[] dims = s.dims();
    if (item instanceof Index.At at) {
      int i = at.i() < 0 ? at.i() + dims.length : at.i();
      if (i < 0 || i >= dims.length) {
        throw new ShapeException(ShapeException.Kind.INDEX,
            "index " + at.i() + " is out of range for a shape of " + Plural.count(dims.length, "axis", "axes"));
      }
      return new Value.IntValue(dims[i]);
    }
    Index.Slice sl = (Index.Slice) item;
    long step = sl.step() == null ? 1 : sl.step();
    long n = Dim.SliceLength.of(dims.length, toLong(sl.start()), toLong(sl.stop()), step);
    long first = Dim.SliceLength.first(dims.length, toLong(sl.start()), step);
    int[] out = new int[(int) n];
    for (int k = 0; k < n; k++) {
      out[k] = dims[(int) (first + k * step)];
    }
    return new Value.ShapeValue(out);
  }

  private static Long toLong(Integer i) {
    return i == null ? null : (long) i;
  }
}
