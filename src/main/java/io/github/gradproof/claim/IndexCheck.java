package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;

/**
 * Static checks of {@code target[items]} for the {@link Checker}: a tensor takes integers, slices,
 * {@code None}, {@code ...} and integer arrays (NumPy's rules, {@link IndexRule}); a shape tuple
 * ({@code x.shape[0]}, {@code x.shape[1:]}) takes an integer or a slice.
 */
final class IndexCheck {

  private final Checker checker;

  IndexCheck(Checker checker) {
    this.checker = checker;
  }

  StaticType index(Expr.Index e) {
    StaticType target = checker.type(e.target());
    List<IndexRule.Item> items = items(e.items());
    if (target == null || items == null) {
      return null;
    }
    if (target instanceof StaticType.ShapeType s) {
      return shapeTuple(s.value(), e, items);
    }
    if (target.type() != Type.TENSOR) {
      return checker.error(e.pos(), "cannot index " + target.type().description() + "; only tensors and shape tuples take [...]");
    }
    return StaticType.tensor(IndexRule.apply(Checker.shapeOf(target), items));
  }

  /** {@code s[i]} is an integer, {@code s[a:b]} a shape tuple. */
  private StaticType shapeTuple(Shape s, Expr.Index e, List<IndexRule.Item> items) {
    if (items.size() != 1 || !(items.get(0) instanceof IndexRule.Item.At || items.get(0) instanceof IndexRule.Item.Range)) {
      return checker.error(e.pos(), "a shape tuple takes one integer or one slice, as in x.shape[0] or x.shape[1:]");
    }
    if (items.get(0) instanceof IndexRule.Item.At at) {
      Long i = at.index().constant();
      if (!s.isKnown() || i == null || i >= s.rank() || i < -s.rank()) {
        return new StaticType.IntType(Dim.unknown());
      }
      return new StaticType.IntType(s.dim((int) (long) i));
    }
    Shape sliced = IndexRule.apply(new Shape(s.isKnown() ? List.of(Dim.of(s.rank())) : null), items);
    Long n = sliced.isKnown() ? sliced.dims().get(0).constant() : null;
    if (n == null) {
      return new StaticType.ShapeType(Shape.unknown());
    }
    IndexRule.Item.Range r = (IndexRule.Item.Range) items.get(0);
    List<Dim> out = new ArrayList<>();
    Long start = r.start() == null ? null : r.start().constant();
    Long step = r.step() == null ? 1L : r.step().constant();
    if ((r.start() != null && start == null) || step == null) {
      return new StaticType.ShapeType(Shape.unknown());
    }
    long first = Dim.SliceLength.first(s.rank(), start, step);
    for (long k = 0; k < n; k++) {
      out.add(s.dim((int) (first + k * step)));
    }
    return new StaticType.ShapeType(new Shape(out));
  }

  /** The items as static index items; {@code null} after reporting errors. */
  private List<IndexRule.Item> items(List<Expr> exprs) {
    List<IndexRule.Item> out = new ArrayList<>();
    boolean ok = true;
    int ellipses = 0;
    for (Expr e : exprs) {
      if (e instanceof Expr.Ellipsis && ++ellipses > 1) {
        checker.error(e.pos(), "an index can have only one '...'");
        ok = false;
        continue;
      }
      IndexRule.Item item = item(e);
      ok &= item != null;
      out.add(item);
    }
    return ok ? out : null;
  }

  private IndexRule.Item item(Expr e) {
    if (e instanceof Expr.Ellipsis) {
      return new IndexRule.Item.Ellipsis();
    } else if (e instanceof Expr.NoneLiteral n) {
      checker.type(n);
      return new IndexRule.Item.NewAxis();
    } else if (e instanceof Expr.Slice s) {
      return slice(s);
    } else if (e instanceof Expr.Compare || isBooleanList(e)) {
      if (e instanceof Expr.Compare) {
        checker.type(e); // errors inside the comparison are reported too
      }
      checker.error(e.pos(), "a mask cannot index: the result's shape would depend on the values;"
          + " multiply by the mask or use where(...) instead");
      return null;
    } else if (e instanceof Expr.Bool b) {
      checker.error(b.pos(), "an index is an integer, a slice, None, '...' or an integer array, got " + (b.value()
          ? "True" : "False") + ": NumPy and PyTorch read x[True] as x[None], a new axis of length 1, and x[False]"
          + " as a new axis of length 0; write None for a new axis");
      return null;
    }
    StaticType t = checker.type(e);
    if (t == null || floatLiteralIndex(e) || floatArray(e)) {
      return null;
    }
    if (t instanceof StaticType.IntType i) {
      return new IndexRule.Item.At(i.value());
    }
    if (t instanceof StaticType.TensorType x) {
      return new IndexRule.Item.Take(x.shape());
    }
    if (t instanceof StaticType.SequenceType || t instanceof StaticType.ShapeType) {
      return new IndexRule.Item.Take(sequenceShape(t));
    }
    checker.error(e.pos(), "an index is an integer, a slice, None, '...' or an integer array, got "
        + t.type().description());
    return null;
  }

