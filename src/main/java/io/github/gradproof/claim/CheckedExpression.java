package io.github.gradproof.claim;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A standalone expression that passed the static checks (the number a numeric question asks for,
 * or a placeholder of its explanation), with what the checker inferred about it: its
 * {@link StaticType} (so whether it is statically one number) and the names whose gradient it
 * reads.
 */
public final class CheckedExpression {

  private final Expr expr;
  private final Map<Expr, StaticType> types;
  private final Set<String> differentiated;

  CheckedExpression(Expr expr, Map<Expr, StaticType> types, Scope scope) {
    this.expr = expr;
    this.types = Collections.unmodifiableMap(new IdentityHashMap<>(types));
    Set<String> names = new LinkedHashSet<>();
    Walk.expr(expr, e -> {
      if (e instanceof Expr.Name n && scope.kind(n.name()) == null && scope.gradientOf(n.name()) != null) {
        names.add(n.name().substring(1));
      }
    });
    this.differentiated = Collections.unmodifiableSet(names);
  }

  /** The syntax tree. */
  public Expr expr() {
    return expr;
  }

  /** The static type of the expression's value. */
  public StaticType type() {
    return types.get(expr);
  }

  /**
   * Whether the value is statically known not to be one number: not numeric (a shape tuple, a
   * string, ...), or a tensor of known rank above 0.
   */
  public boolean isNeverScalar() {
    StaticType t = type();
    return !t.type().isNumeric() || t instanceof StaticType.TensorType x && x.shape().rank() > 0;
  }

  /** The static type of a node of the expression; {@code null} for nodes without a value of their own. */
  public StaticType type(Expr e) {
    return types.get(e);
  }

  /** The names {@code X} whose gradient {@code dX} the expression reads, in order of first use. */
  public Set<String> differentiated() {
    return differentiated;
  }

  /** Whether the expression calls {@code fd_order} or {@code fd_evals}. */
  public boolean usesExperiments() {
    boolean[] found = {false};
    Walk.expr(expr, e -> {
      if (e instanceof Expr.Call c && (c.function().equals("fd_order") || c.function().equals("fd_evals"))) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
