package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.ToIntBiFunction;

/**
 * Writes a line of the claim language as a MathML Core {@code <math>} element, as a textbook writes
 * the formula (the conventions and the textbook each follows are tabled in docs/CLAIMS.md): products
 * by what their operands are ({@link Products}: {@code 2x}, {@code s·x}, {@code x ⊙ y}, the matrix
 * product {@code A B}), {@code /} as a fraction, {@code //} as a floored fraction, {@code **} as a
 * superscript ({@code x ** 0.5} as {@code √x}), {@code .T} as an upright superscript T, a mask as
 * an Iverson bracket {@code [x > 0]} with {@code & | ~} as {@code ∧ ∨ ¬} inside, indexing by
 * integers as subscripts ({@code x_{1,:}}) and any other indexing as written ({@code x[1:M, None]}),
 * a method call as the function call it stands for, calls in the notation their function's registry
 * entry describes ({@link FunctionNotations}; reductions bind index letters, {@link AxisNotations}).
 * Parentheses are re-derived from precedence, so the output shows only the ones the math needs.
 *
 * <p>What an operand is (a scalar, its rank, a constant axis) comes from the checker's static facts
 * ({@link MathTypes}); a line that was only parsed is written from its syntax alone.
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

  /** A claim stands alone, as a displayed formula: fractions at full size. */
  private static final String MATH = "<math displaystyle=\"true\">";
  private static final String UPRIGHT = "mathvariant=\"normal\"";

  /**
   * The space that separates the factors of a product written side by side ({@code dC Bᵀ}): TeX's
   * medium space {@code \:}, since its thin space lets names such as {@code dC} and {@code A} run
   * together at a phone's text size.
   */
  private static final String FACTOR_SPACE = "0.2222em";

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
      Class<E> type, ToIntBiFunction<MathMl, E> precedence, boolean single, BiConsumer<MathMl, E> writer) {}

  private static final Map<Class<?>, Node<?>> NODES = table(
      new Node<>(Expr.Num.class, (m, n) -> ATOM, true, MathMl::number),
      new Node<>(Expr.Name.class, (m, n) -> ATOM, true, (m, n) -> m.mi(n.name())),
      new Node<>(Expr.Bool.class, (m, b) -> ATOM, true, (m, b) -> m.mi(b.value() ? "True" : "False")),
      new Node<>(Expr.Neg.class, (m, n) -> UNARY, false, MathMl::negation),
      new Node<>(Expr.Binary.class, (m, b) -> precedence(b), false, MathMl::binary),
      new Node<>(Expr.Transpose.class, (m, t) -> ATOM, true, (m, t) -> m.superscript(t.target(), "T")),
      new Node<>(Expr.ShapeOf.class, (m, s) -> ATOM, false, (m, s) -> m.function("shape", s.target())),
      new Node<>(Expr.Tuple.class, (m, t) -> ATOM, false, MathMl::tuple),
      new Node<>(Expr.Call.class, FunctionNotations::precedence, false, FunctionNotations::write),
      new Node<>(Expr.NoneLiteral.class, (m, n) -> ATOM, true, (m, n) -> m.mi("None")),
      new Node<>(Expr.Str.class, (m, s) -> ATOM, true, (m, s) -> m.open("mtext").text("'" + s.value() + "'").close("mtext")),
      new Node<>(Expr.Not.class, (m, n) -> UNARY, false, (m, n) -> m.prefix("¬", n.operand())),
      new Node<>(Expr.Compare.class, (m, c) -> COMPARISON, false, MathMl::comparison),
      new Node<>(Expr.Ndim.class, (m, n) -> ATOM, false, (m, n) -> m.function("ndim", n.target())),
      new Node<>(Expr.MethodCall.class, MathMl::methodPrecedence, false, MathMl::method),
      new Node<>(Expr.ListLiteral.class, (m, l) -> ATOM, false, (m, l) -> m.bracketed(l.items())),
      new Node<>(Expr.Index.class, (m, i) -> ATOM, false, IndexNotation::index),
      new Node<>(Expr.Slice.class, (m, s) -> ATOM, false, IndexNotation::slice),
      new Node<>(Expr.Ellipsis.class, (m, e) -> ATOM, true, (m, e) -> m.tight("…")));

  private final StringBuilder out = new StringBuilder(128);
  private final MathTypes types;
  private final IndexLetters letters;
  /** Whether the node being written is a proposition (inside an Iverson bracket), not a 0/1 value. */
  private boolean proposition;

  private MathMl(MathTypes types, Line line) {
    this.types = types;
    this.letters = new IndexLetters(Claims.names(line));
  }

  /** A checked line as {@code <math>…</math>}, its operands known from the checker's static facts. */
  public static String render(CheckedLine facts) {
    return render(MathTypes.of(facts), facts.line());
  }

  /** A line that was only parsed as {@code <math>…</math>}, written from its syntax alone. */
  public static String render(Line line) {
    return render(MathTypes.syntaxOnly(), line);
  }

  private static String render(MathTypes types, Line line) {
    MathMl m = new MathMl(types, line);
    m.out.append(MATH);
    m.line(line);
    return m.out.append("</math>").toString();
  }

  MathTypes types() {
    return types;
  }

  IndexLetters letters() {
    return letters;
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

  /** How tightly {@code e} binds where it stands: a mask among values is a bracket, an atom. */
  <E extends Expr> int precedence(E e) {
    return isIverson(e) ? ATOM : node(e).precedence().applyAsInt(this, e);
  }

  /** Whether {@code e} is written as one bracket, fraction, token or call with parentheses. */
  boolean isAtom(Expr e) {
    return precedence(e) == ATOM;
  }

  /** Writes {@code e}, in parentheses when it binds looser than {@code min}. */
  MathMl expr(Expr e, int min) {
    if (precedence(e) < min) {
      return parenthesized(e);
    }
    return write(e);
  }

  /** Writes {@code e} between parentheses. */
  MathMl parenthesized(Expr e) {
    open("mrow").mo("(");
    write(e);
    return mo(")").close("mrow");
  }

  /** Writes {@code e} as exactly one MathML element, as {@code msup} and {@code mfrac} children must be. */
  MathMl box(Expr e, int min) {
    if (node(e).single() && !isIverson(e)) {
      return write(e);
    }
    open("mrow");
    expr(e, min);
    return close("mrow");
  }

  /** Writes {@code e} as a proposition: a comparison or mask as the statement itself, no bracket. */
  private MathMl condition(Expr e) {
    boolean saved = proposition;
    proposition = true;
    expr(e, DISJUNCTION);
    proposition = saved;
    return this;
  }

  private <E extends Expr> MathMl write(E e) {
    if (isIverson(e)) {
      open("mrow").mo("[");
      condition(e);
      return mo("]").close("mrow");
    }
    boolean saved = proposition;
    // the operands of ∧ ∨ ¬ are propositions; those of anything else (a comparison too) are values
    proposition = isLogical(e);
    node(e).writer().accept(this, e);
    proposition = saved;
    return this;
  }

  /** A comparison or logical operation standing where a value is: a 0/1 mask, an Iverson bracket. */
  boolean isIverson(Expr e) {
    return !proposition && (e instanceof Expr.Compare || isLogical(e));
  }

  private static boolean isLogical(Expr e) {
    return e instanceof Expr.Not || e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR);
  }

  // ---- one method per kind of node

  /**
   * A number as written, without the underscores that group its digits in code ({@code 1_000} is
   * 1000); the constants as their symbols, ∞ and π (upright, ISO 80000-2).
   */
  private void number(Expr.Num n) {
    switch (n.text()) {
      case Expr.Num.INF -> open("mi", UPRIGHT).text("∞").close("mi");
      case Expr.Num.PI -> open("mi", UPRIGHT).text("π").close("mi");
      default -> open("mn").text(n.text().replace("_", "")).close("mn");
    }
  }

  /** {@code −x}; a signed operand in parentheses, as mathematicians write it: {@code −(−x)}, not {@code −−x}. */
  private void negation(Expr.Neg n) {
    open("mrow").mo("−").signed(n.operand(), UNARY).close("mrow");
  }

  /**
   * Writes {@code e} as {@link #expr} does, and in parentheses also when it would begin with a sign
   * right after an operator: {@code x − (−y)}, {@code x + (−2y)}, {@code −(−x)}.
   */
  private MathMl signed(Expr e, int min) {
    if (precedence(e) >= min && Products.lead(this, e) == Products.Lead.SIGN) {
      return parenthesized(e);
    }
    return expr(e, min);
  }

  /** A prefix operator and its operand in a row of their own, so that the operator is spaced as a sign: {@code −1}, {@code ¬a}. */
  private void prefix(String op, Expr operand) {
    open("mrow").mo(op).expr(operand, UNARY).close("mrow");
  }

  private static int precedence(Expr.Binary b) {
    return switch (b.op()) {
      case ADD, SUB -> ADDITIVE;
      case MUL, MATMUL -> PRODUCT;
      case DIV -> UNARY;
      case POW -> Products.isSquareRoot(b) ? ATOM : POWER;
      case FLOORDIV, MOD -> ATOM;
      case AND -> CONJUNCTION;
      case OR -> DISJUNCTION;
    };
  }

  private void binary(Expr.Binary b) {
    switch (b.op()) {
      case DIV -> open("mfrac").box(b.left(), 0).box(b.right(), 0).close("mfrac");
      case POW -> power(b);
      case FLOORDIV -> open("mrow").mo("⌊").open("mfrac").box(b.left(), 0).box(b.right(), 0).close("mfrac")
          .mo("⌋").close("mrow");
      // Parenthesised as a whole: how tightly "mod" binds is no settled convention in typeset math.
      case MOD -> open("mrow").mo("(").expr(b.left(), UNARY).mo("mod").expr(b.right(), UNARY).mo(")").close("mrow");
      case MUL, MATMUL -> Products.write(this, b);
      default -> {
        int p = precedence(b);
        expr(b.left(), p);
        mo(switch (b.op()) {
          case ADD -> "+";
          case SUB -> "−";
          case AND -> "∧";
          default -> "∨";
        });
        if (p == ADDITIVE) {
          signed(b.right(), p + 1);
        } else {
          expr(b.right(), p + 1);
        }
      }
    }
  }

  /** {@code x²}; {@code x ** 0.5} as {@code √x}. */
  private void power(Expr.Binary b) {
    if (Products.isSquareRoot(b)) {
      open("msqrt").expr(b.left(), 0).close("msqrt");
    } else {
      open("msup").box(b.left(), ATOM).box(b.right(), 0).close("msup");
    }
  }

  /** {@code target^symbol}, the symbol upright: {@code xᵀ}, {@code x²}. */
  MathMl superscript(Expr target, String symbol) {
    return open("msup").box(target, ATOM).symbol(symbol).close("msup");
  }

  private void tuple(Expr.Tuple t) {
    open("mrow").mo("(");
    separated(t.items());
    if (t.items().size() == 1) {
      mo(",");
    }
    mo(")").close("mrow");
  }

  /** A comparison: a proposition inside a bracket or a condition, a mask elsewhere (see {@link #write}). */
  private void comparison(Expr.Compare c) {
    open("mrow").expr(c.left(), ADDITIVE).mo(comparison(c.op())).expr(c.right(), ADDITIVE).close("mrow");
  }

  private static int methodPrecedence(MathMl m, Expr.MethodCall call) {
    return Claims.asCall(call).map(c -> FunctionNotations.precedence(m, c)).orElse(ATOM);
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

  /** A keyword argument's name and {@code =}, unspaced: an argument, not an equation ({@code axis=1}). */
  MathMl keyword(String name) {
    return mi(name).tight("=");
  }

  /** An operator without space around it: the colon of a slice, an ellipsis. */
  MathMl tight(String op) {
    return open("mo", "lspace=\"0\" rspace=\"0\"").text(op).close("mo");
  }

  // ---- pieces the notations are made of

  /** A call as written: {@code f⁡(a, k=v)}. */
  MathMl asWritten(Expr.Call c) {
    return open("mrow").mi(c.function()).applyFunction().parenthesized(c.args(), c.keywords()).close("mrow");
  }

  /** {@code name⁡(operand)}. */
  private void function(String name, Expr operand) {
    open("mrow").mi(name).applyFunction().parenthesized(List.of(operand), List.of()).close("mrow");
  }

  /** The subscript of a call: {@code stride=…, padding=…}, each parameter of {@code params} that is given. */
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
        keyword(p).expr(value, 0);
      }
    }
    return close("mrow");
  }

  /** Items between square brackets, separated by commas: a list, or an index. */
  MathMl bracketed(List<Expr> items) {
    open("mrow").mo("[");
    separated(items);
    return mo("]").close("mrow");
  }

  private void separated(List<Expr> items) {
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        mo(",");
      }
      expr(items.get(i), 0);
    }
  }

  /** Arguments in parentheses, as a call gives them. */
  MathMl parenthesized(List<Expr> args, List<Expr.Keyword> keywords) {
    return parenthesized(args, keywords, null);
  }

  /** Arguments in parentheses, as a call gives them, the argument {@code condition} (by identity) as a statement. */
  MathMl parenthesized(List<Expr> args, List<Expr.Keyword> keywords, Expr condition) {
    open("mrow").mo("(");
    boolean first = true;
    for (Expr a : args) {
      if (!first) {
        mo(",");
      }
      first = false;
      argument(a, condition);
    }
    for (Expr.Keyword k : keywords) {
      if (!first) {
        mo(",");
      }
      first = false;
      keyword(k.name());
      argument(k.value(), condition);
    }
    return mo(")").close("mrow");
  }

  private void argument(Expr a, Expr condition) {
    if (a == condition) {
      condition(a);
    } else {
      expr(a, 0);
    }
  }

  /** The invisible function-application operator between a function's name and its arguments. */
  MathMl applyFunction() {
    return mo("\u2061");
  }

  /**
   * The invisible times of a product written side by side, {@code 2x}, {@code A B}: with
   * {@link #FACTOR_SPACE} after it when {@code spaced}.
   */
  MathMl invisibleTimes(boolean spaced) {
    return (spaced ? open("mo", "rspace=\"" + FACTOR_SPACE + "\"") : open("mo")).text("\u2062").close("mo");
  }

  /**
   * An identifier: one letter italic (MathML's default for it), a longer name or a word upright,
   * marked {@code mathvariant="normal"} so that a theme's CSS can style the two apart.
   */
  MathMl mi(String name) {
    return (name.codePointCount(0, name.length()) > 1 ? open("mi", UPRIGHT) : open("mi")).text(name).close("mi");
  }

  /**
   * A notation's symbol: a number as {@code <mn>}, a single Latin letter upright (a constant or an
   * operator such as {@code T}, {@code e}, {@code I}, never a variable), anything else as {@code <mi>}.
   */
  MathMl symbol(String symbol) {
    if (symbol.chars().allMatch(Character::isDigit)) {
      return open("mn").text(symbol).close("mn");
    } else if (symbol.startsWith("−") && symbol.length() > 1 && symbol.chars().skip(1).allMatch(Character::isDigit)) {
      // A negative exponent (the reciprocal's x⁻¹): a sign and a number, as the literal -1 is written.
      return open("mrow").mo("−").open("mn").text(symbol.substring(1)).close("mn").close("mrow");
    } else if (symbol.length() == 1 && (symbol.charAt(0) | 0x20) >= 'a' && (symbol.charAt(0) | 0x20) <= 'z') {
      return open("mi", UPRIGHT).text(symbol).close("mi");
    }
    return mi(symbol);
  }

  MathMl mo(String op) {
    return open("mo").text(op).close("mo");
  }

  MathMl open(String element) {
    out.append('<').append(element).append('>');
    return this;
  }

  private MathMl open(String element, String attributes) {
    out.append('<').append(element).append(' ').append(attributes).append('>');
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
