package io.github.gradproof.autograd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Einsum labels at the ends of the alphabet and beside an ellipsis, and the trace of an array of rank
 * three with an offset (found unpinned by mutation testing, docs/MUTANTS.md). Expected values are
 * NumPy's ({@code np.einsum}, {@code np.trace}), worked out by hand from the definitions.
 */
class EinsumAndTraceEdgesTest {

  private static Var arange(int... shape) {
    int n = 1;
    for (int d : shape) {
      n *= d;
    }
    return Var.constant(Tensor.arange(0, n, 1).withShape(shape));
  }

  @Test
  void anEllipsisBesideTheLastLowercaseLetterKeepsItsOwnAxes() {
    // np.einsum('...z->z...', y) for y of shape (2, 3, 4): out[z, a, b] = y[a, b, z] = 12a + 4b + z
    Tensor out = Ops.einsum("...z->z...", List.of(arange(2, 3, 4))).value();
    assertArrayEquals(new int[] {4, 2, 3}, out.shape());
    for (int z = 0; z < 4; z++) {
      for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 3; b++) {
          assertEquals(12 * a + 4 * b + z, out.get(z, a, b));
        }
      }
    }
  }

  @Test
  void uppercaseZIsItsOwnLabel() {
    // np.einsum('TZ->ZT', [[0, 1, 2], [3, 4, 5]]): the transpose
    assertEquals(Tensor.of(new double[] {0, 3, 1, 4, 2, 5}, 3, 2),
        Ops.einsum("TZ->ZT", List.of(arange(2, 3))).value());
  }

  @Test
  void aRepeatedLabelIsNamedInTheMessage() {
    assertEquals("einsum: subscript 'a' is repeated in operand 0 ('aa', shape (2, 3)) with different sizes 2 and 3",
        assertThrows(ShapeException.class, () -> Ops.einsum("aa", List.of(arange(2, 3)))).getMessage());
    assertEquals("einsum: subscript 'Z' is repeated in operand 0 ('ZZ', shape (2, 3)) with different sizes 2 and 3",
        assertThrows(ShapeException.class, () -> Ops.einsum("ZZ", List.of(arange(2, 3)))).getMessage());
    assertEquals("einsum: subscript 'A' is repeated in operand 0 ('AA', shape (2, 3)) with different sizes 2 and 3",
        assertThrows(ShapeException.class, () -> Ops.einsum("AA", List.of(arange(2, 3)))).getMessage());
  }

  @Test
  void theTraceOfRankThreeWithAnOffsetSumsTheRightDiagonal() {
    // x = arange(12).reshape(2, 3, 2); np.trace(x, offset=k) = sum over i of x[i, i + k, :]
    Var x = arange(2, 3, 2);
    assertEquals(Tensor.vector(12, 14), x.trace(1).value(), "x[0, 1] + x[1, 2]");
    assertEquals(Tensor.vector(4, 5), x.trace(2).value(), "x[0, 2]");
    assertEquals(Tensor.vector(6, 7), x.trace(-1).value(), "x[1, 0]");
    assertEquals(Tensor.vector(8, 10), x.trace(0).value(), "x[0, 0] + x[1, 1]");
    assertEquals(Tensor.vector(0, 0), x.trace(3).value(), "an empty diagonal");
  }

  @Test
  void theImplicitOutputKeepsALoneZ() {
    // np.einsum('za', x) for x = [[0, 1, 2], [3, 4, 5]]: implicit output 'az', the transpose
    assertEquals(Tensor.of(new double[] {0, 3, 1, 4, 2, 5}, 3, 2),
        Ops.einsum("za", List.of(arange(2, 3))).value());
  }

  @Test
  void twoArrowsAreRefusedEvenAtTheStart() {
    ShapeException e = assertThrows(ShapeException.class,
        () -> Ops.einsum("->->", List.of(Var.constant(Tensor.scalar(1)))));
    assertEquals(ShapeException.Kind.DOMAIN, e.kind());
    assertEquals("einsum: the subscripts '->->' contain more than one '->'", e.getMessage());
  }

  @Test
  void anExplicitOutputAfterAnArrowAtTheStartIsStillChecked() {
    // np.einsum('->i', 1.0) fails: 'i' names no axis of the scalar operand
    assertEquals("einsum: the output subscript 'i' does not appear in any operand's subscripts",
        assertThrows(ShapeException.class, () -> Ops.einsum("->i", List.of(Var.constant(Tensor.scalar(1)))))
            .getMessage());
    assertEquals(Tensor.scalar(2), Ops.einsum("->", List.of(Var.constant(Tensor.scalar(2)))).value());
  }
}
