package io.github.gradproof.claim;

/**
 * What a function parameter accepts, checked before anything runs. Integers are accepted wherever
 * a tensor is (they act as scalars), as in NumPy.
 */
public enum ParamType {
  /** An array: a tensor or an integer. */
  TENSOR("a tensor"),
  /** An array, or {@code None} for "absent" (a bias, a clip bound). */
  TENSOR_OR_NONE("a tensor or None"),
  /** A Python number: an integer or a scalar (rank-0) tensor such as {@code 0.2}. */
  NUMBER("a number"),
  /** An integer (a dim, a literal, an integer expression). */
  INTEGER("an integer"),
  /** An integer, or {@code None}. */
  INTEGER_OR_NONE("an integer or None"),
  /** NumPy's {@code axis}: an integer, a tuple of integers, or {@code None} for every axis. */
  AXES("an integer, a tuple of integers or None"),
  /** A shape: an integer or a tuple of integers. */
  SHAPE("an integer or a shape tuple"),
  /** PyTorch's size argument of a 2-D operation: an integer (used for both axes) or a pair. */
  PAIR("an integer or a pair of integers"),
  /** A pair as {@link #PAIR}, or {@code None}. */
  PAIR_OR_NONE("an integer, a pair of integers or None"),
  /** {@code True} or {@code False}. */
  BOOL("True or False"),
  /** A string literal. */
  STRING("a string"),
  /** A norm's order: a number ({@code inf} included), a string ({@code 'fro'}) or {@code None}. */
  ORDER("a number, a string or None"),
  /** tensordot's {@code axes}: an integer, or a pair of integers or of integer sequences. */
  CONTRACTION("an integer or a pair (axes of a, axes of b)"),
  /** A list or tuple of tensors. */
  TENSORS("a list or tuple of tensors"),
  /** The finite-difference method keyword {@code forward} or {@code central}. */
  METHOD("the method 'forward' or 'central'");

  private final String description;

  ParamType(String description) {
    this.description = description;
  }

  /** How the expected argument reads in an error message. */
  public String description() {
    return description;
  }

  /** Whether an argument of static type {@code t} fits (not used for {@link #METHOD}). */
  boolean accepts(StaticType t) {
    Type k = t.type();
    return switch (this) {
      case TENSOR -> k.isNumeric();
      case TENSOR_OR_NONE -> k.isNumeric() || k == Type.NONE;
      case NUMBER -> k == Type.INT || t instanceof StaticType.TensorType x && x.shape().isScalar();
      case INTEGER -> k == Type.INT;
      case INTEGER_OR_NONE -> k == Type.INT || k == Type.NONE;
      case AXES -> k == Type.INT || k == Type.SHAPE || k == Type.NONE;
      case SHAPE -> k == Type.INT || k == Type.SHAPE;
      case PAIR -> k == Type.INT || isPair(t);
      case PAIR_OR_NONE -> k == Type.INT || k == Type.NONE || isPair(t);
      case BOOL -> k == Type.BOOL;
      case STRING -> k == Type.STRING;
      case ORDER -> k == Type.NONE || k == Type.STRING || NUMBER.accepts(t);
      case CONTRACTION -> k == Type.INT || k == Type.SHAPE || k == Type.SEQUENCE;
      case TENSORS -> k == Type.SEQUENCE || k == Type.SHAPE;
      case METHOD -> k == Type.METHOD;
    };
  }

  private static boolean isPair(StaticType t) {
    return t instanceof StaticType.ShapeType s && s.value().rank() == 2;
  }
}
