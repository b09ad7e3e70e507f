package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.CompareOp;
import io.github.gradproof.claim.Operand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a value or comparison reason takes part in equality and hash; their indices are copies. */
class ReasonValueTest {

  private static Argument element(double v) {
    return new Argument(null, null, new Operand.Element(v));
  }

  @Test
  void everyFieldOfAValueMismatchCounts() {
    Reason.ValueMismatch a = new Reason.ValueMismatch("dA", new int[] {1}, 1.0, 2.0, Map.of("N", 3));
    assertEquals(a.hashCode(), new Reason.ValueMismatch("dA", new int[] {1}, 1.0, 2.0, Map.of("N", 3)).hashCode());
    for (Reason.ValueMismatch other : List.of(
        new Reason.ValueMismatch("dB", new int[] {1}, 1.0, 2.0, Map.of("N", 3)),
        new Reason.ValueMismatch("dA", new int[] {0}, 1.0, 2.0, Map.of("N", 3)),
        new Reason.ValueMismatch("dA", new int[] {1}, 1.5, 2.0, Map.of("N", 3)),
        new Reason.ValueMismatch("dA", new int[] {1}, 1.0, 2.5, Map.of("N", 3)),
        new Reason.ValueMismatch("dA", new int[] {1}, 1.0, 2.0, Map.of("N", 4)))) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
    assertEquals("ValueMismatch[gradient=dA, index=[1], claimed=1.0, expected=2.0, dims={N=3}]", a.toString());
    assertEquals(1.0, a.difference());
  }

  @Test
  void everyFieldOfAFailedComparisonCounts() {
    Reason.ComparisonFails a = new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), new int[] {0, 1},
        Map.of("N", 3));
    assertEquals(a, new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), new int[] {0, 1},
        Map.of("N", 3)));
    assertEquals(a.hashCode(), new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), new int[] {0, 1},
        Map.of("N", 3)).hashCode());
    for (Reason.ComparisonFails other : List.of(
        new Reason.ComparisonFails(CompareOp.LE, element(2), element(1), new int[] {0, 1}, Map.of("N", 3)),
        new Reason.ComparisonFails(CompareOp.LT, element(3), element(1), new int[] {0, 1}, Map.of("N", 3)),
        new Reason.ComparisonFails(CompareOp.LT, element(2), element(0), new int[] {0, 1}, Map.of("N", 3)),
        new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), new int[] {1, 0}, Map.of("N", 3)),
        new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), new int[] {0, 1}, Map.of("N", 4)))) {
      assertNotEquals(a, other, other.toString());
      assertNotEquals(a.hashCode(), other.hashCode(), other.toString());
    }
    int[] index = {0, 1};
    Reason.ComparisonFails b = new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), index, Map.of());
    index[0] = 7;
    b.index()[1] = 7;
    assertArrayEquals(new int[] {0, 1}, b.index());
    assertNull(new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), null, Map.of()).index());
    assertEquals("ComparisonFails[op=LT, left=" + element(2) + ", right=" + element(1) + ", index=[0, 1], dims={}]",
        b.toString());
  }

  /** A claim that is not general fails the way it failed where it did; kinds have lower-case keys. */
  @Test
  void aReasonThatIsNotGeneralHasItsFailuresKind() {
    Reason failure = new Reason.ComparisonFails(CompareOp.LT, element(2), element(1), null, Map.of("N", 4));
    assertEquals(Reason.Kind.COMPARISON, new Reason.NotGeneral(List.of(Map.of("N", 3)), failure).kind());
    assertEquals("comparison", Reason.Kind.COMPARISON.key());
    assertEquals("broadcast", Reason.Kind.BROADCAST.key());
  }
}
