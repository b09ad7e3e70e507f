package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;

/**
 * Writes a parsed line of the claim language as a MathML Core {@code <math>} element: {@code @}
 * as {@code ·}, elementwise {@code *} as {@code ⊙}, {@code /} as a fraction, {@code //} as a
 * floored fraction, {@code **} and {@code .T} as superscripts, a mask {@code (a > 0)} as the
 * comparison itself, {@code & | ~} as {@code ∧ ∨ ¬}, indexing as written ({@code x[1:M, None]}),
 * a method call as the function call it stands for, calls in the notation their function's
 * registry entry describes ({@link FunctionNotations}). Parentheses are re-derived from precedence,
 * so the output shows only the ones the math needs.
 *
 * <p>Each kind of syntax node has one entry in {@link #NODES} (how tightly it binds, whether it is
 * a single MathML element, and the method that writes it); adding a node to the language means
 * adding one entry and one method here. A function's notation is data in its registry entry
 * ({@code claim.Notation}).
 */
public final class MathMl {

  /** Below comparisons, as in mathematics: {@code a > 0 ∧ b > 0}. */
  static final int DISJUNCTION = -2;
  static final int CONJUNCTION = -1;
  static final int COMPARISON = 0;
  static final int ADDITIVE = 1;
  static final int PRODUCT = 2;
  static final int UNARY = 3;
  static final int POWER = 4;
  static final int ATOM = 5;

  /**
   * How one kind of syntax node is written.
   *
   * @param type the node's class
   * @param precedence how tightly the node binds ({@link #DISJUNCTION} … {@link #ATOM})
   * @param single whether it is written as exactly one MathML element (a token), so that it can be a
   *     child of {@code msup} or {@code mfrac} without an {@code mrow} around it
   * @param writer writes the node
   */
  private record Node<E extends Expr>(
      Class<E> type, ToIntFunction<E> precedence, boolean single, BiConsumer<MathMl, E> writer) {}

  private static final Map<Class<?>, Node<?>> NODES = table(
      new Node<>(Expr.Num.class, n -> ATOM, true, MathMl::number),
      new Node<>(Expr.Name.class, n -> ATOM, true, (m, n) -> m.mi(n.name())),
      new Node<>(Expr.Bool.class, b -> ATOM, false, (m, b) -> m.mi(b.value() ? "True" : "False")),
      new Node<>(Expr.Neg.class, n -> UNARY, false, MathMl::negation),
      new Node<>(Expr.Binary.class, b -> precedence(b.op()), false, MathMl::binary),
      new Node<>(Expr.Transpose.class, t -> ATOM, false, MathMl::transpose),
      new Node<>(Expr.ShapeOf.class, s -> ATOM, false, MathMl::shapeOf),
      new Node<>(Expr.Tuple.class, t -> ATOM, false, MathMl::tuple),
      new Node<>(Expr.Call.class, FunctionNotations::precedence, false, FunctionNotations::write),
      new Node<>(Expr.NoneLiteral.class, n -> ATOM, false, (m, n) -> m.mi("None")),
      new Node<>(Expr.Str.class, s -> ATOM, false, (m, s) -> m.open("ms").text(s.value()).close("ms")),
      new Node<>(Expr.Not.class, n -> UNARY, false, (m, n) -> m.mo("¬").expr(n.operand(), UNARY)),
      new Node<>(Expr.Compare.class, c -> COMPARISON, false, MathMl::mask),
      new Node<>(Expr.Ndim.class, n -> ATOM, false, MathMl::ndim),
      new Node<>(Expr.MethodCall.class, MathMl::precedence, false, MathMl::method),
      new Node<>(Expr.ListLiteral.class, l -> ATOM, false, (m, l) -> m.bracketed(l.items())),
      new Node<>(Expr.Index.class, i -> ATOM, false, MathMl::index),
      new Node<>(Expr.Slice.class, s -> ATOM, false, MathMl::slice),
      new Node<>(Expr.Ellipsis.class, e -> ATOM, false, (m, e) -> m.mo("…")));

