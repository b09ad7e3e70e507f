package io.github.gradproof.render;

import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Function;
import io.github.gradproof.claim.Functions;
import io.github.gradproof.claim.Notation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a call in the notation its function's registry entry describes ({@link Function#notation()}):
 * {@code sum} as {@code Σ} with its axis as subscript, {@code exp(x)} as {@code eˣ}, {@code sqrt} as
 * a radical, {@code abs} between bars, {@code square(x)} as {@code x²}, a convolution as
 * {@code x ∗ w}, a reduction's {@code axis=}/{@code keepdims=} as a subscript of its name, other
 * calls as called, {@code f⁡(x, k=v)}. Each {@link Notation.Form} has one case here; a function's
 * notation is data in its registry entry. A call of an unknown function, or whose arguments do not
 * bind, or that gives an argument its form has no place for, is written as called.
 */
final class FunctionNotations {

  private FunctionNotations() {}

  /** A call whose arguments bound: its function's notation and the arguments by parameter name. */
  private record Bound(Notation notation, Map<String, Expr> args) {}

  /** How tightly the written call binds (a {@code Σ} takes the rest of a product). */
  static int precedence(Expr.Call call) {
    return bound(call).map(b -> switch (b.notation().form()) {
      case BIG_OPERATOR -> MathMl.UNARY;
      case INFIX -> MathMl.PRODUCT;
      default -> MathMl.ATOM;
    }).orElse(MathMl.ATOM);
  }

  /** Writes the call. */
  static void write(MathMl m, Expr.Call call) {
    Optional<Bound> bound = bound(call);
    if (bound.isEmpty()) {
      m.asWritten(call);
      return;
    }
    Notation n = bound.get().notation();
    Map<String, Expr> args = bound.get().args();
    switch (n.form()) {
      case FUNCTION -> function(m, call, n, args);
      case BIG_OPERATOR -> bigOperator(m, n, args);
      case ENCLOSED -> m.open("mrow").mo(n.symbol().substring(0, 1)).expr(operand(n, args), 0)
          .mo(n.symbol().substring(1)).close("mrow");
      case RADICAL -> m.open("msqrt").expr(operand(n, args), 0).close("msqrt");
      case EXPONENTIAL -> m.open("msup").mi(n.symbol()).box(operand(n, args), 0).close("msup");
      case SUPERSCRIPT -> m.open("msup").box(operand(n, args), MathMl.ATOM).token(n.symbol()).close("msup");
      case INFIX -> m.expr(args.get(n.operands().get(0)), MathMl.PRODUCT + 1).mo(n.symbol())
          .expr(args.get(n.operands().get(1)), MathMl.PRODUCT + 1);
      default -> throw new IllegalStateException("no MathML for the notation form " + n.form());
    }
  }

  /**
   * The call's notation and bound arguments; empty when the function is unknown, the arguments do
   * not bind, or the form has no place for an argument the call gives.
   */
  private static Optional<Bound> bound(Expr.Call call) {
    Function f = Functions.named(call.function());
    if (f == null) {
      return Optional.empty();
    }
    Notation n = f.notation();
    return Claims.arguments(call).filter(args -> fits(n, args)).map(args -> new Bound(n, args));
  }

  /** A function shows every argument; the other forms only their operands and subscripts. */
  private static boolean fits(Notation n, Map<String, Expr> args) {
    if (n.form() == Notation.Form.FUNCTION) {
      return true;
    }
    Set<String> shown = new HashSet<>(n.operands());
    shown.addAll(n.subscripts());
    return args.keySet().containsAll(n.operands()) && shown.containsAll(args.keySet());
  }

  /** The argument a one-operand form applies to. */
  private static Expr operand(Notation n, Map<String, Expr> args) {
    return args.get(n.operands().get(0));
  }

  /** {@code Σ x}, or {@code Σ_{axis=…} x} when a subscript argument is given. */
  private static void bigOperator(MathMl m, Notation n, Map<String, Expr> args) {
    m.open("mrow");
    if (hasSubscript(n, args)) {
      m.open("msub").mo(n.symbol()).subscript(n.subscripts(), args).close("msub");
    } else {
      m.mo(n.symbol());
    }
    m.expr(operand(n, args), MathMl.ATOM).close("mrow");
  }

  /**
   * {@code mean_{axis=…}⁡(x)} when a subscript argument is given (the other arguments stay in the
   * parentheses), else the call as written under the function's symbol.
   */
  private static void function(MathMl m, Expr.Call call, Notation n, Map<String, Expr> args) {
    if (!hasSubscript(n, args)) {
      m.open("mrow").mi(n.symbol()).applyFunction().parenthesized(call.args(), call.keywords()).close("mrow");
      return;
    }
    m.open("mrow").open("msub").mi(n.symbol()).subscript(n.subscripts(), args).close("msub").applyFunction();
    withoutSubscripts(m, call, n, args);
    m.close("mrow");
  }

  /**
   * The call's arguments in parentheses, without those shown as subscripts. (A subscript parameter
   * is never followed by a positional one, so the positional arguments left keep their places.)
   */
  private static void withoutSubscripts(MathMl m, Expr.Call call, Notation n, Map<String, Expr> args) {
    List<Expr> positional = call.args().stream().filter(a -> !inSubscript(a, n, args)).toList();
    List<Expr.Keyword> keywords = call.keywords().stream().filter(k -> !inSubscript(k.value(), n, args)).toList();
    m.parenthesized(positional, keywords);
  }

  /** Whether an argument expression is bound (by identity) to a subscript parameter. */
  private static boolean inSubscript(Expr e, Notation n, Map<String, Expr> args) {
    return n.subscripts().stream().anyMatch(p -> args.get(p) == e);
  }

  private static boolean hasSubscript(Notation n, Map<String, Expr> args) {
    return n.subscripts().stream().anyMatch(args::containsKey);
  }
}
