package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every differentiable op's gradient against central differences over the shapes and pairs. */
class OpGradientTest {

  static final int[][] SHAPES = {{}, {4}, {3, 4}, {1, 4}, {2, 3, 4}, {3, 1}};

  record Unary(String name, boolean positiveInput, int minRank, UnaryOperator<Var> op) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Unary> UNARY = List.of(
      new Unary("neg", false, 0, Var::neg),
      new Unary("pow(2)", false, 0, x -> x.pow(2)),
      new Unary("pow(3)", false, 0, x -> x.pow(3)),
      new Unary("pow(-1.5)", true, 0, x -> x.pow(-1.5)),
      new Unary("exp", false, 0, Var::exp),
      new Unary("log", true, 0, Var::log),
      new Unary("tanh", false, 0, Var::tanh),
      new Unary("sigmoid", false, 0, Var::sigmoid),
      new Unary("relu", false, 0, Var::relu),
      new Unary("sqrt", true, 0, Var::sqrt),
      new Unary("abs", false, 0, Var::abs),
      new Unary("sum()", false, 0, Var::sum),
      new Unary("sum(-1, keepdims)", false, 1, x -> x.sum(new int[] {-1}, true)),
      new Unary("sum(0)", false, 1, x -> x.sum(new int[] {0}, false)),
      new Unary("mean()", false, 0, Var::mean),
      new Unary("mean(-1)", false, 1, x -> x.mean(new int[] {-1}, false)),
      new Unary("max()", false, 0, x -> x.max(null, false)),
      new Unary("max(-1, keepdims)", false, 1, x -> x.max(new int[] {-1}, true)),
      new Unary("max(0)", false, 1, x -> x.max(new int[] {0}, false)),
      new Unary("softmax(-1)", false, 1, x -> x.softmax(-1)),
      new Unary("softmax(0)", false, 1, x -> x.softmax(0)),
      new Unary("logSoftmax(-1)", false, 1, x -> x.logSoftmax(-1)),
      new Unary("logSoftmax(0)", false, 1, x -> x.logSoftmax(0)),
      new Unary("reshape(-1)", false, 0, x -> x.reshape(-1)),
      new Unary("T", false, 0, Var::T),
      new Unary("transpose(rolled)", false, 0, x -> x.transpose(rolled(x.value().rank()))),
      new Unary("composite tanh(x)*exp(x/2)", false, 0,
          x -> x.tanh().mul(x.div(Var.constant(Tensor.scalar(2))).exp())));

