package io.github.gradproof.claim;

/**
 * One operand as a reason states it: the sub-expression it came from and what that evaluated to.
 *
 * @param parameter the function parameter it was passed as ({@code axis}), or {@code null} for an
 *     operand of an infix operator or a side of a comparison
 * @param expression the sub-expression as parsed, or {@code null} when the operand is not written
 *     in the claim (autograd's gradient, which a gradient claim is compared with)
 * @param value what it evaluated to
 */
public record Argument(String parameter, Expr expression, Operand value) {}