  /**
   * Reports a float literal written as an index, alone ({@code x[0.5]}, {@code x[-1.0]}) or in a list
   * of positions ({@code x[[0, 1.5]]}), and a true division ({@code x[R / 2]}): NumPy raises IndexError
   * for them, where the engine would read a float array and the claim would merely be false. Other
   * float tensors as indices are known only by their values, and stay false ("invalid index").
   */
  private boolean floatLiteralIndex(Expr e) {
    if (e instanceof Expr.ListLiteral || e instanceof Expr.Tuple) {
      List<Expr> items = e instanceof Expr.ListLiteral l ? l.items() : ((Expr.Tuple) e).items();
      boolean found = false;
      for (Expr item : items) {
        found = found || floatLiteralIndex(item);
      }
      return found;
    }
    if (e instanceof Expr.Binary b && b.op() == BinaryOp.DIV) {
      checker.error(b.pos(), "an index is an integer, a slice, None, '...' or an integer array, got a quotient: / is"
          + " true division, whose result is a float even for integers (NumPy raises IndexError for it); write //"
          + " for the integer quotient");
      return true;
    }
    double sign = e instanceof Expr.Neg n && n.operand() instanceof Expr.Num ? -1 : 1;
    Expr literal = sign < 0 ? ((Expr.Neg) e).operand() : e;
    if (!(literal instanceof Expr.Num num) || num.integer()) {
      return false;
    }
    double v = sign * num.value();
    String write = v == Math.rint(v) && Double.isFinite(v) ? "write " + (long) v
        : "write an integer such as " + (long) Math.floor(v) + " or " + (long) Math.ceil(v);
    checker.error(e.pos(), "an index is an integer, a slice, None, '...' or an integer array, got the float "
        + (sign < 0 ? "-" : "") + num.text() + " (NumPy raises IndexError for it); " + write);
    return true;
  }

  /** Whether {@code e} is a list written with a boolean in it, {@code [True, False]}: a mask. */
  private static boolean isBooleanList(Expr e) {
    return e instanceof Expr.ListLiteral l && l.items().stream().anyMatch(Expr.Bool.class::isInstance);
  }

  /**
   * Reports an index array that is certainly float ({@link FloatIndex}): a gradient, an input, a
   * true division or a float literal inside the arithmetic. Error at what makes it float.
   */
  private boolean floatArray(Expr e) {
    FloatIndex.Found found = new FloatIndex(checker.scope()).in(e);
    if (found == null) {
      return false;
    }
    checker.error(found.pos(), "an index is an integer, a slice, None, '...' or an integer array, got an array of"
        + " floats: " + found.why() + " (NumPy and PyTorch raise IndexError for an array of floats, even of whole"
        + " ones); there is no cast: index with integers (dims, integer literals and their + - * // %, arange,"
        + " argmax, argmin, a labels input)");
    return true;
  }

  /** A list used as an index is an integer array: its length, then its items' common shape. */
  private static Shape sequenceShape(StaticType t) {
    if (t instanceof StaticType.ShapeType s) {
      return s.value().isKnown() ? Shape.of(Dim.of(s.value().rank())) : Shape.unknown();
    }
    List<StaticType> items = ((StaticType.SequenceType) t).items();
    Shape inner = items.isEmpty() ? Shape.scalar() : Checker.shapeOf(items.get(0));
    for (StaticType item : items) {
      if (!Checker.shapeOf(item).equals(inner)) {
        return Shape.unknown();
      }
    }
    if (!inner.isKnown()) {
      return inner;
    }
    List<Dim> dims = new ArrayList<>();
    dims.add(Dim.of(items.size()));
    dims.addAll(inner.dims());
    return new Shape(dims);
  }

  private IndexRule.Item slice(Expr.Slice s) {
    Dim[] parts = new Dim[3];
    Expr[] exprs = {s.start(), s.stop(), s.step()};
    boolean ok = true;
    for (int i = 0; i < 3; i++) {
      if (exprs[i] == null) {
        continue;
      }
      StaticType t = checker.type(exprs[i]);
      if (t == null) {
        ok = false;
      } else if (t instanceof StaticType.IntType n) {
        parts[i] = n.value();
      } else if (!(t instanceof StaticType.NoneType)) {
        checker.error(exprs[i].pos(), "a slice bound is an integer or None, got " + t.type().description());
        ok = false;
      }
    }
    if (ok && parts[2] != null && parts[2].is(0)) {
      checker.error(s.step().pos(), "a slice step cannot be zero");
      ok = false;
    }
    return ok ? new IndexRule.Item.Range(parts[0], parts[1], parts[2]) : null;
  }
}
