package io.github.gradproof.claim;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import java.util.List;

/** A runtime value of the claim language; its variant matches the expression's static {@link Type}. */
public sealed interface Value
    permits Value.TensorValue, Value.IntValue, Value.ShapeValue, Value.BoolValue, Value.MethodValue,
        Value.StringValue, Value.NoneValue, Value.SequenceValue {

  /** A float64 tensor, as a node of the autograd graph. */
  record TensorValue(Var var) implements Value {
    /** The tensor itself. */
    public Tensor tensor() {
      return var.value();
    }
  }

  /** An integer. */
  record IntValue(long value) implements Value {}

  /** A shape tuple; the array is never modified. */
  record ShapeValue(int[] dims) implements Value {
    @Override
    public String toString() {
      return Tensor.shapeString(dims);
    }
  }

  /** {@code True} or {@code False}. */
  record BoolValue(boolean value) implements Value {}

  /** A finite-difference method keyword. */
  record MethodValue(boolean central) implements Value {}

  /** A string literal's characters. */
  record StringValue(String value) implements Value {}

  /** {@code None}. */
  record NoneValue() implements Value {}

  /** A list or tuple of tensors and integers, e.g. the operands of {@code concatenate}. */
  record SequenceValue(List<Value> items) implements Value {
    public SequenceValue {
      items = List.copyOf(items);
    }
  }

  /** Wraps a tensor as a constant (no gradient flows into it). */
  static TensorValue constant(Tensor t) {
    return new TensorValue(Var.constant(t));
  }
}
