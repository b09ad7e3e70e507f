package io.github.gradproof.render;

import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Notation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a reduction over axes in index notation: one index letter per axis it runs over, the
 * operand indexed by them with {@code :} for the axes it keeps, as a textbook slices an array
 * ({@code A_{i,:}} is row {@code i}):
 *
 * <pre>
 * sum(x, axis=0)        ∑_i x_{i,:}          (x of rank 2)
 * sum(x, axis=-1)       ∑_j x_{:,j}
 * sum(x, axis=(0, 1))   ∑_{i,j} x_{i,j,:}    (x of rank 3)
 * sum(x)                ∑_{i,j} x_{i,j}
 * mean(x, axis=1)       mean_j(x_{:,j})
 * softmax(z, dim=1)     softmax_j(z_{:,j})   (normalised along j)
 * var(x, 0, ddof=1)     Var_i(x_{i,:}, ddof=1)
 * </pre>
 *
 * A negative axis is counted from the end, so the rank of the operand must be known; when it is
 * not (a line without static facts), or the axis is not a constant, the call is written as called.
 * {@code keepdims=True} keeps each reduced axis with length 1, which is what the indexing
 * {@code [:, None]} does: the reduction is followed by that index ({@code mean_j(x_{:,j})[:, None]}),
 * the notation the language itself uses for it.
 */
final class AxisNotations {

  private AxisNotations() {}

  /**
   * How a reduction is written.
   *
   * @param rank the operand's rank
   * @param reduced the axes reduced, ascending and non-negative; {@code null} when the operand is not
   *     indexed (a scalar, a rank not known, a normalisation without its axis)
   * @param keep whether the reduced axes are kept with length 1
   */
  private record Plan(int rank, int[] reduced, boolean keep) {
    boolean indexed() {
      return reduced != null && reduced.length > 0;
    }
  }

  static int precedence(MathMl m, FunctionNotations.Bound b) {
    return extendsRight(m, b) ? MathMl.UNARY : MathMl.ATOM;
  }

  /** Whether the written reduction is a big operator taking in what follows it ({@code ∑_i x_i}). */
  static boolean extendsRight(MathMl m, FunctionNotations.Bound b) {
    return b.notation().form() == Notation.Form.BIG_OPERATOR && plan(m, b).map(p -> !p.keep()).orElse(false);
  }

  static boolean endsInParenthesis(MathMl m, FunctionNotations.Bound b) {
    return plan(m, b).map(p -> !p.keep()).orElse(true);
  }

  static Products.Lead lead(MathMl m, FunctionNotations.Bound b) {
    boolean bracketed = b.notation().form() == Notation.Form.BIG_OPERATOR && plan(m, b).map(Plan::keep).orElse(false);
    return bracketed ? Products.Lead.OPEN : Products.Lead.WORD;
  }

  static void write(MathMl m, Expr.Call call, FunctionNotations.Bound b) {
    Optional<Plan> plan = plan(m, b);
    List<String> letters = plan.isEmpty() ? null : plan.get().indexed() ? m.letters().bind(plan.get().reduced()) : List.of();
    if (letters == null) {
      m.asWritten(call);
      return;
    }
    Plan p = plan.get();
    Notation n = b.notation();
    Expr operand = FunctionNotations.operand(b);
    m.open("mrow");
    if (n.form() == Notation.Form.BIG_OPERATOR) {
      bigOperator(m, n, operand, p, letters);
    } else {
      operator(m, n.symbol(), letters, false).applyFunction().open("mrow").mo("(");
      operand(m, operand, p, letters, 0);
      extras(m, call, b);
      m.mo(")").close("mrow");
    }
    if (p.keep()) {
      keptAxes(m, p);
    }
    m.close("mrow");
    m.letters().release(letters.size());
  }

  /** {@code ∑_{i} x_{i,:}}, in parentheses when followed by the kept axes. */
  private static void bigOperator(MathMl m, Notation n, Expr operand, Plan p, List<String> letters) {
    if (p.keep()) {
      m.open("mrow").mo("(");
    }
    operator(m, n.symbol(), letters, true);
    operand(m, operand, p, letters, MathMl.ATOM);
    if (p.keep()) {
      m.mo(")").close("mrow");
    }
  }

