package io.github.gradproof.render;

import io.github.gradproof.claim.Expr;

/**
 * Writes indexing as a textbook does where it can: integers and whole axes as a subscript,
 * {@code x[1, -1]} as {@code x_{1,−1}} and {@code x[:, 0]} as {@code x_{:,0}} (a whole axis is
 * {@code :}, as in {@code A_{i,:}} for row {@code i}); any other index (slices with bounds,
 * {@code None}, {@code ...}, integer arrays) as written, {@code x[1:M, None]}, since a subscript
 * would hide what it selects. A reduction's operand is indexed here too ({@link AxisNotations}).
 */
final class IndexNotation {

  private IndexNotation() {}

  static void index(MathMl m, Expr.Index i) {
    if (isSubscript(m, i)) {
      subscripted(m, i.target(), () -> {
        for (int k = 0; k < i.items().size(); k++) {
          if (k > 0) {
            m.mo(",");
          }
          Expr item = i.items().get(k);
          if (isWholeAxis(item)) {
            wholeAxis(m);
          } else {
            m.expr(item, 0);
          }
        }
      });
    } else {
      m.open("mrow").box(i.target(), MathMl.ATOM).bracketed(i.items()).close("mrow");
    }
  }

  /** Whether an index is written as a subscript: integers and whole axes only, at least one integer. */
  private static boolean isSubscript(MathMl m, Expr.Index i) {
    return i.items().stream().allMatch(item -> isWholeAxis(item) || m.types().isInteger(item))
        && !i.items().stream().allMatch(IndexNotation::isWholeAxis);
  }

  private static boolean isWholeAxis(Expr item) {
    return item instanceof Expr.Slice s && s.start() == null && s.stop() == null && s.step() == null;
  }

  /**
   * {@code target_{items}}: a name, a call written with parentheses or a bracket takes the
   * subscript as it is ({@code x_i}, {@code softmax(z)_i}), anything else in parentheses
   * ({@code (xᵀ)_0}, {@code (a ⊙ b)_{i,:}}).
   */
  static void subscripted(MathMl m, Expr target, Runnable items) {
    m.open("msub");
    if (target instanceof Expr.Name || target instanceof Expr.ShapeOf || target instanceof Expr.Ndim
        || m.isIverson(target) || FunctionNotations.endsInParenthesis(m, target)) {
      m.box(target, MathMl.ATOM);
    } else {
      m.parenthesized(target);
    }
    m.open("mrow");
    items.run();
    m.close("mrow").close("msub");
  }

  /** A whole axis, {@code :}, as in {@code x_{i,:}}. */
  static void wholeAxis(MathMl m) {
    m.tight(":");
  }

  /** {@code start:stop:step}, each part when written, the colons unspaced. */
  static void slice(MathMl m, Expr.Slice s) {
    m.open("mrow");
    if (s.start() != null) {
      m.expr(s.start(), 0);
    }
    m.tight(":");
    if (s.stop() != null) {
      m.expr(s.stop(), 0);
    }
    if (s.step() != null) {
      m.tight(":").expr(s.step(), 0);
    }
    m.close("mrow");
  }
}
