package io.github.gradproof.claim;

import java.util.List;

/**
 * An operation of a claim, with what its operands evaluated to: what a reason needs to state why
 * the operation is undefined.
 *
 * @param name the operator as written ({@code @}, {@code +}, {@code <}) or the function's name
 *     ({@code reshape})
 * @param infix whether {@code name} is an operator written between its two operands
 * @param arguments the operands in order; for a call, the arguments given, each with its parameter
 */
public record Operation(String name, boolean infix, List<Argument> arguments) {
  public Operation {
    arguments = List.copyOf(arguments);
  }
}