  /** The operator with its index letters as a subscript: {@code ∑_{i,j}}, {@code mean_j}. */
  private static MathMl operator(MathMl m, String symbol, List<String> letters, boolean big) {
    if (!letters.isEmpty()) {
      m.open("msub");
    }
    if (big) {
      m.mo(symbol);
    } else {
      m.mi(symbol);
    }
    if (!letters.isEmpty()) {
      m.open("mrow");
      for (int i = 0; i < letters.size(); i++) {
        if (i > 0) {
          m.mo(",");
        }
        m.mi(letters.get(i));
      }
      m.close("mrow").close("msub");
    }
    return m;
  }

  /** The operand indexed by the letters, {@code :} for the axes kept: {@code x_{i,:}}. */
  private static void operand(MathMl m, Expr operand, Plan p, List<String> letters, int min) {
    if (!p.indexed()) {
      m.expr(operand, min);
      return;
    }
    IndexNotation.subscripted(m, operand, () -> {
      for (int axis = 0; axis < p.rank(); axis++) {
        if (axis > 0) {
          m.mo(",");
        }
        int at = Arrays.binarySearch(p.reduced(), axis);
        if (at >= 0) {
          m.mi(letters.get(at));
        } else {
          IndexNotation.wholeAxis(m);
        }
      }
    });
  }

  /** The arguments the notation has no place for ({@code ddof=1}), after the operand, as called. */
  private static void extras(MathMl m, Expr.Call call, FunctionNotations.Bound b) {
    Set<Expr> shown = Collections.newSetFromMap(new IdentityHashMap<>());
    shown.add(FunctionNotations.operand(b));
    b.notation().subscripts().stream().map(b.args()::get).filter(a -> a != null).forEach(shown::add);
    for (Expr a : call.args()) {
      if (!shown.contains(a)) {
        m.mo(",").expr(a, 0);
      }
    }
    for (Expr.Keyword k : call.keywords()) {
      if (!shown.contains(k.value())) {
        m.mo(",").keyword(k.name()).expr(k.value(), 0);
      }
    }
  }

  /** {@code [:, None]}: each reduced axis back with length 1, trailing whole axes left out as NumPy allows. */
  private static void keptAxes(MathMl m, Plan p) {
    int last = p.reduced()[p.reduced().length - 1];
    m.open("mrow").mo("[");
    for (int axis = 0; axis <= last; axis++) {
      if (axis > 0) {
        m.mo(",");
      }
      if (Arrays.binarySearch(p.reduced(), axis) >= 0) {
        m.mi("None");
      } else {
        IndexNotation.wholeAxis(m);
      }
    }
    m.mo("]").close("mrow");
  }

  /**
   * How the call is written; empty when it is written as called: an axis that is not a constant, or
   * that needs a rank not known, or is out of range or repeated.
   */
  private static Optional<Plan> plan(MathMl m, FunctionNotations.Bound b) {
    Notation n = b.notation();
    Map<String, Expr> args = b.args();
    Expr operand = FunctionNotations.operand(b);
    Expr axisArg = args.get(n.subscripts().get(0));
    Expr keepArg = n.subscripts().size() > 1 ? args.get(n.subscripts().get(1)) : null;
    boolean keep = keepArg != null && m.types().isTrue(keepArg);
    int rank = m.types().rank(operand);
    Optional<MathTypes.Axes> axes = axisArg == null ? Optional.of(MathTypes.Axes.ALL) : m.types().axes(axisArg);
    if (axes.isEmpty()) {
      return Optional.empty();
    }
    int[] reduced;
    if (axes.get().all()) {
      if (n.form() == Notation.Form.ALONG_AXIS || rank < 0) {
        return keep ? Optional.empty() : Optional.of(new Plan(rank, null, false));
      }
      reduced = new int[rank];
      Arrays.setAll(reduced, i -> i);
    } else {
      reduced = normalised(axes.get().axes(), rank);
      if (reduced == null) {
        return Optional.empty();
      }
    }
    return keep && reduced.length == 0 ? Optional.empty() : Optional.of(new Plan(rank, reduced, keep));
  }

  /** The axes counted from 0 and sorted; {@code null} when the rank is unknown, or one is out of range or repeated. */
  private static int[] normalised(int[] axes, int rank) {
    if (rank < 0 || axes.length == 0) {
      return null;
    }
    List<Integer> out = new ArrayList<>();
    for (int a : axes) {
      int axis = a < 0 ? a + rank : a;
      if (axis < 0 || axis >= rank || out.contains(axis)) {
        return null;
      }
      out.add(axis);
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