  private final StringBuilder out = new StringBuilder(128);

  private MathMl() {}

  /** The line as {@code <math>…</math>}. */
  public static String render(Line line) {
    MathMl m = new MathMl();
    m.out.append("<math>");
    m.line(line);
    return m.out.append("</math>").toString();
  }

  /** One expression as {@code <math>…</math>}. */
  public static String render(Expr expr) {
    MathMl m = new MathMl();
    m.out.append("<math>");
    m.expr(expr, 0);
    return m.out.append("</math>").toString();
  }

  // ---- lines: one case per kind of line

  private void line(Line line) {
    if (line instanceof Line.Definition d) {
      mi(d.name()).mo("=").expr(d.value(), DISJUNCTION);
    } else if (line instanceof Line.GradientClaim g) {
      mi(g.name()).mo("=").expr(g.value(), DISJUNCTION);
    } else if (line instanceof Line.Comparison c) {
      expr(c.left(), 0).mo(comparison(c.op())).expr(c.right(), 0);
    } else {
      throw new IllegalStateException("no MathML notation for " + line.getClass().getSimpleName());
    }
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

  // ---- expressions: dispatch through the node table

  @SuppressWarnings("unchecked")
  private static <E extends Expr> Node<E> node(E e) {
    Node<E> node = (Node<E>) NODES.get(e.getClass());
    if (node == null) {
      throw new IllegalStateException("no MathML notation for " + e.getClass().getSimpleName()
          + "; add an entry to MathMl's node table");
    }
    return node;
  }

  private static <E extends Expr> int precedence(E e) {
    return node(e).precedence().applyAsInt(e);
  }

  /** Writes {@code e}, in parentheses when it binds looser than {@code min}. */
  MathMl expr(Expr e, int min) {
    if (precedence(e) < min) {
      open("mrow").mo("(");
      write(e);
      return mo(")").close("mrow");
    }
    return write(e);
  }

  /** Writes {@code e} as exactly one MathML element, as {@code msup} and {@code mfrac} children must be. */
  MathMl box(Expr e, int min) {
    if (node(e).single()) {
      return write(e);
    }
    open("mrow");
    expr(e, min);
    return close("mrow");
  }

  private <E extends Expr> MathMl write(E e) {
    node(e).writer().accept(this, e);
    return this;
  }

  // ---- one method per kind of node

  private void number(Expr.Num n) {
    open("mn").text(n.text()).close("mn");
  }

  private void negation(Expr.Neg n) {
    mo("−").expr(n.operand(), UNARY);
  }

  private static int precedence(BinaryOp op) {
    return switch (op) {
      case ADD, SUB -> ADDITIVE;
      case MUL, MATMUL -> PRODUCT;
      case DIV -> UNARY;
      case POW -> POWER;
      case FLOORDIV -> ATOM;
      case AND -> CONJUNCTION;
      case OR -> DISJUNCTION;
    };
  }

  private void binary(Expr.Binary b) {
    switch (b.op()) {
      case DIV -> open("mfrac").box(b.left(), 0).box(b.right(), 0).close("mfrac");
      case POW -> open("msup").box(b.left(), ATOM).box(b.right(), 0).close("msup");
      case FLOORDIV -> open("mrow").mo("⌊").open("mfrac").box(b.left(), 0).box(b.right(), 0).close("mfrac")
          .mo("⌋").close("mrow");
      default -> {
        int p = precedence(b.op());
        // (a @ b) * c and (a * b) @ c differ: a product of another kind (or a product notation
        // such as a ⊗ b) keeps its parentheses
        boolean mixed = p == PRODUCT && precedence(b.left()) == PRODUCT
            && !(b.left() instanceof Expr.Binary l && l.op() == b.op());
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

  private void transpose(Expr.Transpose t) {
    open("msup").box(t.target(), ATOM).mi("T").close("msup");
  }

  private void shapeOf(Expr.ShapeOf s) {
    mi("shape").applyFunction().parenthesized(List.of(s.target()), List.of());
  }

  private void tuple(Expr.Tuple t) {
    open("mrow").mo("(");
    for (int i = 0; i < t.items().size(); i++) {
      if (i > 0) {
        mo(",");
      }
      expr(t.items().get(i), 0);
    }
    if (t.items().size() == 1) {
      mo(",");
    }
    mo(")").close("mrow");
  }

  /** A comparison inside an expression, a 0/1 mask: {@code x > 0}. */
  private void mask(Expr.Compare c) {
    open("mrow").expr(c.left(), ADDITIVE).mo(comparison(c.op())).expr(c.right(), ADDITIVE).close("mrow");
  }

  private void ndim(Expr.Ndim n) {
    mi("ndim").applyFunction().parenthesized(List.of(n.target()), List.of());
  }

  private static int precedence(Expr.MethodCall m) {
    return Claims.asCall(m).map(FunctionNotations::precedence).orElse(ATOM);
  }

  /** {@code x.sum(axis=0)} as the call it stands for; a method no function has, as written. */
  private void method(Expr.MethodCall m) {
    Optional<Expr.Call> call = Claims.asCall(m);
    if (call.isPresent()) {
      FunctionNotations.write(this, call.get());
    } else {
      open("mrow").box(m.target(), ATOM).mo(".").mi(m.method()).parenthesized(m.args(), m.keywords()).close("mrow");
    }
  }

  private void index(Expr.Index i) {
    open("mrow").box(i.target(), ATOM).bracketed(i.items()).close("mrow");
  }

  /** {@code start:stop:step}, each part when written. */
  private void slice(Expr.Slice s) {
    open("mrow");
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
    close("mrow");
  }

  // ---- pieces the function notations are made of

  /** A call as written: {@code f⁡(a, k=v)}. */
  MathMl asWritten(Expr.Call c) {
    open("mrow").mi(c.function()).applyFunction().parenthesized(c.args(), c.keywords());
    return close("mrow");
  }

  /** The subscript of a call: {@code axis=…, keepdims=…}, each parameter of {@code params} that is given. */
  MathMl subscript(List<String> params, Map<String, Expr> args) {
    open("mrow");
    boolean first = true;
    for (String p : params) {
      Expr value = args.get(p);
      if (value != null) {
        if (!first) {
          mo(",");
        }
        first = false;
        mi(p).mo("=").expr(value, 0);
      }
    }
    return close("mrow");
  }

  /** Items between square brackets, separated by commas: a list, or an index. */
  MathMl bracketed(List<Expr> items) {
    open("mrow").mo("[");
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        mo(",");
      }
      expr(items.get(i), 0);
    }
    return mo("]").close("mrow");
  }

  MathMl parenthesized(List<Expr> args, List<Expr.Keyword> keywords) {
    open("mrow").mo("(");
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
    return mo(")").close("mrow");
  }

  /** The invisible function-application operator between a function's name and its arguments. */
  MathMl applyFunction() {
    return mo("\u2061");
  }

  MathMl mi(String name) {
    return open("mi").text(name).close("mi");
  }

  /** A number as {@code <mn>}, anything else as {@code <mi>}: a superscript such as {@code 2} or {@code T}. */
  MathMl token(String symbol) {
    return symbol.chars().allMatch(Character::isDigit) ? open("mn").text(symbol).close("mn") : mi(symbol);
  }

  MathMl mo(String op) {
    return open("mo").text(op).close("mo");
  }

  MathMl open(String element) {
    out.append('<').append(element).append('>');
    return this;
  }

  MathMl close(String element) {
    out.append("</").append(element).append('>');
    return this;
  }

  private MathMl text(String s) {
    Html.appendText(out, s);
    return this;
  }

  private static Map<Class<?>, Node<?>> table(Node<?>... nodes) {
    Map<Class<?>, Node<?>> table = new java.util.HashMap<>();
    for (Node<?> n : nodes) {
      table.put(n.type(), n);
    }
    return Map.copyOf(table);
  }
}
