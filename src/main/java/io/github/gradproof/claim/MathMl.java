package io.github.gradproof.claim;

import java.util.List;

/**
 * Renders a parsed line as a MathML Core {@code <math>} element: {@code @} as {@code ·},
 * elementwise {@code *} as {@code ⊙}, {@code /} as a fraction, {@code **} and {@code .T} as
 * superscripts, {@code sum(x, axis=0)} as {@code Σ} with the axis as subscript. Parentheses are
 * re-derived from precedence, so the output shows only the ones the math needs.
 */
public final class MathMl {

  /** Below comparisons (0), as in mathematics: a > 0 ∧ b > 0. */
  private static final int DISJUNCTION = -2;
  private static final int CONJUNCTION = -1;
  private static final int ADDITIVE = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private final StringBuilder out = new StringBuilder(128);

  private MathMl() {}

  /** The line as {@code <math>…</math>}. */
  public static String render(Line line) {
    MathMl m = new MathMl();
    m.out.append("<math>");
    if (line instanceof Line.Definition d) {
      m.mi(d.name()).mo("=").expr(d.value(), DISJUNCTION);
    } else if (line instanceof Line.GradientClaim g) {
      m.mi(g.name()).mo("=").expr(g.value(), DISJUNCTION);
    } else {
      Line.Comparison c = (Line.Comparison) line;
      m.expr(c.left(), 0).mo(comparison(c.op())).expr(c.right(), 0);
    }
    return m.out.append("</math>").toString();
  }

  /** One expression as {@code <math>…</math>}. */
  public static String render(Expr expr) {
    MathMl m = new MathMl();
    m.out.append("<math>");
    m.expr(expr, 0);
    return m.out.append("</math>").toString();
  }

