package io.github.gradproof.claim;

import java.util.Arrays;
import java.util.List;

/**
 * What an operand evaluated to, as facts a reason can state: a tensor's shape (never its data), an
 * integer, a shape tuple, a boolean, a method keyword, a string, {@code None}, a list of operands,
 * the value of one element, or an index item ({@link Slice}, {@link Ellipsis}).
 */
public sealed interface Operand
    permits Operand.Tensor, Operand.Int, Operand.Tuple, Operand.Bool, Operand.Method, Operand.Text,
        Operand.None, Operand.Sequence, Operand.Element, Operand.Slice, Operand.Ellipsis {

  /** A tensor, by its shape; a scalar has shape {@code ()}. The array is a copy. */
  record Tensor(int[] shape) implements Operand {
    public Tensor {
      shape = Arrays.copyOf(shape, shape.length);
    }

    @Override
    public int[] shape() {
      return Arrays.copyOf(shape, shape.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tensor t && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
      return "Tensor" + Arrays.toString(shape);
    }
  }

  /** An integer: a dim, an integer literal, {@code fd_evals(...)}. */
  record Int(long value) implements Operand {}

  /** A shape tuple such as {@code (3, 4)}. The array is a copy. */
  record Tuple(int[] dims) implements Operand {
    public Tuple {
      dims = Arrays.copyOf(dims, dims.length);
    }

    @Override
    public int[] dims() {
      return Arrays.copyOf(dims, dims.length);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tuple t && Arrays.equals(dims, t.dims);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(dims);
    }

    @Override
    public String toString() {
      return "Tuple" + Arrays.toString(dims);
    }
  }

  /** {@code True} or {@code False}. */
  record Bool(boolean value) implements Operand {}

  /** The method keyword {@code central} or {@code forward} of the finite-difference functions. */
  record Method(boolean central) implements Operand {}

  /** A string, such as einsum's subscripts. */
  record Text(String value) implements Operand {}

  /** {@code None}: an omitted bound, a new axis in an index. */
  record None() implements Operand {}

  /** A list or tuple of operands, such as the arrays given to {@code concatenate}. */
  record Sequence(List<Operand> items) implements Operand {
    public Sequence {
      items = List.copyOf(items);
    }
  }

  /** One element of a tensor (or a scalar), compared on its own. */
  record Element(double value) implements Operand {}

  /** A slice {@code start:stop:step} of an index; each bound is {@code null} when omitted or None. */
  record Slice(Long start, Long stop, Long step) implements Operand {}

  /** The {@code ...} of an index. */
  record Ellipsis() implements Operand {}

  /** The facts of a value: a tensor's shape, or the value itself for the other types. */
  static Operand of(Value value) {
    if (value instanceof Value.TensorValue t) {
      return new Tensor(t.tensor().shape());
    } else if (value instanceof Value.IntValue i) {
      return new Int(i.value());
    } else if (value instanceof Value.ShapeValue s) {
      return new Tuple(s.dims());
    } else if (value instanceof Value.BoolValue b) {
      return new Bool(b.value());
    } else if (value instanceof Value.StringValue s) {
      return new Text(s.value());
    } else if (value instanceof Value.NoneValue) {
      return new None();
    } else if (value instanceof Value.SequenceValue s) {
      return new Sequence(s.items().stream().map(Operand::of).toList());
    }
    return new Method(((Value.MethodValue) value).central());
  }
}
