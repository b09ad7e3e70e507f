package io.github.gradproof.claim;

/** One parsed line: a forward definition or a claim. */
public sealed interface Line permits Line.Definition, Line.GradientClaim, Line.Comparison {

  /**
   * A forward line {@code name = expr}.
   *
   * @param name the defined name
   * @param namePos offset of the name
   * @param value the defining expression
   */
  record Definition(String name, int namePos, Expr value) implements Line {}

  /**
   * A gradient claim {@code dX = expr}.
   *
   * @param name the gradient name as written, e.g. {@code dA}
   * @param namePos offset of the name
   * @param value the claimed gradient
   */
  record GradientClaim(String name, int namePos, Expr value) implements Line {
    /** The differentiated name: {@code name} without its leading {@code d}. */
    public String target() {
      return name.substring(1);
    }
  }

  /**
   * A comparison claim {@code left op right}.
   *
   * @param opPos offset of the operator
   */
  record Comparison(CompareOp op, Expr left, Expr right, int opPos) implements Line {}
}
