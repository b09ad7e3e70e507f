package io.github.gradproof.claim;

import java.util.List;

/**
 * What the checker knows about an expression before it runs: its {@link Type} and, where the dims
 * determine it, its shape (tensors), value (integers, booleans, strings, method keywords) or
 * contents (shape tuples and sequences). Shapes and integers are symbolic in the question's dims,
 * e.g. a tensor of shape {@code (M, K)} or the integer {@code M*K}.
 */
public sealed interface StaticType {

  /** The category of the value. */
  Type type();

  /** Whether the value is statically a scalar: an integer or a rank-0 tensor. */
  default boolean isScalar() {
    return this instanceof IntType || this instanceof TensorType t && t.shape().isScalar();
  }

  /** A float64 tensor of the given static shape. */
  record TensorType(Shape shape) implements StaticType {
    @Override
    public Type type() {
      return Type.TENSOR;
    }
  }

  /** An integer with its symbolic value ({@link Dim#unknown()} when it depends on values). */
  record IntType(Dim value) implements StaticType {
    @Override
    public Type type() {
      return Type.INT;
    }
  }

  /** A shape tuple with its symbolic contents. */
  record ShapeType(Shape value) implements StaticType {
    @Override
    public Type type() {
      return Type.SHAPE;
    }
  }

  /** {@code True} or {@code False}. */
  record BoolType(boolean value) implements StaticType {
    @Override
    public Type type() {
      return Type.BOOL;
    }
  }

  /** A string literal. */
  record StringType(String value) implements StaticType {
    @Override
    public Type type() {
      return Type.STRING;
    }
  }

  /** {@code None}. */
  record NoneType() implements StaticType {
    @Override
    public Type type() {
      return Type.NONE;
    }
  }

  /** The method keyword {@code forward} or {@code central}. */
  record MethodType(boolean central) implements StaticType {
    @Override
    public Type type() {
      return Type.METHOD;
    }
  }

  /** A list or tuple of tensors (integers among them act as scalars), e.g. {@code [a, b]}. */
  record SequenceType(List<StaticType> items) implements StaticType {
    public SequenceType {
      items = List.copyOf(items);
    }

    @Override
    public Type type() {
      return Type.SEQUENCE;
    }
  }

  /** A tensor of the given shape. */
  static TensorType tensor(Shape shape) {
    return new TensorType(shape);
  }

  /** A tensor of unknown rank. */
  static TensorType anyTensor() {
    return new TensorType(Shape.unknown());
  }
}
