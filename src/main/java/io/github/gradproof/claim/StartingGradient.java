package io.github.gradproof.claim;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gradient names whose value is the backward pass's start (1 for a scalar objective, the
 * upstream drawn for a non-scalar one) whatever the forward lines compute, so that a claim reading
 * only them proves nothing: the objective's own gradient {@code dL}, and the gradient of every name
 * the objective is an identity of. After {@code L0 = sum(x * x)} and {@code L = L0}, {@code dL0} is
 * {@code dL}, as it is after {@code L = L0 + 0}, {@code L = 1 * L0}, {@code L = L0 / 1} or
 * {@code L = (L0)}; and so on down a chain of such lines.
 *
 * <p>A name counts only when the identity line is the only place any forward line reads it: were
 * it read again ({@code L = L0 + 0 * sum(L0)}, or by a line the output does not read), its gradient
 * would gather more than the start, and the rule does not follow that arithmetic. Nor is a scale
 * ({@code L = 2 * L0}), a sum with another term ({@code L = L0 + sum(w * w)}) or a change of shape
 * ({@code D = C.T}) an identity: what the gradient is then is a fact about that operation, which a
 * question may ask about. Identities are the number literals 0 and 1 only ({@code L0 + 0},
 * {@code L0 * 1}, {@code L0 - 0}, {@code L0 / 1}, {@code L0 ** 1}, either side where the operation
 * commutes), not {@code zeros_like(L0)}: a tensor added may broadcast, which changes the gradient.
 */
public final class StartingGradient {

  private StartingGradient() {}

  /**
   * The starting gradient names of the forward lines {@code forward} (in order, the last being the
   * objective): {@code dL} first, then the names down the chain of identities; empty without lines.
   */
  public static Set<String> names(List<Line.Definition> forward) {
    Set<String> names = new LinkedHashSet<>();
    if (forward.isEmpty()) {
      return names;
    }
    Map<String, Line.Definition> byName = new HashMap<>();
    Map<String, Integer> reads = new HashMap<>();
    for (Line.Definition d : forward) {
      byName.put(d.name(), d);
      Walk.expr(d.value(), e -> {
        if (e instanceof Expr.Name n) {
          reads.merge(n.name(), 1, Integer::sum);
        }
      });
    }
    String name = forward.get(forward.size() - 1).name();
    while (name != null && names.add("d" + name)) {
      Line.Definition d = byName.get(name);
      String source = d == null ? null : identityOf(d.value());
      name = source != null && reads.get(source) == 1 ? source : null;
    }
    return names;
  }

  /** The name {@code e} is an identity of ({@code N}, {@code N + 0}, {@code 1 * N}, ...), or {@code null}. */
  static String identityOf(Expr e) {
    if (e instanceof Expr.Name n) {
      return Expr.Num.isConstant(n.name()) ? null : n.name();
    }
    if (!(e instanceof Expr.Binary b)) {
      return null;
    }
    return switch (b.op()) {
      case ADD -> is(b.right(), 0) ? identityOf(b.left()) : is(b.left(), 0) ? identityOf(b.right()) : null;
      case MUL -> is(b.right(), 1) ? identityOf(b.left()) : is(b.left(), 1) ? identityOf(b.right()) : null;
      case SUB -> is(b.right(), 0) ? identityOf(b.left()) : null;
      case DIV, POW -> is(b.right(), 1) ? identityOf(b.left()) : null;
      default -> null;
    };
  }

  private static boolean is(Expr e, double value) {
    return e instanceof Expr.Num n && n.value() == value;
  }
}
