package io.github.gradproof.autograd;

/**
 * The gradient table of the tangent and the inverse circular functions, with PyTorch's rules:
 * {@code tan}'s slope is {@code 1 + tan²}, {@code arcsin}'s and {@code arccos}'s {@code ±1/sqrt(1 - x²)}
 * (infinite at ±1, NaN outside [-1, 1], where the values are NaN too), {@code arctan}'s
 * {@code 1/(1 + x²)}, and {@code arctan2(y, x)} sends {@code x/(x² + y²)} to y and {@code -y/(x² + y²)}
 * to x (NaN at the origin, as PyTorch's {@code 0 · inf}).
 */
final class TrigOps {

  private TrigOps() {}

  static final Primitive<Void> TAN = PointwiseOps.smooth("tan", StrictMath::tan, (x, y) -> 1 + y * y);
  static final Primitive<Void> ARCTAN = PointwiseOps.smooth("arctan", StrictMath::atan, (x, y) -> 1 / (x * x + 1));
  static final Primitive<Void> ARCSIN = PointwiseOps.smooth("arcsin", StrictMath::asin,
      (x, y) -> 1 / StrictMath.sqrt(1 - x * x));
  static final Primitive<Void> ARCCOS = PointwiseOps.smooth("arccos", StrictMath::acos,
      (x, y) -> -1 / StrictMath.sqrt(1 - x * x));

  /** NumPy's arctan2(y, x), the angle of the point (x, y) in (-π, π], IEEE's signed zeros included. */
  static final Primitive<Void> ARCTAN2 = Primitive.of("arctan2",
      (x, p) -> Elementwise.zip(x[0], x[1], StrictMath::atan2),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (b, a) -> a * (1 / (a * a + b * b)))),
      (g, y, x, p) -> Elementwise.mul(g, Elementwise.zip(x[0], x[1], (b, a) -> -b * (1 / (a * a + b * b)))));
}
