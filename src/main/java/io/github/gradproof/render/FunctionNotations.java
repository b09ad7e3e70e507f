package io.github.gradproof.render;

import io.github.gradproof.claim.BinaryOp;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Function;
import io.github.gradproof.claim.Functions;
import io.github.gradproof.claim.Notation;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a call in the notation its function's registry entry describes ({@link Function#notation()}):
 * a function name applied to its arguments ({@code ReLU(x)}, {@code σ(x)}, {@code where(x > 0, a, b)}),
 * a reduction with index letters ({@link AxisNotations}: {@code ∑_i x_{i,:}}, {@code mean_j(x_{:,j})}),
 * {@code |x|}, {@code √x}, {@code eˣ}, {@code x²}, {@code xᵀ}, {@code I_N}, and products such as
 * {@code x ∗_{stride=2} w}. Each {@link Notation.Form} has one case here; a function's notation is
 * data in its registry entry. A call of an unknown function, or whose arguments do not bind, or that
 * gives an argument its form has no place for, is written as called.
 */
final class FunctionNotations {

  private FunctionNotations() {}

  /** A call whose arguments bound: its function's notation and the arguments by parameter name. */
  record Bound(Notation notation, Map<String, Expr> args) {}

  /** The call a call or method call node stands for. */
  static Optional<Expr.Call> call(Expr e) {
    if (e instanceof Expr.Call c) {
      return Optional.of(c);
    }
    return e instanceof Expr.MethodCall m ? Claims.asCall(m) : Optional.empty();
  }

  /** How tightly the written call binds (a {@code ∑} takes the rest of a product). */
  static int precedence(MathMl m, Expr.Call call) {
    return bound(call).map(b -> switch (b.notation().form()) {
      case BIG_OPERATOR, REDUCTION, ALONG_AXIS -> AxisNotations.precedence(m, b);
      case INFIX -> MathMl.PRODUCT;
      default -> MathMl.ATOM;
    }).orElse(MathMl.ATOM);
  }

  /** Whether {@code e} is a call written as an infix product ({@code a ⊗ b}). */
  static boolean isInfix(Expr e) {
    return form(e) == Notation.Form.INFIX;
  }

  /** Whether {@code e} is a call written as a big operator that takes in what follows it. */
  static boolean extendsRight(MathMl m, Expr e) {
    return call(e).flatMap(FunctionNotations::bound).map(b -> AxisNotations.extendsRight(m, b)).orElse(false);
  }

  /** Whether {@code e} is a call written ending in its closing parenthesis, {@code f(x)}, which takes a subscript directly. */
  static boolean endsInParenthesis(MathMl m, Expr e) {
    Optional<Expr.Call> call = call(e);
    if (call.isEmpty()) {
      return false;
    }
    Optional<Bound> b = bound(call.get());
    if (b.isEmpty()) {
      return true;
    }
    return switch (b.get().notation().form()) {
      case FUNCTION, CONDITIONAL -> true;
      case REDUCTION, ALONG_AXIS -> AxisNotations.endsInParenthesis(m, b.get());
      case EXPONENTIAL -> !isShort(operand(b.get()));
      default -> false;
    };
  }

  /** How the written call begins, for a coefficient before it. */
  static Products.Lead lead(MathMl m, Expr e) {
    Optional<Bound> b = call(e).flatMap(FunctionNotations::bound);
    if (b.isEmpty()) {
      return Products.Lead.WORD;
    }
    Notation n = b.get().notation();
    return switch (n.form()) {
      case FUNCTION, CONDITIONAL -> n.symbol().length() == 1 ? Products.Lead.LETTER : Products.Lead.WORD;
      case BIG_OPERATOR, REDUCTION, ALONG_AXIS -> AxisNotations.lead(m, b.get());
      case EXPONENTIAL -> isShort(operand(b.get())) ? Products.Lead.LETTER : Products.Lead.WORD;
      case SUPERSCRIPT -> Products.baseLead(m, operand(b.get()));
      case SUBSCRIPTED -> Products.Lead.LETTER;
      case INFIX -> Products.lead(m, b.get().args().get(n.operands().get(0)));
      default -> Products.Lead.OPEN;
    };
  }

