package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins NumPy's behaviour. Expected values were worked out by hand from NumPy's documented rules
 * (for {@code x = np.arange(24).reshape(2, 3, 4)}, {@code x[i, j, k] = 12i + 4j + k}).
 */
class NumpyGoldenTest {

  private static Var arange24() {
    double[] v = new double[24];
    for (int i = 0; i < 24; i++) {
      v[i] = i;
    }
    return Var.constant(Tensor.of(v, 2, 3, 4));
  }

  private static int[] shape(String s) {
    String body = s.replaceAll("[()\\s]", "");
    if (body.isEmpty()) {
      return new int[0];
    }
    String[] parts = body.split(",");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "(3, 1); (1, 4); (3, 4)",
      "(4,); (2, 3, 4); (2, 3, 4)",
      "(8, 1, 6, 1); (7, 1, 5); (8, 7, 6, 5)",
      "(5, 4); (1,); (5, 4)",
      "(15, 3, 5); (15, 1, 5); (15, 3, 5)",
      "(); (3,); (3,)",
      "(1, 4); (3, 1); (3, 4)",
      "(2, 1, 3); (4, 1); (2, 4, 3)"})
  void broadcastResultShapes(String a, String b, String expected) {
    Var x = Var.constant(Tensor.ones(shape(a)));
    Var y = Var.constant(Tensor.ones(shape(b)));
    assertEquals(expected, x.add(y).value().shapeString());
    assertEquals(expected, y.mul(x).value().shapeString());
  }

  @ParameterizedTest(name = "{0} + {1} fails")
  @CsvSource(delimiter = ';', value = {"(4, 3); (5, 4)", "(3,); (4,)", "(2, 1); (8, 4, 3)"})
  void incompatibleBroadcastMessage(String a, String b) {
    Var x = Var.constant(Tensor.ones(shape(a)));
    Var y = Var.constant(Tensor.ones(shape(b)));
    ShapeException e = assertThrows(ShapeException.class, () -> x.sub(y));
    assertEquals(ShapeException.Kind.BROADCAST, e.kind());
    assertEquals("operands could not be broadcast together with shapes " + a + " " + b, e.getMessage());
  }

  @Test
  void sumWithNegativeAxes() {
    Var x = arange24();
    assertEquals(Tensor.matrix(new double[] {6, 22, 38}, new double[] {54, 70, 86}),
        x.sum(new int[] {-1}, false).value());
    assertEquals(Tensor.vector(60, 92, 124), x.sum(new int[] {0, -1}, false).value());
    assertEquals(Tensor.of(new double[] {60, 92, 124}, 1, 3, 1), x.sum(new int[] {0, -1}, true).value());
    assertEquals(Tensor.scalar(276), x.sum().value());
    assertEquals(x.value(), x.sum(new int[0], false).value());
  }

  @Test
  void maxAndMeanWithNegativeAxes() {
    Var x = arange24();
    assertEquals(Tensor.of(new double[] {8, 9, 10, 11, 20, 21, 22, 23}, 2, 4), x.max(new int[] {-2}, false).value());
    assertEquals(Tensor.of(new double[] {6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}, 3, 4),
        x.mean(new int[] {-3}, false).value());
    assertEquals(Tensor.scalar(11.5), x.mean().value());
    assertEquals(Tensor.of(new double[] {23}, 1, 1, 1), x.max(null, true).value());
    assertEquals(Double.NaN, Var.constant(Tensor.vector(1, Double.NaN, 3)).max(null, false).value().item());
  }

  @Test
  void axisOutOfBounds() {
    Var x = arange24();
    ShapeException e = assertThrows(ShapeException.class, () -> x.sum(new int[] {3}, false));
    assertEquals(ShapeException.Kind.AXIS, e.kind());
    assertEquals("axis 3 is out of bounds for array of dimension 3", e.getMessage());
    assertEquals("axis -4 is out of bounds for array of dimension 3",
        assertThrows(ShapeException.class, () -> x.max(new int[] {-4}, true)).getMessage());
    assertEquals("duplicate value in 'axis': (0, -3)",
        assertThrows(ShapeException.class, () -> x.mean(new int[] {0, -3}, true)).getMessage());
  }

  @Test
  void transposeOfRank3ReversesAxes() {
    Tensor t = arange24().T().value();
    assertEquals("(4, 3, 2)", t.shapeString());
    assertEquals(23, t.get(3, 2, 1));
    assertEquals(13, t.get(1, 0, 1));
    assertEquals(4, t.get(0, 1, 0));
    double[] first12 = java.util.Arrays.copyOf(t.toArray(), 12);
    assertArrayEquals(new double[] {0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21}, first12);
    assertEquals("(3, 2, 4)", arange24().transpose(1, 0, 2).value().shapeString());
    assertEquals("(4, 2, 3)", arange24().transpose(-1, 0, 1).value().shapeString());
    assertEquals(Tensor.scalar(5), Var.constant(Tensor.scalar(5)).T().value());
    assertEquals(Tensor.vector(1, 2), Var.constant(Tensor.vector(1, 2)).T().value());
  }

  @Test
  void transposeWithWrongAxes() {
    ShapeException e = assertThrows(ShapeException.class, () -> arange24().transpose(0, 1));
    assertEquals(ShapeException.Kind.AXIS, e.kind());
    assertEquals("transpose: axes (0, 1) don't match array of shape (2, 3, 4)", e.getMessage());
  }

  @ParameterizedTest(name = "reshape {0} -> {1}")
  @CsvSource(delimiter = ';', value = {
      "(-1, 6); (4, 6)", "(3, -1); (3, 8)", "(-1,); (24,)", "(2, -1, 3); (2, 4, 3)", "(24, 1, -1); (24, 1, 1)"})
  void reshapeWithMinusOne(String requested, String expected) {
    Tensor r = arange24().reshape(shape(requested)).value();
    assertEquals(expected, r.shapeString());
    assertEquals(17, r.toArray()[17]);
  }

  @Test
  void reshapeErrors() {
    Var m = Var.constant(Tensor.zeros(4, 3));
    ShapeException e = assertThrows(ShapeException.class, () -> m.reshape(3));
    assertEquals(ShapeException.Kind.RESHAPE, e.kind());
    assertEquals("cannot reshape (4, 3) (12 elements) into (3,)", e.getMessage());
    assertEquals("cannot reshape (2, 3, 4) (24 elements) into (5, -1)",
        assertThrows(ShapeException.class, () -> arange24().reshape(5, -1)).getMessage());
    assertEquals("cannot reshape (4, 3): can only specify one unknown dimension in (-1, -1)",
        assertThrows(ShapeException.class, () -> m.reshape(-1, -1)).getMessage());
  }

  @ParameterizedTest(name = "{0} @ {1} -> {2}")
  @CsvSource(delimiter = ';', value = {
      "(2, 3, 4); (4, 5); (2, 3, 5)", "(5,); (5, 3); (3,)", "(3, 4); (4,); (3,)", "(4,); (4,); ()",
      "(2, 1, 3, 4); (5, 4, 6); (2, 5, 3, 6)", "(4,); (2, 4, 3); (2, 3)", "(2, 3, 4); (4,); (2, 3)"})
  void matmulShapes(String a, String b, String expected) {
    Var x = Var.constant(Tensor.ones(shape(a)));
    Var y = Var.constant(Tensor.ones(shape(b)));
    Tensor r = x.matmul(y).value();
    assertEquals(expected, r.shapeString());
    int[] sa = shape(a);
    assertEquals(sa[sa.length - 1], r.toArray()[0], "every entry sums k ones");
  }

  @Test
  void matmulValuesAndPromotion() {
    Var a = Var.constant(Tensor.matrix(new double[] {1, 2}, new double[] {3, 4}));
    Var b = Var.constant(Tensor.matrix(new double[] {5, 6}, new double[] {7, 8}));
    assertEquals(Tensor.matrix(new double[] {19, 22}, new double[] {43, 50}), a.matmul(b).value());
    assertEquals(Tensor.vector(19, 22), Var.constant(Tensor.vector(1, 2)).matmul(b).value());
    assertEquals(Tensor.vector(17, 39), a.matmul(Var.constant(Tensor.vector(5, 6))).value());
    assertEquals(Tensor.scalar(32),
        Var.constant(Tensor.vector(1, 2, 3)).matmul(Var.constant(Tensor.vector(4, 5, 6))).value());
  }

  @Test
  void matmulErrors() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Var.constant(Tensor.ones(3, 5)).matmul(Var.constant(Tensor.ones(3, 4))));
    assertEquals(ShapeException.Kind.MATMUL, e.kind());
    assertEquals("matmul: inner dimensions differ: (3, 5) @ (3, 4)", e.getMessage());
    assertEquals("matmul: batch dimensions could not be broadcast together: (2, 3, 4) @ (3, 4, 5)",
        assertThrows(ShapeException.class,
            () -> Var.constant(Tensor.ones(2, 3, 4)).matmul(Var.constant(Tensor.ones(3, 4, 5)))).getMessage());
    assertEquals("matmul: scalar operands are not allowed: () @ (3,)",
        assertThrows(ShapeException.class,
            () -> Var.constant(Tensor.scalar(2)).matmul(Var.constant(Tensor.ones(3)))).getMessage());
    assertEquals("matmul: inner dimensions differ: (3,) @ (4,)",
        assertThrows(ShapeException.class,
            () -> Var.constant(Tensor.ones(3)).matmul(Var.constant(Tensor.ones(4)))).getMessage());
  }

  @Test
  void comparisonsBroadcastAndGiveConstants() {
    Var col = Var.constant(Tensor.of(new double[] {0, 1, 2}, 3, 1));
    Var row = Var.constant(Tensor.of(new double[] {0, 1, 2}, 1, 3));
    assertEquals(Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 1, 0}, new double[] {0, 0, 1}),
        col.eq(row).value());
    Var p = Var.parameter(Tensor.vector(1, 2, 3));
    Var two = Var.constant(Tensor.scalar(2));
    assertEquals(Tensor.vector(1, 0, 0), p.lt(two).value());
    assertEquals(Tensor.vector(0, 0, 1), p.gt(two).value());
    assertEquals(Tensor.vector(1, 1, 0), p.le(two).value());
    assertEquals(Tensor.vector(0, 1, 1), p.ge(two).value());
    assertEquals(false, p.ge(two).requiresGrad());
  }

  @Test
  void softmaxValuesAreStable() {
    Tensor expected = Tensor.vector(0.09003057317038046, 0.24472847105479764, 0.6652409557748219);
    double[] small = Var.constant(Tensor.vector(1, 2, 3)).softmax(-1).value().toArray();
    double[] large = Var.constant(Tensor.vector(1000, 1001, 1002)).softmax(0).value().toArray();
    assertArrayEquals(expected.toArray(), small, 2.3e-16, "within one ulp of NumPy's printed values");
    assertArrayEquals(small, large);
    double log2 = StrictMath.log(2);
    assertArrayEquals(new double[] {-log2, -log2},
        Var.constant(Tensor.vector(1000, 1000)).logSoftmax(-1).value().toArray());
  }

  @Test
  void crossEntropyAndOneHot() {
    Var zero = Var.constant(Tensor.zeros(2, 2));
    assertEquals(StrictMath.log(2), Var.crossEntropy(zero, Tensor.vector(0, 1)).value().item());
    assertEquals(Tensor.matrix(new double[] {1, 0, 0}, new double[] {0, 0, 1}, new double[] {0, 1, 0}),
        Var.oneHot(Tensor.vector(0, 2, 1), 3));
    assertEquals(Tensor.vector(0, 1, 0), Var.oneHot(Tensor.scalar(1), 3));
    assertEquals("(2, 2, 4)", Var.oneHot(Tensor.zeros(2, 2), 4).shapeString());
    ShapeException e = assertThrows(ShapeException.class, () -> Var.oneHot(Tensor.vector(3), 3));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals("one_hot: label 3.0 at flat index 0 of labels (1,) is not an integer in [0, 3)", e.getMessage());
    assertEquals("cross_entropy: expected logits (B, K) and labels (B,), got logits (2, 2) and labels (3,)",
        assertThrows(ShapeException.class, () -> Var.crossEntropy(zero, Tensor.zeros(3))).getMessage());
  }
}
