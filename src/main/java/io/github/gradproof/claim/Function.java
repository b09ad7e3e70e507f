package io.github.gradproof.claim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions a claim can call, with their parameters. Arguments bind like Python's: positional
 * ones in order, then keywords by parameter name.
 */
enum Function {
  SUM("sum", 1, "x", "axis", "keepdims"),
  MEAN("mean", 1, "x", "axis", "keepdims"),
  MAX("max", 1, "x", "axis", "keepdims"),
  EXP("exp", 1, "x"),
  LOG("log", 1, "x"),
  TANH("tanh", 1, "x"),
  SIGMOID("sigmoid", 1, "x"),
  RELU("relu", 1, "x"),
  SQRT("sqrt", 1, "x"),
  ABS("abs", 1, "x"),
  SOFTMAX("softmax", 1, "x", "axis"),
  LOG_SOFTMAX("log_softmax", 1, "x", "axis"),
  CROSS_ENTROPY("cross_entropy", 2, "logits", "labels"),
  ONE_HOT("one_hot", 2, "labels", "classes"),
  ONES_LIKE("ones_like", 1, "x"),
  ZEROS_LIKE("zeros_like", 1, "x"),
  RESHAPE("reshape", 2, "x", "shape"),
  TRANSPOSE("transpose", 1, "x", "axes"),
  /** Fitted convergence order of a finite-difference method on the question's setup. */
  FD_ORDER("fd_order", 1, "method"),
  /** Function evaluations of one full finite-difference gradient. */
  FD_EVALS("fd_evals", 1, "method");

  private static final Map<String, Function> BY_NAME = new HashMap<>();

  static {
    for (Function f : values()) {
      BY_NAME.put(f.spelling, f);
    }
  }

  private final String spelling;
  private final int required;
  private final List<String> params;

  Function(String spelling, int required, String... params) {
    this.spelling = spelling;
    this.required = required;
    this.params = List.of(params);
  }

  /** The function by its name in claims, or {@code null}. */
  public static Function named(String name) {
    return BY_NAME.get(name);
  }

  /** Every function name, in declaration order (for "did you mean"). */
  public static List<String> spellings() {
    return Arrays.stream(values()).map(Function::spelling).toList();
  }

  /** The name as written in claims. */
  public String spelling() {
    return spelling;
  }

  /** Parameter names, positional order. */
  public List<String> params() {
    return params;
  }

  /** How many leading parameters are required. */
  public int required() {
    return required;
  }

  /**
   * Binds a call's arguments to parameters: one slot per parameter, {@code null} when omitted.
   *
   * @throws ClaimSyntaxException for too many arguments, unknown or repeated keywords, or a
   *     missing required argument
   */
  Expr[] bind(Expr.Call call) {
    Expr[] slots = new Expr[params.size()];
    List<Expr> args = call.args();
    if (args.size() > params.size()) {
      throw new ClaimSyntaxException(args.get(params.size()).pos(), spelling + "() takes "
          + arity() + ", got " + args.size());
    }
    for (int i = 0; i < args.size(); i++) {
      slots[i] = args.get(i);
    }
    for (Expr.Keyword k : call.keywords()) {
      int i = params.indexOf(k.name());
      if (i < 0) {
        String hint = io.github.gradproof.diag.Suggestions.closest(k.name(), params).orElse(null);
        throw new ClaimSyntaxException(k.pos(), "unknown keyword '" + k.name() + "' for " + spelling
            + "()" + (hint == null ? "; it takes " + String.join(", ", params) : " (did you mean '" + hint + "'?)"));
      }
      if (slots[i] != null) {
        throw new ClaimSyntaxException(k.pos(), spelling + "() got two values for '" + k.name() + "'");
      }
      slots[i] = k.value();
    }
    for (int i = 0; i < required; i++) {
      if (slots[i] == null) {
        throw new ClaimSyntaxException(call.pos(), spelling + "() is missing its argument '" + params.get(i)
            + "'; it takes " + arity());
      }
    }
    return slots;
  }

  private String arity() {
    int n = params.size();
    if (required == n) {
      return n + (n == 1 ? " argument" : " arguments");
    }
    return required + " to " + n + " arguments";
  }
}
