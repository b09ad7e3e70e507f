package io.github.gradproof.autograd;

import java.util.function.DoubleBinaryOperator;
import java.util.function.UnaryOperator;

/** Forward values and gradient rules of the elementwise operations behind {@link Var}. */
final class PointwiseOps {

  private PointwiseOps() {}

  /** A broadcasting binary op; each gradient rule maps the output gradient to the broadcast shape. */
  static Var binary(Var a, Var b, DoubleBinaryOperator f, UnaryOperator<Tensor> gradA,
      UnaryOperator<Tensor> gradB) {
    Tensor out = Elementwise.zip(a.value(), b.value(), f);
    return Var.result(out, new Var[] {a, b}, g -> {
      if (a.requiresGrad()) {
        Var.pushTo(a, gradA.apply(g));
      }
      if (b.requiresGrad()) {
        Var.pushTo(b, gradB.apply(g));
      }
    });
  }

  /** A one-operand op with its precomputed value and the rule mapping the output gradient to x's. */
  static Var unary(Var x, Tensor out, UnaryOperator<Tensor> gradIn) {
    return Var.result(out, new Var[] {x}, g -> Var.pushTo(x, gradIn.apply(g)));
  }

  static Var add(Var a, Var b) {
    return binary(a, b, Double::sum, g -> g, g -> g);
  }

  static Var mul(Var a, Var b) {
    return binary(a, b, (x, y) -> x * y, g -> Elementwise.mul(g, b.value()), g -> Elementwise.mul(g, a.value()));
  }

  static Var div(Var a, Var b) {
    return binary(a, b, (x, y) -> x / y, g -> Elementwise.div(g, b.value()),
        g -> Elementwise.zip(Elementwise.mul(g, a.value()), b.value(), (ga, y) -> -ga / (y * y)));
  }

  static Var neg(Var x) {
    return unary(x, Elementwise.map(x.value(), v -> -v), g -> Elementwise.map(g, v -> -v));
  }

  static Var pow(Var x, double p) {
    Tensor out = Elementwise.map(x.value(), v -> StrictMath.pow(v, p));
    if (p == 0) {
      return unary(x, out, g -> Elementwise.map(g, v -> 0.0));
    }
    return unary(x, out,
        g -> Elementwise.mul(g, Elementwise.map(x.value(), v -> p * StrictMath.pow(v, p - 1))));
  }

  static Var exp(Var x) {
    Tensor out = Elementwise.map(x.value(), StrictMath::exp);
    return unary(x, out, g -> Elementwise.mul(g, out));
  }

  static Var log(Var x) {
    return unary(x, Elementwise.map(x.value(), StrictMath::log), g -> Elementwise.div(g, x.value()));
  }

  static Var tanh(Var x) {
    Tensor out = Elementwise.map(x.value(), StrictMath::tanh);
    return unary(x, out, g -> Elementwise.zip(g, out, (gv, y) -> gv * (1 - y * y)));
  }

  static Var sigmoid(Var x) {
    Tensor out = Elementwise.map(x.value(), PointwiseOps::logistic);
    return unary(x, out, g -> Elementwise.zip(g, out, (gv, y) -> gv * y * (1 - y)));
  }

  /** {@code 1 / (1 + e^-x)} without overflow for large negative x. */
  private static double logistic(double x) {
    if (x >= 0) {
      return 1 / (1 + StrictMath.exp(-x));
    }
    double e = StrictMath.exp(x);
    return e / (1 + e);
  }

  static Var relu(Var x) {
    Var.kinks(x).signs(x.value());
    return unary(x, Elementwise.map(x.value(), v -> v > 0 ? v : 0.0),
        g -> Elementwise.zip(g, x.value(), (gv, v) -> v > 0 ? gv : 0.0));
  }

  static Var sqrt(Var x) {
    Tensor out = Elementwise.map(x.value(), StrictMath::sqrt);
    return unary(x, out, g -> Elementwise.zip(g, out, (gv, y) -> gv * 0.5 / y));
  }

  static Var abs(Var x) {
    Var.kinks(x).signs(x.value());
    return unary(x, Elementwise.map(x.value(), Math::abs),
        g -> Elementwise.zip(g, x.value(), (gv, v) -> v > 0 ? gv : v < 0 ? -gv : 0.0));
  }

  /** Elementwise test of a comparison. */
  interface Comparison {
    boolean holds(double a, double b);
  }

  /** A 0/1 constant; its branches are recorded for the gradient check (a jump is a kink). */
  static Var compare(Var a, Var b, Comparison c) {
    Tensor out = Elementwise.zip(a.value(), b.value(), (x, y) -> c.holds(x, y) ? 1.0 : 0.0);
    Var.kinks(a, b).mask(out);
    return Var.constantOf(out, a, b);
  }
}
