package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
  static void expr(Expr e, Consumer<Expr> visitor, Predicate<Expr> descend) {
    if (e == null) {
      return; // an omitted slice part
    }
    visitor.accept(e);
    if (!descend.test(e)) {
      return;
    }
    for (Expr c : children(e)) {
      expr(c, visitor, descend);
    }
  }

  /** The direct children of a node, left to right (keyword values after positional arguments); omitted slice parts left out. */
  static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Neg n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Not n) {
      out.add(n.operand());
    } else if (e instanceof Expr.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Expr.Compare c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Expr.Transpose t) {
      out.add(t.target());
    } else if (e instanceof Expr.ShapeOf s) {
      out.add(s.target());
    } else if (e instanceof Expr.Ndim n) {
      out.add(n.target());
    } else if (e instanceof Expr.Tuple t) {
      out.addAll(t.items());
    } else if (e instanceof Expr.ListLiteral l) {
      out.addAll(l.items());
    } else if (e instanceof Expr.Index i) {
      out.add(i.target());
      out.addAll(i.items());
    } else if (e instanceof Expr.Slice s) {
      out.add(s.start());
      out.add(s.stop());
      out.add(s.step());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
      c.keywords().forEach(k -> out.add(k.value()));
    } else if (e instanceof Expr.MethodCall m) {
      out.add(m.target());
      out.addAll(m.args());
      m.keywords().forEach(k -> out.add(k.value()));
    }
    out.removeIf(java.util.Objects::isNull);
    return out;
  }
}
