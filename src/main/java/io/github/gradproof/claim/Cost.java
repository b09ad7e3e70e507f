package io.github.gradproof.claim;

import io.github.gradproof.autograd.EinsumParser;
import java.util.List;
import java.util.Map;

/**
 * What evaluating a checked line or expression once costs under concrete dims, estimated from its
 * static shapes before anything runs: the <em>work</em>, in multiply-adds of this engine, and the
 * <em>elements</em> (float64 values of the tensors it creates).
 *
 * <p>Every node that computes a tensor creates its result ({@code elements}). Its work is
 * {@value #OPERATION_WORK} for the operation itself, plus {@value #ELEMENT_WORK} for each element
 * of the larger of its result and its tensor operands (an element-wise pass allocates, writes and
 * records for the backward pass), plus a contraction's multiply-adds: {@code @} and {@code dot}
 * the result's elements times the contracted length, {@code einsum} the product of every index's
 * size, {@code inv}, {@code det} and {@code solve} an LU factorization ({@code n³/3} per matrix) and, but
 * for det, the result's elements times n, a convolution its result's (a transposed one: its input's) elements
 * times one filter's
 * weights, a pooling its result's elements times the window (an adaptive one: four times the larger of its
 * input's and its result's). The weights are measured on this
 * engine: an element-wise element costs it about as long as 16 multiply-adds of a matmul, and an
 * operation on a few numbers about as long as 2000. A name reads a value and costs nothing;
 * literals are scalars. A node whose shape depends on values (a boolean mask, an {@code arange}
 * of values) is estimated as large as its largest operand.
 *
 * @param work multiply-adds, or their equivalent
 * @param elements float64 values of the tensors created
 */
public record Cost(double work, double elements) {

  /** Nothing. */
  public static final Cost ZERO = new Cost(0, 0);
  /** The work of one element an operation reads or writes, in multiply-adds. */
  public static final int ELEMENT_WORK = 16;
  /** The fixed work of one operation, in multiply-adds. */
  public static final int OPERATION_WORK = 2000;

  /** The cost of evaluating a checked line once (both sides of a claim) under {@code dims}. */
  public static Cost of(CheckedLine line, Map<String, ? extends Number> dims) {
    Estimator e = new Estimator(line::type, dims);
    Cost total = ZERO;
    if (line.line() instanceof Line.Definition d) {
      total = e.cost(d.value());
    } else if (line.line() instanceof Line.GradientClaim g) {
      total = e.cost(g.value());
    } else {
      Line.Comparison c = (Line.Comparison) line.line();
      total = e.cost(c.left()).plus(e.cost(c.right())).plus(e.compare(c.left(), c.right()));
    }
    return total;
  }

  /** The cost of evaluating a checked expression once under {@code dims}. */
  public static Cost of(CheckedExpression expression, Map<String, ? extends Number> dims) {
    return new Estimator(expression::type, dims).cost(expression.expr());
  }

  /** The elements of a tensor of static shape {@code shape} under {@code dims} (0 if not determined). */
  public static double elements(Shape shape, Map<String, ? extends Number> dims) {
    int[] sizes = shape.evaluate(dims);
    return sizes == null ? 0 : product(sizes);
  }

  /** This cost and {@code o} together. */
  public Cost plus(Cost o) {
    return new Cost(work + o.work, elements + o.elements);
  }

  /** This cost {@code n} times. */
  public Cost times(double n) {
    return new Cost(work * n, elements * n);
  }

  private static double product(int[] sizes) {
    double n = 1;
    for (int s : sizes) {
      n *= s;
    }
    return n;
  }

  /** Walks one tree with the static types of its nodes. */
  private static final class Estimator {
    private final java.util.function.Function<Expr, StaticType> types;
    private final Map<String, ? extends Number> dims;

    Estimator(java.util.function.Function<Expr, StaticType> types, Map<String, ? extends Number> dims) {
      this.types = types;
      this.dims = dims;
    }

    Cost cost(Expr e) {
      if (e == null || e instanceof Expr.Name || e instanceof Expr.Num || e instanceof Expr.Bool
          || e instanceof Expr.Str || e instanceof Expr.NoneLiteral || e instanceof Expr.Ellipsis) {
        return ZERO;
      }
      Cost total = ZERO;
      double operands = 0;
      for (Expr c : Walk.children(e)) {
        total = total.plus(cost(c));
        operands += elements(c);
      }
      double created = elements(e);
      double work = OPERATION_WORK + ELEMENT_WORK * Math.max(created, operands) + contraction(e, created);
      return total.plus(new Cost(work, created));
    }

    /** The comparison of a claim's two sides, element by element. */
    Cost compare(Expr left, Expr right) {
      return new Cost(OPERATION_WORK + ELEMENT_WORK * Math.max(elements(left), elements(right)), 0);
    }

    /** The elements of a node's value: 0 for what is not a tensor, a guess when not static. */
    private double elements(Expr e) {
      if (!(types.apply(e) instanceof StaticType.TensorType)) {
        return 0;
      }
      int[] sizes = shape(e);
      if (sizes != null) {
        return product(sizes);
      }
      double largest = 1;
      for (Expr c : Walk.children(e)) {
        largest = Math.max(largest, elements(c));
      }
      return largest;
    }

