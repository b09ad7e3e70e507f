package io.github.gradproof.claim;

import io.github.gradproof.autograd.Index;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
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
    List<Index> items = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (Expr item : e.items()) {
      Index i = item(ev, item);
      items.add(i);
      shown.add(text(i));
    }
    if (target instanceof Value.ShapeValue s) {
      return shapeTuple(s, items.get(0));
    }
    Var x = Evaluator.var(target);
    try {
      return new Value.TensorValue(x.index(items));
    } catch (ShapeException ex) {
      throw Evaluator.fail(ex, x.value().shapeString() + "[" + String.join(", ", shown) + "]");
    }
  }

  private static Index item(Evaluator ev, Expr item) {
    if (item instanceof Expr.Ellipsis) {
      return new Index.Ellipsis();
    } else if (item instanceof Expr.NoneLiteral) {
      return new Index.NewAxis();
    } else if (item instanceof Expr.Slice s) {
      return new Index.Slice(bound(ev, s.start()), bound(ev, s.stop()), bound(ev, s.step()));
    }
    Value v = ev.eval(item);
    if (v instanceof Value.IntValue i) {
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

  /** A list of integer arrays as one array: stacked along a new first axis, as NumPy reads it. */
  private static Tensor sequence(Value.SequenceValue seq) {
    List<Var> parts = new ArrayList<>();
    for (Value item : seq.items()) {
      parts.add(Evaluator.var(item));
    }
    if (parts.isEmpty()) {
      return Tensor.zeros(0);
    }
    try {
      return io.github.gradproof.autograd.Ops.stack(parts, 0).value();
    } catch (ShapeException ex) {
      throw Evaluator.fail(ex, "a list of index arrays of different shapes");
    }
  }

  private static Integer bound(Evaluator ev, Expr e) {
    if (e == null) {
      return null;
    }
    Value v = ev.eval(e);
    return v instanceof Value.IntValue i ? toInt(i.value()) : null;
  }

  private static int toInt(long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new EvaluationException(ShapeException.Kind.INDEX, Long.toString(v), "index " + v + " is out of range");
    }
    return (int) v;
  }

  /** {@code s[i]} or {@code s[a:b:c]} on a shape tuple, with Python's rules. */
  private static Value shapeTuple(Value.ShapeValue s, Index item) {
    int[] dims = s.dims();
    if (item instanceof Index.At at) {
      int i = at.i() < 0 ? at.i() + dims.length : at.i();
      if (i < 0 || i >= dims.length) {
        throw new EvaluationException(ShapeException.Kind.INDEX, s + "[" + at.i() + "]",
            "index " + at.i() + " is out of range for a shape of " + dims.length + " axes");
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

  /** An index item as written, with values: {@code 2}, {@code 1:4:2}, {@code None}, {@code ...}, {@code [(3,)]}. */
  private static String text(Index i) {
    if (i instanceof Index.At at) {
      return Integer.toString(at.i());
    } else if (i instanceof Index.Slice s) {
      return part(s.start()) + ":" + part(s.stop()) + (s.step() == null ? "" : ":" + s.step());
    } else if (i instanceof Index.NewAxis) {
      return "None";
    } else if (i instanceof Index.Ellipsis) {
      return "...";
    }
    return "int array " + ((Index.Take) i).indices().shapeString();
  }

  private static String part(Integer v) {
    return v == null ? "" : v.toString();
  }
}
