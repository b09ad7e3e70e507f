package io.github.gradproof.claim;

import java.util.function.Consumer;

/** Visits every expression node of a line, parents before children. */
final class Walk {

  private Walk() {}

  static void line(Line line, Consumer<Expr> visitor) {
    if (line instanceof Line.Definition d) {
      expr(d.value(), visitor);
    } else if (line instanceof Line.GradientClaim g) {
      expr(g.value(), visitor);
    } else {
      Line.Comparison c = (Line.Comparison) line;
      expr(c.left(), visitor);
      expr(c.right(), visitor);
    }
  }

  static void expr(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    if (e instanceof Expr.Neg n) {
      expr(n.operand(), visitor);
    } else if (e instanceof Expr.Binary b) {
      expr(b.left(), visitor);
      expr(b.right(), visitor);
    } else if (e instanceof Expr.Transpose t) {
      expr(t.target(), visitor);
    } else if (e instanceof Expr.ShapeOf s) {
      expr(s.target(), visitor);
    } else if (e instanceof Expr.Tuple t) {
      t.items().forEach(i -> expr(i, visitor));
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> expr(a, visitor));
      c.keywords().forEach(k -> expr(k.value(), visitor));
    }
  }
}