    private int[] shape(Expr e) {
      return e != null && types.apply(e) instanceof StaticType.TensorType x ? x.shape().evaluate(dims) : null;
    }

    /** The multiply-adds a contraction does beyond its result's elements. */
    private double contraction(Expr e, double created) {
      if (e instanceof Expr.Binary b && b.op() == BinaryOp.MATMUL) {
        return created * lastAxis(b.left());
      } else if (e instanceof Expr.MethodCall m && (m.method().equals("dot") || m.method().equals("matmul"))) {
        return created * lastAxis(m.target());
      } else if (e instanceof Expr.Call c) {
        return callContraction(c, created);
      }
      return 0;
    }

    private double callContraction(Expr.Call c, double created) {
      Function f = Functions.named(c.function());
      if (f == null) {
        return 0;
      }
      Expr[] slots;
      try {
        slots = f.bind(c);
      } catch (ClaimSyntaxException x) {
        return 0; // reported by the checker
      }
      String name = f.name();
      if (name.equals("dot") || name.equals("matmul")) {
        return created * lastAxis(slots[0]);
      } else if (name.equals("einsum")) {
        return einsum(c);
      } else if (name.equals("tensordot")) {
        // (free a × summed) @ (summed × free b): the summed size is sqrt(|a| |b| / |result|)
        return created == 0 ? 0 : created * Math.sqrt(elements(slots[0]) * elements(slots[1]) / created);
      } else if (name.equals("inv") || name.equals("det") || name.equals("solve")) {
        // LU: n³/3 per matrix; then n² per column solved (inv solves n columns, its result's n² each)
        double n = lastAxis(slots[0]);
        double factor = elements(slots[0]) * n / 3;
        return name.equals("det") ? factor : factor + created * n;
      } else if (name.startsWith("conv")) {
        int[] w = shape(slots[1]);
        double perFilter = w == null || w.length == 0 || w[0] == 0 ? 1 : product(w) / w[0];
        return (name.startsWith("conv_transpose") ? elements(slots[0]) : created) * perFilter;
      } else if (name.startsWith("adaptive_")) {
        // a bin spans at most in/out + 1 positions per axis: at most twice the larger of input and result, per axis
        return 4 * Math.max(created, elements(slots[0]));
      } else if (name.endsWith("_pool2d")) {
        return created * window(types.apply(slots[1]));
      } else if (name.endsWith("_pool1d")) {
        return created * length(types.apply(slots[1]));
      }
      return 0;
    }

    private double lastAxis(Expr operand) {
      int[] s = shape(operand);
      return s == null || s.length == 0 ? 1 : s[s.length - 1];
    }

    /** A 1-D kernel size. */
    private double length(StaticType t) {
      Long k = t instanceof StaticType.IntType i ? i.value().evaluate(dims) : null;
      return k == null ? 1 : k;
    }

    /** The kernel size's product: an integer {@code k} is {@code k × k}. */
    private double window(StaticType t) {
      if (t instanceof StaticType.IntType i) {
        Long k = i.value().evaluate(dims);
        return k == null ? 1 : (double) k * k;
      }
      double n = 1;
      if (t instanceof StaticType.SequenceType s) {
        for (StaticType item : s.items()) {
          Long k = item instanceof StaticType.IntType i ? i.value().evaluate(dims) : null;
          n *= k == null ? 1 : k;
        }
      } else if (t instanceof StaticType.ShapeType s) {
        int[] sizes = s.value().evaluate(dims);
        n = sizes == null ? 1 : product(sizes);
      }
      return n;
    }

    /** The product of every index's size: one multiply-add per combination. */
    private double einsum(Expr.Call c) {
      if (c.args().isEmpty() || !(types.apply(c.args().get(0)) instanceof StaticType.StringType sub)) {
        return 0;
      }
      List<Expr> operands = c.args().subList(1, c.args().size());
      EinsumParser.Terms terms;
      try {
        terms = EinsumParser.parse(sub.value(), operands.size());
      } catch (RuntimeException x) {
        return 0; // a malformed subscript is the checker's to report
      }
      Map<Character, Integer> sizes = new java.util.TreeMap<>();
      double ellipsis = 1;
      for (int k = 0; k < operands.size(); k++) {
        int[] s = shape(operands.get(k));
        if (s != null) {
          ellipsis = Math.max(ellipsis, labelSizes(terms.inputs().get(k), s, sizes));
        }
      }
      double n = ellipsis;
      for (int size : sizes.values()) {
        n *= size;
      }
      return n;
    }

    /** Records each letter's size from one operand; returns the product of the axes '...' covers. */
    private static double labelSizes(String term, int[] shape, Map<Character, Integer> sizes) {
      int dots = term.indexOf(EinsumParser.ELLIPSIS);
      String before = dots < 0 ? term : term.substring(0, dots);
      String after = dots < 0 ? "" : term.substring(dots + 1);
      for (int i = 0; i < before.length() && i < shape.length; i++) {
        sizes.merge(before.charAt(i), shape[i], Math::max);
      }
      for (int i = 0; i < after.length() && shape.length - after.length() + i >= 0; i++) {
        sizes.merge(after.charAt(i), shape[shape.length - after.length() + i], Math::max);
      }
      double covered = 1;
      for (int i = before.length(); dots >= 0 && i < shape.length - after.length(); i++) {
        covered *= shape[i];
      }
      return covered;
    }
  }
}