  private static String comparison(CompareOp op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "≠";
      case LT -> "<";
      case GT -> ">";
      case LE -> "≤";
      case GE -> "≥";
      case APPROX -> "≈";
    };
  }

  private static int precedence(Expr e) {
    if (e instanceof Expr.Binary b) {
      return switch (b.op()) {
        case ADD, SUB -> ADDITIVE;
        case MUL, MATMUL -> PRODUCT;
        case DIV -> UNARY;
        case POW -> POWER;
        case FLOORDIV -> ATOM;
        case AND -> CONJUNCTION;
        case OR -> DISJUNCTION;
      };
    } else if (e instanceof Expr.Neg || e instanceof Expr.Not) {
      return UNARY;
    } else if (e instanceof Expr.Compare) {
      return 0;
    } else if (e instanceof Expr.Call c) {
      return c.function().equals("sum") ? UNARY : ATOM;
    }
    return ATOM;
  }

  /** Renders {@code e}, in parentheses when it binds looser than {@code min}. */
  private MathMl expr(Expr e, int min) {
    if (precedence(e) < min) {
      out.append("<mrow>");
      mo("(");
      node(e);
      mo(")");
      return tag("/mrow");
    }
    return node(e);
  }

  /** Renders {@code e} as exactly one MathML element, as msup and mfrac children must be. */
  private MathMl box(Expr e, int min) {
    if (e instanceof Expr.Name || (e instanceof Expr.Num && precedence(e) >= min)) {
      return node(e);
    }
    out.append("<mrow>");
    expr(e, min);
    return tag("/mrow");
  }

  private MathMl node(Expr e) {
    if (e instanceof Expr.Num n) {
      tag("mn").text(n.text()).tag("/mn");
    } else if (e instanceof Expr.Name n) {
      mi(n.name());
    } else if (e instanceof Expr.Bool b) {
      mi(b.value() ? "True" : "False");
    } else if (e instanceof Expr.Neg n) {
      mo("−").expr(n.operand(), UNARY);
    } else if (e instanceof Expr.Not n) {
      mo("¬").expr(n.operand(), UNARY);
    } else if (e instanceof Expr.Binary b) {
      binary(b);
    } else if (e instanceof Expr.Transpose t) {
      tag("msup").box(t.target(), ATOM).mi("T").tag("/msup");
    } else if (e instanceof Expr.ShapeOf s) {
      mi("shape").mo("\u2061").parenthesized(List.of(s.target()), List.of());
    } else if (e instanceof Expr.Tuple t) {
      tuple(t);
    } else if (e instanceof Expr.Call c) {
      call(c);
    } else {
      newSyntax(e);
    }
    return this;
  }

  /** Indexing, masks, methods, lists, strings, None and ndim, written as in the claim. */
  private void newSyntax(Expr e) {
    if (e instanceof Expr.NoneLiteral) {
      mi("None");
    } else if (e instanceof Expr.Str s) {
      tag("ms").text(s.value()).tag("/ms");
    } else if (e instanceof Expr.Compare c) {
      out.append("<mrow>");
      expr(c.left(), ADDITIVE).mo(comparison(c.op())).expr(c.right(), ADDITIVE).tag("/mrow");
    } else if (e instanceof Expr.Ndim n) {
      mi("ndim").mo("\u2061").parenthesized(List.of(n.target()), List.of());
    } else if (e instanceof Expr.MethodCall m) {
      Function f = Functions.method(m.method());
      if (f != null) {
        call(Calls.asCall(f, m));
      } else {
        out.append("<mrow>");
        box(m.target(), ATOM).mo(".").mi(m.method()).parenthesized(m.args(), m.keywords()).tag("/mrow");
      }
    } else if (e instanceof Expr.ListLiteral l) {
      bracketed(l.items());
    } else if (e instanceof Expr.Index i) {
      out.append("<mrow>");
      box(i.target(), ATOM).bracketed(i.items()).tag("/mrow");
    } else if (e instanceof Expr.Slice s) {
      out.append("<mrow>");
      if (s.start() != null) {
        expr(s.start(), 0);
      }
      mo(":");
      if (s.stop() != null) {
        expr(s.stop(), 0);
      }
      if (s.step() != null) {
        mo(":").expr(s.step(), 0);
      }
      tag("/mrow");
    } else {
      mo("…");
    }
  }

  private MathMl bracketed(List<Expr> items) {
    out.append("<mrow>");
    mo("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        mo(",");
      }
      expr(items.get(i), 0);
    }
    mo("]");
    return tag("/mrow");
  }

  private void binary(Expr.Binary b) {
    switch (b.op()) {
      case DIV -> tag("mfrac").box(b.left(), 0).box(b.right(), 0).tag("/mfrac");
      case POW -> tag("msup").box(b.left(), ATOM).box(b.right(), 0).tag("/msup");
      case FLOORDIV -> {
        out.append("<mrow>");
        mo("⌊").tag("mfrac").box(b.left(), 0).box(b.right(), 0).tag("/mfrac").mo("⌋").tag("/mrow");
      }
      default -> {
        int p = precedence(b);
        // (a @ b) * c and (a * b) @ c differ: a product of the other kind keeps its parentheses
        boolean mixed = p == PRODUCT && b.left() instanceof Expr.Binary l && l.op() != b.op()
            && precedence(l) == PRODUCT;
        expr(b.left(), mixed ? p + 1 : p);
        mo(switch (b.op()) {
          case ADD -> "+";
          case SUB -> "−";
          case MUL -> "⊙";
          case AND -> "∧";
          case OR -> "∨";
          default -> "·";
        });
        expr(b.right(), p + 1);
      }
    }
  }

  private void tuple(Expr.Tuple t) {
    out.append("<mrow>");
    mo("(");
    for (int i = 0; i < t.items().size(); i++) {
      if (i > 0) {
        mo(",");
      }
      expr(t.items().get(i), 0);
    }
    if (t.items().size() == 1) {
      mo(",");
    }
    mo(")");
    tag("/mrow");
  }

  private void call(Expr.Call c) {
    Function f = Function.named(c.function());
    Expr[] slots = null;
    if (f != null) {
      try {
        slots = f.bind(c);
      } catch (ClaimSyntaxException e) {
        f = null; // an unchecked line (verify: false without a setup): render the call as written
      }
    }
    String name = f == null ? "" : f.name();
    if (name.equals("sum")) {
      out.append("<mrow>");
      if (slots[1] == null && slots[2] == null) {
        mo("∑");
      } else {
        tag("msub").mo("∑");
        subscript(slots);
        tag("/msub");
      }
      expr(slots[0], ATOM).tag("/mrow");
    } else if (name.equals("sqrt")) {
      tag("msqrt").expr(slots[0], 0).tag("/msqrt");
    } else if (name.equals("abs")) {
      out.append("<mrow>");
      mo("|").expr(slots[0], 0).mo("|").tag("/mrow");
    } else if (name.equals("exp")) {
      tag("msup").mi("e").box(slots[0], 0).tag("/msup");
    } else if ((name.equals("mean") || name.equals("max")) && (slots[1] != null || slots[2] != null)) {
      out.append("<mrow>");
      tag("msub").mi(f.spelling());
      subscript(slots);
      tag("/msub").mo("\u2061").parenthesized(List.of(slots[0]), List.of()).tag("/mrow");
    } else {
      out.append("<mrow>");
      mi(c.function()).mo("\u2061").parenthesized(c.args(), c.keywords()).tag("/mrow");
    }
  }

  private void subscript(Expr[] slots) {
    out.append("<mrow>");
    if (slots[1] != null) {
      mi("axis").mo("=").expr(slots[1], 0);
    }
    if (slots[2] != null) {
      if (slots[1] != null) {
        mo(",");
      }
      mi("keepdims").mo("=").expr(slots[2], 0);
    }
    tag("/mrow");
  }

  private MathMl parenthesized(List<Expr> args, List<Expr.Keyword> keywords) {
    out.append("<mrow>");
    mo("(");
    boolean first = true;
    for (Expr a : args) {
      if (!first) {
        mo(",");
      }
      first = false;
      expr(a, 0);
    }
    for (Expr.Keyword k : keywords) {
      if (!first) {
        mo(",");
      }
      first = false;
      mi(k.name()).mo("=").expr(k.value(), 0);
    }
    mo(")");
    return tag("/mrow");
  }

  private MathMl mi(String name) {
    return tag("mi").text(name).tag("/mi");
  }

  private MathMl mo(String op) {
    return tag("mo").text(op).tag("/mo");
  }

  private MathMl tag(String name) {
    out.append('<').append(name).append('>');
    return this;
  }

  private MathMl text(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        default -> out.append(c);
      }
    }
    return this;
  }
}
