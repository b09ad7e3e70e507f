package io.github.gradproof.render;

import io.github.gradproof.claim.Expr;
import java.util.Map;

/**
 * How each function of the claim language is written in math, keyed by its name: {@code sum} as
 * {@code Σ} with its axis as subscript, {@code exp(x)} as {@code eˣ}, {@code sqrt} as a radical,
 * {@code abs} between bars, {@code mean} and {@code max} with their axis as subscript. A function
 * without an entry is written as called, {@code f⁡(x, k=v)}. Adding a notation is one entry here.
 */
final class FunctionNotations {

  /**
   * Writes a call whose arguments bound; {@code args} maps parameter names to expressions, in
   * parameter order, the operand first.
   */
  @FunctionalInterface
  interface Writer {
    void write(MathMl m, Expr.Call call, Map<String, Expr> args);
  }

  /**
   * One function's notation.
   *
   * @param precedence how tightly the written call binds (a {@code Σ} takes the rest of a product)
   * @param writer writes the call
   */
  record Notation(int precedence, Writer writer) {}

  /** The notation of functions without one of their own. */
  static final Notation AS_WRITTEN = new Notation(MathMl.ATOM, (m, call, args) -> m.asWritten(call));

  private static final Notation REDUCTION_WITH_SUBSCRIPT = new Notation(MathMl.ATOM, FunctionNotations::reduction);

  private static final Map<String, Notation> BY_NAME = Map.of(
      "sum", new Notation(MathMl.UNARY, FunctionNotations::sum),
      "mean", REDUCTION_WITH_SUBSCRIPT,
      "max", REDUCTION_WITH_SUBSCRIPT,
      "exp", new Notation(MathMl.ATOM, (m, call, args) -> m.open("msup").mi("e").box(operand(args), 0).close("msup")),
      "sqrt", new Notation(MathMl.ATOM, (m, call, args) -> m.open("msqrt").expr(operand(args), 0).close("msqrt")),
      "abs", new Notation(MathMl.ATOM,
          (m, call, args) -> m.open("mrow").mo("|").expr(operand(args), 0).mo("|").close("mrow")));

  private FunctionNotations() {}

  /** The argument a function applies to: its first parameter's. */
  private static Expr operand(Map<String, Expr> args) {
    return args.values().iterator().next();
  }

  /** The notation of the function {@code name}. */
  static Notation of(String name) {
    return BY_NAME.getOrDefault(name, AS_WRITTEN);
  }

  /** {@code Σ x}, or {@code Σ_{axis=…} x} when an axis or keepdims is given. */
  private static void sum(MathMl m, Expr.Call call, Map<String, Expr> args) {
    m.open("mrow");
    Expr axis = args.get("axis");
    Expr keepdims = args.get("keepdims");
    if (axis == null && keepdims == null) {
      m.mo("∑");
    } else {
      m.open("msub").mo("∑").reductionSubscript(axis, keepdims).close("msub");
    }
    m.expr(operand(args), MathMl.ATOM).close("mrow");
  }

  /** {@code mean_{axis=…}⁡(x)} when an axis or keepdims is given, else as written. */
  private static void reduction(MathMl m, Expr.Call call, Map<String, Expr> args) {
    Expr axis = args.get("axis");
    Expr keepdims = args.get("keepdims");
    if (axis == null && keepdims == null) {
      m.asWritten(call);
      return;
    }
    m.open("mrow").open("msub").mi(call.function()).reductionSubscript(axis, keepdims).close("msub");
    m.applyFunction().parenthesized(java.util.List.of(operand(args)), java.util.List.of()).close("mrow");
  }
}