  /** Writes the call. */
  static void write(MathMl m, Expr.Call call) {
    Optional<Bound> bound = bound(call);
    if (bound.isEmpty()) {
      m.asWritten(call);
      return;
    }
    Notation n = bound.get().notation();
    Expr operand = operand(bound.get());
    switch (n.form()) {
      case FUNCTION -> m.open("mrow").mi(n.symbol()).applyFunction().parenthesized(call.args(), call.keywords())
          .close("mrow");
      case CONDITIONAL -> m.open("mrow").mi(n.symbol()).applyFunction()
          .parenthesized(call.args(), call.keywords(), operand).close("mrow");
      case BIG_OPERATOR, REDUCTION, ALONG_AXIS -> AxisNotations.write(m, call, bound.get());
      case ENCLOSED -> m.open("mrow").mo(n.symbol().substring(0, 1)).expr(operand, 0)
          .mo(n.symbol().substring(1)).close("mrow");
      case RADICAL -> m.open("msqrt").expr(operand, 0).close("msqrt");
      case EXPONENTIAL -> exponential(m, call, n, operand);
      case SUPERSCRIPT -> m.superscript(operand, n.symbol());
      case SUBSCRIPTED -> m.open("msub").symbol(n.symbol()).box(operand, 0).close("msub");
      case INFIX -> infix(m, n, bound.get().args());
      default -> throw new IllegalStateException("no MathML for the notation form " + n.form());
    }
  }

  /** {@code eˣ} for a short exponent; {@code exp(x / 2)} for one a superscript would make too small to read. */
  private static void exponential(MathMl m, Expr.Call call, Notation n, Expr operand) {
    if (isShort(operand)) {
      m.open("msup").symbol(n.symbol()).box(operand, 0).close("msup");
    } else {
      m.asWritten(call);
    }
  }

  /** A name or number, negated or not, or a number times a name: {@code x}, {@code −x}, {@code 2x}. */
  private static boolean isShort(Expr e) {
    if (e instanceof Expr.Neg n) {
      return isShort(n.operand());
    }
    if (e instanceof Expr.Binary b && b.op() == BinaryOp.MUL) {
      return b.left() instanceof Expr.Num && b.right() instanceof Expr.Name;
    }
    return e instanceof Expr.Name || e instanceof Expr.Num;
  }

  /** {@code left symbol right}, the options given under the symbol: {@code x ∗_{stride=2} w}. */
  private static void infix(MathMl m, Notation n, Map<String, Expr> args) {
    m.expr(args.get(n.operands().get(0)), MathMl.PRODUCT + 1);
    if (n.subscripts().stream().anyMatch(args::containsKey)) {
      m.open("msub").mo(n.symbol()).subscript(n.subscripts(), args).close("msub");
    } else {
      m.mo(n.symbol());
    }
    m.expr(args.get(n.operands().get(1)), MathMl.PRODUCT + 1);
  }

  /** The notation form {@code e} is written in, or {@code null} when it is not a call that binds. */
  private static Notation.Form form(Expr e) {
    return call(e).flatMap(FunctionNotations::bound).map(b -> b.notation().form()).orElse(null);
  }

  /**
   * The call's notation and bound arguments; empty when the function is unknown, the arguments do
   * not bind, or the form has no place for an argument the call gives.
   */
  static Optional<Bound> bound(Expr.Call call) {
    Function f = Functions.named(call.function());
    if (f == null) {
      return Optional.empty();
    }
    Notation n = f.notation();
    return Claims.arguments(call).filter(args -> fits(n, args)).map(args -> new Bound(n, args));
  }

  /** A function, a conditional and a reduction show every argument; the other forms only their operands and subscripts. */
  private static boolean fits(Notation n, Map<String, Expr> args) {
    switch (n.form()) {
      case FUNCTION, CONDITIONAL, REDUCTION, ALONG_AXIS -> {
        return true;
      }
      default -> {
        Set<String> shown = new HashSet<>(n.operands());
        shown.addAll(n.subscripts());
        return args.keySet().containsAll(n.operands()) && shown.containsAll(args.keySet());
      }
    }
  }

  /** The argument a one-operand form applies to. */
  static Expr operand(Bound b) {
    return b.args().get(b.notation().operands().get(0));
  }
}
