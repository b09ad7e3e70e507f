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
    expr(e, visitor, x -> true);
  }

  /**
   * Visits {@code e} and its descendants, parents before children, but not the children of a node
   * for which {@code descend} is false.
   */
  static void expr(Expr e, Consumer<Expr> visitor, java.util.function.Predicate<Expr> descend) {
    if (e == null) {
      return; // an omitted slice part
    }
    visitor.accept(e);
    if (!descend.test(e)) {
      return;
    }
    children(e, child -> expr(child, visitor, descend));
  }

  /** The direct children of {@code e}, in source order; an omitted slice part is {@code null}. */
  private static void children(Expr e, Consumer<Expr> visitor) {
    if (e instanceof Expr.Neg n) {
      visitor.accept(n.operand());
    } else if (e instanceof Expr.Not n) {
      visitor.accept(n.operand());
    } else if (e instanceof Expr.Binary b) {
      visitor.accept(b.left());
      visitor.accept(b.right());
    } else if (e instanceof Expr.Compare c) {
      visitor.accept(c.left());
      visitor.accept(c.right());
    } else if (e instanceof Expr.Transpose t) {
      visitor.accept(t.target());
    } else if (e instanceof Expr.ShapeOf s) {
      visitor.accept(s.target());
    } else if (e instanceof Expr.Ndim n) {
      visitor.accept(n.target());
    } else if (e instanceof Expr.Tuple t) {
      t.items().forEach(visitor);
    } else if (e instanceof Expr.ListLiteral l) {
      l.items().forEach(visitor);
    } else if (e instanceof Expr.Index i) {
      visitor.accept(i.target());
      i.items().forEach(visitor);
    } else if (e instanceof Expr.Slice s) {
      visitor.accept(s.start());
      visitor.accept(s.stop());
      visitor.accept(s.step());
    } else if (e instanceof Expr.Call c) {
      c.args().forEach(visitor);
      c.keywords().forEach(k -> visitor.accept(k.value()));
    } else if (e instanceof Expr.MethodCall m) {
      visitor.accept(m.target());
      m.args().forEach(visitor);
      m.keywords().forEach(k -> visitor.accept(k.value()));
    }
  }
}