  static int[] rolled(int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = (i + 1) % rank;
    }
    return axes;
  }

  static List<Arguments> unaryCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Unary op : UNARY) {
      for (int[] shape : SHAPES) {
        if (shape.length >= op.minRank()) {
          cases.add(Arguments.of(op, Tensor.shapeString(shape), shape));
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("unaryCases")
  void unaryGradients(Unary op, String label, int[] shape) {
    Rng rng = new Rng(7);
    Tensor x = op.positiveInput() ? rng.positive(shape) : rng.normal(shape);
    GradAssert.assertGradients(v -> op.op().apply(v[0]), x);
  }

  record Binary(String name, boolean positiveRight, java.util.function.BinaryOperator<Var> op) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Binary> BINARY = List.of(
      new Binary("add", false, Var::add),
      new Binary("sub", false, Var::sub),
      new Binary("mul", false, Var::mul),
      new Binary("div", true, Var::div));

  /** Broadcast compatibility by the textbook rule, computed independently of the engine. */
  static int[] expectedBroadcast(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 1; i <= rank; i++) {
      int da = a.length - i >= 0 ? a[a.length - i] : 1;
      int db = b.length - i >= 0 ? b[b.length - i] : 1;
      if (da != db && da != 1 && db != 1) {
        return null;
      }
      out[rank - i] = Math.max(da, db);
    }
    return out;
  }

  static List<Arguments> binaryCases() {
    List<Arguments> cases = new ArrayList<>();
    for (Binary op : BINARY) {
      for (int[] a : SHAPES) {
        for (int[] b : SHAPES) {
          if (expectedBroadcast(a, b) != null) {
            cases.add(Arguments.of(op, Tensor.shapeString(a) + " with " + Tensor.shapeString(b), a, b));
          }
        }
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("binaryCases")
  void binaryGradients(Binary op, String label, int[] a, int[] b) {
    Rng rng = new Rng(11);
    Tensor x = rng.normal(a);
    Tensor y = op.positiveRight() ? rng.positive(b) : rng.normal(b);
    Var result = op.op().apply(Var.constant(x), Var.constant(y));
    assertArrayEquals(expectedBroadcast(a, b), result.value().shape());
    GradAssert.assertGradients(v -> op.op().apply(v[0], v[1]), x, y);
  }

  static List<Arguments> matmulCases() {
    int[][][] pairs = {
        {{2, 3, 4}, {4, 5}}, {{5}, {5, 3}}, {{3, 4}, {4}}, {{4}, {4}}, {{3, 4}, {4, 5}},
        {{4, 5}, {2, 5, 3}}, {{2, 1, 3, 4}, {5, 4, 2}}, {{1, 4}, {4, 1}}, {{2, 3, 4}, {4}},
        {{4}, {2, 4, 3}}};
    List<Arguments> cases = new ArrayList<>();
    for (int[][] p : pairs) {
      cases.add(Arguments.of(Tensor.shapeString(p[0]) + " @ " + Tensor.shapeString(p[1]), p[0], p[1]));
    }
    return cases;
  }

  @ParameterizedTest(name = "matmul {0}")
  @MethodSource("matmulCases")
  void matmulGradients(String label, int[] a, int[] b) {
    Rng rng = new Rng(13);
    GradAssert.assertGradients(v -> v[0].matmul(v[1]), rng.normal(a), rng.normal(b));
  }

  @ParameterizedTest(name = "cross entropy on ({0}, {1})")
  @MethodSource("crossEntropyShapes")
  void crossEntropyGradient(int batch, int classes) {
    Rng rng = new Rng(17);
    Tensor labels = rng.labels(classes, batch);
    GradAssert.assertGradients(v -> Var.crossEntropy(v[0], labels), rng.normal(batch, classes));
  }

  static List<Arguments> crossEntropyShapes() {
    return List.of(Arguments.of(1, 1), Arguments.of(4, 3), Arguments.of(6, 3), Arguments.of(3, 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("composites")
  void compositeGradients(String label, Function<Var[], Var> fn, Tensor[] inputs) {
    GradAssert.assertGradients(fn, inputs);
  }

  static List<Arguments> composites() {
    Rng rng = new Rng(19);
    return List.of(
        Arguments.of("two-layer net", (Function<Var[], Var>) v ->
                Var.crossEntropy(v[0].matmul(v[1]).add(v[2]).relu().matmul(v[3]), Tensor.vector(0, 2, 1, 1, 0)),
            new Tensor[] {rng.normal(5, 4), rng.normal(4, 6), rng.normal(6), rng.normal(6, 3)}),
        Arguments.of("layer norm", (Function<Var[], Var>) v -> {
          Var centered = v[0].sub(v[0].mean(new int[] {-1}, true));
          Var var = centered.pow(2).mean(new int[] {-1}, true);
          return centered.div(var.add(Var.constant(Tensor.scalar(1e-5))).sqrt());
        }, new Tensor[] {rng.normal(3, 5)}),
        Arguments.of("attention scores", (Function<Var[], Var>) v ->
                v[0].matmul(v[1].transpose(0, 2, 1)).softmax(-1).matmul(v[1]),
            new Tensor[] {rng.normal(2, 3, 4), rng.normal(2, 5, 4)}),
        Arguments.of("same input twice", (Function<Var[], Var>) v -> v[0].mul(v[0]).add(v[0].exp()),
            new Tensor[] {rng.normal(3, 4)}));
  }
}
