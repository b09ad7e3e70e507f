package io.github.gradproof.claim;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entry point of the claim language: parses and statically checks lines as written in a quiz file,
 * reporting authoring errors as located {@link Diagnostic}s ({@code file:line:column}, the source
 * line and a caret).
 */
public final class Claims {

  private Claims() {}

  /**
   * Parses and checks a forward line {@code name = expr} against the names defined before it.
   *
   * @param sink receives every authoring error of the line
   * @return the definition, or {@code null} when the line has errors (then {@code sink} grew)
   */
  public static Line.Definition forwardLine(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    CheckedLine checked = checkForwardLine(text, scope, sink);
    return checked == null ? null : (Line.Definition) checked.line();
  }

  /**
   * Parses and checks a forward line, keeping the static facts the checker inferred.
   *
   * @param sink receives every authoring error of the line
   * @return the checked line, or {@code null} when the line has errors (then {@code sink} grew)
   */
  public static CheckedLine checkForwardLine(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    Line.Definition line;
    try {
      line = Parser.forwardLine(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
    CheckedLine checked = report(text, line, scope, sink);
    return refuseExperiments(text, line, sink) ? checked : null;
  }

  /**
   * A forward line builds the graph the experiment itself differentiates, so it cannot measure
   * that experiment: {@code fd_order}/{@code fd_evals} belong in claims.
   *
   * @return whether the line calls neither
   */
  private static boolean refuseExperiments(SourceSpan text, Line line, List<Diagnostic> sink) {
    int before = sink.size();
    Walk.line(line, e -> {
      if (e instanceof Expr.Call c && (c.function().equals("fd_order") || c.function().equals("fd_evals"))) {
        sink.add(text.diagnostic(c.pos(), c.function()
            + "() measures the question's finite differences and can only stand in a claim, not in a forward line"));
      }
    });
    return sink.size() == before;
  }

  /**
   * Parses and checks a claim: {@code dX = expr} or a comparison.
   *
   * @param scope the setup's names; gradient names are made visible here
   * @param sink receives every authoring error of the claim
   * @return the claim, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static Line claim(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    CheckedLine checked = checkClaim(text, scope, sink);
    return checked == null ? null : checked.line();
  }

  /**
   * Parses and checks a claim, keeping the static facts the checker inferred.
   *
   * @param scope the setup's names; gradient names are made visible here
   * @param sink receives every authoring error of the claim
   * @return the checked claim, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static CheckedLine checkClaim(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    Line line;
    try {
      line = Parser.claim(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
    return report(text, line, scope.withGradients(), sink);
  }

  /**
   * Parses and checks a standalone expression (the number a numeric question asks for, a
   * placeholder of its explanation): every name must be visible in {@code scope}, gradient names
   * included when {@code scope} has them.
   *
   * @param sink receives every authoring error of the expression
   * @return the checked expression, or {@code null} when it has errors (then {@code sink} grew)
   */
  public static CheckedExpression checkExpression(SourceSpan text, Scope scope, List<Diagnostic> sink) {
    Expr expr;
    try {
      expr = Parser.standalone(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
    Checker checker = Checker.runExpression(expr, scope);
    for (ClaimSyntaxException e : checker.errors()) {
      sink.add(diagnostic(text, e));
    }
    return checker.errors().isEmpty() ? new CheckedExpression(expr, checker.types(), scope) : null;
  }

  /**
   * Parses a claim without checking names, for questions whose claims are not evaluated
   * ({@code verify: false} without a setup): syntax errors still surface.
   *
   * @return the claim, or {@code null} when it has a syntax error (then {@code sink} grew)
   */
  public static Line parseOnly(SourceSpan text, List<Diagnostic> sink) {
    try {
      return Parser.claim(text.source());
    } catch (ClaimSyntaxException e) {
      sink.add(diagnostic(text, e));
      return null;
    }
  }

  /**
   * The names {@code X} whose gradient a checked claim uses: the target of {@code dX = ...} and
   * every gradient name {@code dX} in its expressions, in order of first use.
   */
  public static Set<String> differentiated(Line line, Scope scope) {
    Scope s = scope.withGradients();
    Set<String> names = new LinkedHashSet<>();
    if (line instanceof Line.GradientClaim g) {
      names.add(g.target());
    }
    Walk.line(line, e -> {
      if (e instanceof Expr.Name n && s.kind(n.name()) == null && s.gradientOf(n.name()) != null) {
        names.add(n.name().substring(1));
      }
    });
    return names;
  }

  /**
   * A call's arguments bound to the function's parameters as Python binds them (positional ones
   * in order, then keywords by name): parameter name to expression, in parameter order, omitted
   * parameters left out. Empty when the function is unknown or the arguments do not bind, which
   * only a line that was parsed but not checked can have.
   */
  public static Optional<Map<String, Expr>> arguments(Expr.Call call) {
    Function f = Function.named(call.function());
    if (f == null) {
      return Optional.empty();
    }
    Expr[] slots;
    try {
      slots = f.bind(call);
    } catch (ClaimSyntaxException e) {
      return Optional.empty();
    }
    Map<String, Expr> bound = new LinkedHashMap<>();
    for (int i = 0; i < slots.length; i++) {
      if (slots[i] != null) {
        bound.put(f.params().get(i), slots[i]);
      }
    }
    return Optional.of(Collections.unmodifiableMap(bound));
  }

  /**
   * The function call a method call stands for: {@code x.sum(axis=0)} is {@code sum(x, axis=0)},
   * {@code x.reshape(3, 4)} is {@code reshape(x, (3, 4))}, as the checker and the evaluator read it.
   * Empty when no function is that method, which only a line that was parsed but not checked can have.
   */
  public static Optional<Expr.Call> asCall(Expr.MethodCall method) {
    Function f = Functions.method(method.method());
    return f == null ? Optional.empty() : Optional.of(Calls.asCall(f, method));
  }

  /**
   * Whether a line writes the constant {@code inf} as a value (an infinity no computation produced,
   * {@code x.masked_fill(mask, -inf)}). An order that names a norm, {@code norm(x, inf)} or
   * {@code normalize(x, p=inf)}, is no such value: the norm it names is finite.
   */
  public static boolean writesInfinity(Line line) {
    Set<Expr> orders = Collections.newSetFromMap(new IdentityHashMap<>());
    Walk.line(line, e -> {
      Expr.Call call = e instanceof Expr.MethodCall m ? asCall(m).orElse(null) : e instanceof Expr.Call c ? c : null;
      if (call != null && NORM_ORDERS.containsKey(call.function())) {
        Expr order = arguments(call).map(a -> a.get(NORM_ORDERS.get(call.function()))).orElse(null);
        orders.add(order instanceof Expr.Neg n ? n.operand() : order);
      }
    });
    boolean[] found = {false};
    Walk.line(line, e -> found[0] |= infinity(e) && !orders.contains(e));
    return found[0];
  }

  /**
   * Every call of a line, in the order the walk meets them, a method call as the call it stands for
   * ({@code z.sum()} as {@code sum(z)}); a method no function is (a line not checked) is left out.
   */
  public static List<Expr.Call> calls(Line line) {
    List<Expr.Call> calls = new ArrayList<>();
    Walk.line(line, e -> {
      Expr.Call call = e instanceof Expr.MethodCall m ? asCall(m).orElse(null) : e instanceof Expr.Call c ? c : null;
      if (call != null) {
        calls.add(call);
      }
    });
    return calls;
  }

  /** Every number literal of a line, in the order the walk meets them. */
  public static List<Expr.Num> literals(Line line) {
    List<Expr.Num> literals = new ArrayList<>();
    Walk.line(line, e -> {
      if (e instanceof Expr.Num n) {
        literals.add(n);
      }
    });
    return literals;
  }

  /** The functions whose order argument may be {@code inf}, and that argument's name. */
  private static final Map<String, String> NORM_ORDERS = Map.of("norm", "ord", "normalize", "p", "Tensor.norm", "p");

  private static boolean infinity(Expr e) {
    return e instanceof Expr.Num n && Double.isInfinite(n.value());
  }

  /**
   * Every name a line uses (dims, inputs, forward and gradient names, method keywords), the
   * gradient claim's own name included, in order of first use.
   */
  public static Set<String> names(Line line) {
    Set<String> names = new LinkedHashSet<>();
    if (line instanceof Line.GradientClaim g) {
      names.add(g.name());
    } else if (line instanceof Line.Definition d) {
      names.add(d.name());
    }
    Walk.line(line, e -> {
      if (e instanceof Expr.Name n) {
        names.add(n.name());
      }
    });
    return Collections.unmodifiableSet(names);
  }

  /** Whether a line calls {@code fd_order} or {@code fd_evals}. */
  public static boolean usesExperiments(Line line) {
    boolean[] found = {false};
    Walk.line(line, e -> {
      if (e instanceof Expr.Call c && (c.function().equals("fd_order") || c.function().equals("fd_evals"))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  private static CheckedLine report(SourceSpan text, Line line, Scope scope, List<Diagnostic> sink) {
    Checker checker = Checker.run(line, scope);
    for (ClaimSyntaxException e : checker.errors()) {
      sink.add(diagnostic(text, e));
    }
    if (checker.errors().isEmpty() && line instanceof Line.Comparison c && sameSides(text.source(), c)) {
      sink.add(text.diagnostic(c.opPos(), "both sides of '" + c.op().symbol() + "' are the same expression, so the"
          + " claim holds whatever the values are and proves nothing; compare with what the value should be"));
      return null;
    }
    if (checker.errors().isEmpty() && line instanceof Line.GradientClaim g) {
      Expr.Name self = selfReference(g);
      if (self != null) {
        sink.add(text.diagnostic(self.pos(), "the claim defines " + g.name() + " by " + g.name()
            + " itself, so it holds whatever " + g.name() + " is and proves nothing; write the right side"
            + " from the inputs, the forward values and the other gradients"));
        return null;
      }
    }
    return checker.errors().isEmpty() ? new CheckedLine(line, checker.types()) : null;
  }

  /**
   * Whether a comparison that holds for equal sides ({@code == <= >= ~}) compares an expression
   * with itself, as written up to spaces: {@code dx == dx}, {@code sum(dx) >= sum(dx)}.
   */
  static boolean sameSides(String source, Line.Comparison c) {
    if (c.op() == CompareOp.NE || c.op() == CompareOp.LT || c.op() == CompareOp.GT) {
      return false;
    }
    String left = source.substring(0, c.opPos()).replaceAll("\\s+", "");
    String right = source.substring(c.opPos() + c.op().symbol().length()).replaceAll("\\s+", "");
    return left.equals(right);
  }

  /** The first use of {@code dX} on the right side of the claim {@code dX = ...}, or {@code null}. */
  static Expr.Name selfReference(Line.GradientClaim g) {
    Expr.Name[] first = {null};
    Walk.expr(g.value(), e -> {
      if (first[0] == null && e instanceof Expr.Name n && n.name().equals(g.name())) {
        first[0] = n;
      }
    });
    return first[0];
  }

  /**
   * Whether a checked claim constrains values, so that its holding can prove an answer: a gradient
   * claim {@code dX = ...}, or a comparison that reads the value of a gradient, of a forward name or
   * of an experiment ({@code fd_order}, {@code fd_evals}). A name read only for its shape
   * ({@code .shape}, {@code .ndim}, the first argument of {@code ones_like} and the other
   * {@code *_like} functions) does not count, nor do dims, inputs and constants: {@code dx.shape ==
   * x.shape} and {@code 2 + 2 == 4} hold whatever the answer is. Nor does the objective's gradient
   * with respect to itself ({@link #seedName}): {@code dL == 1} holds whatever the forward lines are.
   *
   * @param scope the setup's names (without gradient names)
   */
  public static boolean constrainsValues(Line line, Scope scope) {
    return constrainsValues(line, scope, seedNames(scope));
  }

  /**
   * {@link #constrainsValues(Line, Scope)} where {@code seeds} are the gradient names whose value is
   * the backward pass's start whatever the forward lines compute ({@link StartingGradient#names}):
   * none of them counts.
   */
  public static boolean constrainsValues(Line line, Scope scope, Set<String> seeds) {
    if (line instanceof Line.GradientClaim g) {
      return !seeds.contains(g.name());
    }
    if (!(line instanceof Line.Comparison c)) {
      return false;
    }
    Scope s = scope.withGradients();
    boolean[] found = {false};
    Consumer<Expr> visitor = e -> {
      if (e instanceof Expr.Name n && !seeds.contains(n.name()) && (s.kind(n.name()) == Scope.Kind.FORWARD
          || s.kind(n.name()) == null && s.gradientOf(n.name()) != null)) {
        found[0] = true;
      } else if (e instanceof Expr.Call call && (call.function().equals("fd_order")
          || call.function().equals("fd_evals"))) {
        found[0] = true;
      }
    };
    Walk.expr(c.left(), visitor, Claims::readsValues);
    Walk.expr(c.right(), visitor, Claims::readsValues);
    return found[0];
  }

  /**
   * The gradient name of the objective ({@link Scope#objective}), {@code dL}: the start of the
   * backward pass, 1 or the upstream drawn for a non-scalar output, whatever the forward lines
   * compute; {@code null} when there is no forward line.
   */
  public static String seedName(Scope scope) {
    String objective = scope.objective();
    return objective == null ? null : "d" + objective;
  }

  /** {@link #seedName} as a set: empty when there is no forward line. */
  private static Set<String> seedNames(Scope scope) {
    String seed = seedName(scope);
    return seed == null ? Set.of() : Set.of(seed);
  }

  /** Whether {@code line} reads the objective's gradient ({@link #seedName}) for its value, or states it. */
  public static boolean readsSeed(Line line, Scope scope) {
    return readSeed(line, scope, seedNames(scope)) != null;
  }

  /**
   * The first of {@code seeds} ({@link #constrainsValues(Line, Scope, Set)}) that {@code line} reads
   * for its value, or states; {@code null} when it reads none.
   */
  public static String readSeed(Line line, Scope scope, Set<String> seeds) {
    if (line instanceof Line.GradientClaim g) {
      return seeds.contains(g.name()) ? g.name() : null;
    }
    Set<String> read = valueNames(line, scope);
    return read.stream().filter(seeds::contains).findFirst().orElse(null);
  }

  /**
   * The names whose values a comparison reads (not only their shapes): forward names and gradient
   * names, as {@link #constrainsValues} counts them; empty for any other line.
   *
   * @param scope the setup's names (without gradient names)
   */
  public static Set<String> valueNames(Line line, Scope scope) {
    Set<String> names = new LinkedHashSet<>();
    if (!(line instanceof Line.Comparison c)) {
      return names;
    }
    Scope s = scope.withGradients();
    Consumer<Expr> visitor = e -> {
      if (e instanceof Expr.Name n && (s.kind(n.name()) == Scope.Kind.FORWARD
          || s.kind(n.name()) == null && s.gradientOf(n.name()) != null)) {
        names.add(n.name());
      }
    };
    Walk.expr(c.left(), visitor, Claims::readsValues);
    Walk.expr(c.right(), visitor, Claims::readsValues);
    return names;
  }

  /** Whether the children of {@code e} are read for their values, not only their shapes. */
  private static boolean readsValues(Expr e) {
    if (e instanceof Expr.ShapeOf || e instanceof Expr.Ndim) {
      return false;
    }
    return !(e instanceof Expr.Call call && call.function().endsWith("_like") && call.args().size() == 1
        && call.keywords().isEmpty());
  }

  /** Locates an error at its offset inside {@code text}. */
  public static Diagnostic diagnostic(SourceSpan text, ClaimSyntaxException e) {
    return text.diagnostic(e.offset(), e.getMessage());
  }
}
