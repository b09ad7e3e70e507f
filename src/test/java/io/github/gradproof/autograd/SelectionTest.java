package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ops that select their upstream gradient (relu, sign, maximum, minimum, clip, where) give a zero,
 * never {@code inf · 0 = NaN}, where they discard an infinite or NaN upstream, as PyTorch does; and for a
 * finite upstream they give exactly what the product {@code g · share} gave, down to the sign of a zero.
 * (The PyTorch values of whole expressions are in the golden fixture {@code sqrt_after_selection}.)
 */
class SelectionTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  private static Var c(double... v) {
    return Var.constant(Tensor.vector(v));
  }

  /** Each op at {@code x = (-1, 2)}: element 0 is discarded, element 1 kept with share 1. */
  static List<Arguments> selections() {
    List<Arguments> all = new ArrayList<>(products());
    all.add(Arguments.of("where", (UnaryOperator<Var>) x -> Ops.where(x.gt(c(0)), x, c(0, 0))));
    return all;
  }

  /** The ops whose rule was the product {@code g · share} (where always gave {@code +0.0}, as PyTorch). */
  static List<Arguments> products() {
    return List.of(
        Arguments.of("relu", (UnaryOperator<Var>) Var::relu),
        Arguments.of("maximum", (UnaryOperator<Var>) x -> x.maximum(c(0, 0))),
        Arguments.of("minimum", (UnaryOperator<Var>) x -> x.minimum(c(-5, 5))),
        Arguments.of("clip", (UnaryOperator<Var>) x -> x.clip(c(0), c(5))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  void aDiscardedInfiniteOrNanUpstreamGivesZero(String name, UnaryOperator<Var> op) {
    assertArrayEquals(new double[] {0, INF}, gradient(op, INF, INF), name);
    assertArrayEquals(new double[] {0, -INF}, gradient(op, Double.NaN, -INF), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("products")
  void aFiniteUpstreamGivesWhatTheProductGave(String name, UnaryOperator<Var> op) {
    double[] g = gradient(op, -3, -0.5);
    assertArrayEquals(new long[] {bits(-3 * 0.0), bits(-0.5)}, new long[] {bits(g[0]), bits(g[1])},
        name + ": " + Arrays.toString(g));
  }

  @Test
  void signDiscardsEveryUpstream() {
    assertArrayEquals(new double[] {0, 0}, gradient(Var::sign, INF, Double.NaN));
  }

  private static double[] gradient(UnaryOperator<Var> op, double g0, double g1) {
    Var x = Var.parameter(Tensor.vector(-1, 2));
    return op.apply(x).backward(Tensor.vector(g0, g1)).of(x).toArray();
  }

  private static long bits(double v) {
    return Double.doubleToRawLongBits(v);
  }
}
