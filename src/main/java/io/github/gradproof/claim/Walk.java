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
    if (e == null) {
      return; // an omitted slice part
    }
    visitor.accept(e);
    if (e instanceof Expr.Neg n) {
      expr(n.operand(), visitor);
    } else if (e instanceof Expr.Not n) {
      expr(n.operand(), visitor);
    } else if (e instanceof Expr.Binary b) {
      expr(b.left(), visitor);
      expr(b.right(), visitor);
    } else if (e instanceof Expr.Compare c) {
      expr(c.left(), visitor);
      expr(c.right(), visitor);
    } else if (e instanceof Expr.Transpose t) {
      expr(t.target(), visitor);
    } else if (e instanceof Expr.ShapeOf s) {
      expr(s.target(), visitor);
    } else if (e instanceof Expr.Ndim n) {
      expr(n.target(), visitor);
    } else if (e instanceof Expr.Tuple t) {
      t.items().forEach(i -> expr(i, visitor));
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(i -> expr(i, visitor));
    } else if (e instanceof Expr.Index i) {
      expr(i.target(), visitor);
      i.items().forEach(item -> expr(item, visitor));
    } else if (e instanceof Expr.Slice s) {
      expr(s.start(), visitor);
      expr(s.stop(), visitor);
      expr(s.step(), visitor);
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(a -> expr(a, visitor));
      c.keywords().forEach(k -> expr(k.value(), visitor));
    } else if (e instanceof Expr.MethodCall m) {
      expr(m.target(), visitor);
      m.args().forEach(a -> expr(a, visitor));
      m.keywords().forEach(k -> expr(k.value(), visitor));
    }
  }
}
