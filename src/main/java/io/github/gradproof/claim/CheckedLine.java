package io.github.gradproof.claim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A line that passed the static checks, with what the checker inferred about each of its
 * expression nodes (by identity): the {@link StaticType}, so the rank and symbolic shape of every
 * tensor, e.g. {@code (M, K)}, and the symbolic value of every integer. With concrete dims
 * substituted the shapes become concrete ({@link #shape(Expr, Map)}), before anything runs: what
 * is a scalar, which dims a reason names, how large each intermediate is.
 */
public final class CheckedLine {

  private final Line line;
  private final Map<Expr, StaticType> types;

  CheckedLine(Line line, Map<Expr, StaticType> types) {
    this.line = line;
    this.types = Collections.unmodifiableMap(new IdentityHashMap<>(types));
  }

  /** The syntax tree. */
  public Line line() {
    return line;
  }

  /**
   * Every expression node of the line that has a value, parents before children, left to right:
   * what a cost estimate or a renderer walks.
   */
  public List<Expr> expressions() {
    List<Expr> out = new ArrayList<>();
    Walk.line(line, e -> {
      if (types.containsKey(e)) {
        out.add(e);
      }
    });
    return out;
  }

  /**
   * The static type of a node of this line; {@code null} for nodes that have no value of their
   * own (a slice {@code a:b} or {@code ...} inside brackets) and for nodes of other lines.
   */
  public StaticType type(Expr e) {
    return types.get(e);
  }

  /**
   * The static shape of a numeric node: a tensor's shape, {@code ()} for an integer; {@code null}
   * for other nodes.
   */
  public Shape shape(Expr e) {
    StaticType t = types.get(e);
    if (t instanceof StaticType.TensorType x) {
      return x.shape();
    }
    return t instanceof StaticType.IntType ? Shape.scalar() : null;
  }

  /**
   * The concrete shape of a numeric node under concrete dims.
   *
   * @return the sizes, or {@code null} when the node is not numeric or its shape is not determined
   *     statically (it depends on values, or the operation is undefined on these dims)
   */
  public int[] shape(Expr e, Map<String, ? extends Number> dims) {
    Shape s = shape(e);
    return s == null ? null : s.evaluate(dims);
  }

  /** Whether a node is statically a scalar: an integer or a rank-0 tensor. */
  public boolean isScalar(Expr e) {
    StaticType t = types.get(e);
    return t != null && t.isScalar();
  }

  /**
   * The static type of the line's value: the defining expression of a forward line, the claimed
   * gradient of a gradient claim, the left side of a comparison.
   */
  public StaticType valueType() {
    if (line instanceof Line.Definition d) {
      return types.get(d.value());
    } else if (line instanceof Line.GradientClaim g) {
      return types.get(g.value());
    }
    return types.get(((Line.Comparison) line).left());
  }
}
