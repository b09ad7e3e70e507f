package io.github.gradproof.claim;

import io.github.gradproof.autograd.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * An operation of a claim, with what its operands evaluated to: what a reason needs to state why
 * the operation is undefined.
 *
 * @param name the operator as written ({@code @}, {@code +}, {@code <}), {@link #INDEX} for
 *     indexing, or the function's name ({@code reshape})
 * @param infix whether {@code name} is an operator written between its two operands
 * @param arguments the operands in order; for a call, the arguments given, each with its parameter
 *     (the values a variadic parameter collects have none: they are passed by position); for
 *     indexing, the indexed value and then one argument per index item
 */
public record Operation(String name, boolean infix, List<Argument> arguments) {

  /** The name of indexing, {@code x[i, j]}. */
  public static final String INDEX = "[]";

  public Operation {
    arguments = List.copyOf(arguments);
  }

  /** An infix operator on two operands. */
  static Operation infix(String symbol, Expr left, Operand l, Expr right, Operand r) {
    return new Operation(symbol, true, List.of(new Argument(null, left, l), new Argument(null, right, r)));
  }

  /** An infix operator on two tensors as the engine saw them (an integer operand is a scalar tensor). */
  static Operation infix(String symbol, Expr left, Tensor l, Expr right, Tensor r) {
    return infix(symbol, left, new Operand.Tensor(l.shape()), right, new Operand.Tensor(r.shape()));
  }

  /**
   * A call of {@code f} as facts: each argument given, with its parameter, expression and shape or
   * value; each value a variadic parameter collected, by position.
   *
   * @param slots the bound arguments ({@link Function#bind}), {@code null} where omitted
   * @param values their values, defaults filled in
   */
  static Operation call(Function f, Expr[] slots, Value[] values) {
    List<Argument> arguments = new ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      Param p = f.parameters().get(i);
      if (p.variadic()) {
        List<Expr> items = ((Expr.ListLiteral) slots[i]).items();
        List<Value> given = ((Value.SequenceValue) values[i]).items();
        for (int k = 0; k < items.size(); k++) {
          arguments.add(new Argument(null, items.get(k), Operand.of(given.get(k))));
        }
      } else if (slots[i] != null) {
        arguments.add(new Argument(p.name(), slots[i], Operand.of(values[i])));
      }
    }
    return new Operation(f.name(), false, arguments);
  }

  /** Indexing {@code target[items]}: the indexed value, then each item (without parameters). */
  static Operation index(Expr target, Operand value, List<Expr> items, List<Operand> itemValues) {
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument(null, target, value));
    for (int k = 0; k < items.size(); k++) {
      arguments.add(new Argument(null, items.get(k), itemValues.get(k)));
    }
    return new Operation(INDEX, false, arguments);
  }
}
