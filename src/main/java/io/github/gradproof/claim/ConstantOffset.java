package io.github.gradproof.claim;

import java.util.Map;

/**
 * Whether the two sides of a {@code !=} differ by a constant added, so that whether it holds is
 * decided by that constant, not by the values it reads: {@code dx != dx + 1}, {@code dx + 1 != dx},
 * {@code 2 * dx + 1 != 2 * dx - 3}, {@code h != x} after {@code h = x + 1}, {@code dx * 0 != 1}. Such
 * a claim holds whatever the values are (as long as they are finite and not so large that the
 * constant vanishes beside them), so it would prove any key it is given; with a constant below the
 * tolerance of {@code ==} it fails whatever they are, which says no more.
 *
 * <p>Each side is read as {@code f * base + k}, with {@code f} and {@code k} number literals gathered
 * through {@code +}, {@code -}, unary minus, and {@code *} or {@code /} by a number, and the forward
 * lines put in for their names; the claim differs by a constant when both sides have the same
 * factor (and, unless it is 0, the same base, compared as {@link Restatement} compares sides) and
 * other offsets. A different factor is a real statement, not a tautology: {@code dx != 2 * dx} is
 * false where {@code dx} is 0, so it says that {@code dx} is not zero, as {@code dx != 0} does. Equal
 * sides ({@code dx != dx}) are left to the run, which refutes them, as it does every comparison
 * that is false for equal sides.
 */
public final class ConstantOffset {

  /** A side read as {@code factor * base + offset}; {@code base} is {@code null} for a constant. */
  private record Affine(double factor, Expr base, double offset) {

    Affine scaled(double c) {
      return new Affine(factor * c, base, offset * c);
    }

    Affine shifted(double c) {
      return new Affine(factor, base, offset + c);
    }
  }

  private final Map<String, Expr> definitions;
  private final Restatement canonical;

  private ConstantOffset(Map<String, Expr> definitions) {
    this.definitions = definitions;
    this.canonical = new Restatement(definitions);
  }

  /**
   * Whether {@code comparison} is a {@code !=} whose sides differ by a nonzero constant only, once
   * the forward lines {@code definitions} (name to value) are put in for their names.
   */
  public static boolean differs(Line.Comparison comparison, Map<String, Expr> definitions) {
    if (comparison.op() != CompareOp.NE) {
      return false;
    }
    ConstantOffset reader = new ConstantOffset(definitions);
    Affine left = reader.affine(comparison.left(), 0);
    Affine right = reader.affine(comparison.right(), 0);
    return left.factor() == right.factor() && left.offset() != right.offset()
        && (left.factor() == 0 || reader.sameBase(left, right));
  }

  private boolean sameBase(Affine left, Affine right) {
    String l = canonical.canonical(left.base());
    return l != null && l.equals(canonical.canonical(right.base()));
  }

  /** {@code e} as {@code f * base + k}; {@code depth} bounds the names put in for their lines. */
  private Affine affine(Expr e, int depth) {
    Double c = constant(e);
    if (c != null) {
      return new Affine(0, null, c);
    }
    if (e instanceof Expr.Name n && definitions.containsKey(n.name()) && depth < definitions.size()) {
      return affine(definitions.get(n.name()), depth + 1);
    }
    if (e instanceof Expr.Neg n) {
      return affine(n.operand(), depth).scaled(-1);
    }
    if (e instanceof Expr.Binary b) {
      Double l = constant(b.left());
      Double r = constant(b.right());
      switch (b.op()) {
        case ADD -> {
          if (r != null || l != null) {
            return r != null ? affine(b.left(), depth).shifted(r) : affine(b.right(), depth).shifted(l);
          }
        }
        case SUB -> {
          if (r != null || l != null) {
            return r != null ? affine(b.left(), depth).shifted(-r) : affine(b.right(), depth).scaled(-1).shifted(l);
          }
        }
        case MUL -> {
          if (r != null || l != null) {
            return r != null ? affine(b.left(), depth).scaled(r) : affine(b.right(), depth).scaled(l);
          }
        }
        case DIV -> {
          if (r != null && r != 0) {
            return affine(b.left(), depth).scaled(1 / r);
          }
        }
        default -> { }
      }
    }
    return new Affine(1, e, 0);
  }

  /** The finite value of a number literal, or of a negated one; {@code null} for anything else. */
  private static Double constant(Expr e) {
    if (e instanceof Expr.Num n && Double.isFinite(n.value())) {
      return n.value();
    }
    if (e instanceof Expr.Neg n && n.operand() instanceof Expr.Num num && Double.isFinite(num.value())) {
      return -num.value();
    }
    return null;
  }
}
