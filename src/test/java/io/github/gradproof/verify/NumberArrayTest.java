package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A numeric variant's input values: equal by shape and numbers, immutable, checked against its shape. */
class NumberArrayTest {

  @Test
  void arraysAreEqualByShapeAndEveryNumber() {
    NumberArray a = new NumberArray(new int[] {2, 1}, new double[] {1, 2});
    assertEquals(a, new NumberArray(new int[] {2, 1}, new double[] {1, 2}));
    assertEquals(a.hashCode(), new NumberArray(new int[] {2, 1}, new double[] {1, 2}).hashCode());
    assertNotEquals(a, new NumberArray(new int[] {1, 2}, new double[] {1, 2}));
    assertNotEquals(a, new NumberArray(new int[] {2, 1}, new double[] {1, 3}));
    assertNotEquals(a, "[2, 1][1.0, 2.0]");
    assertEquals("[2, 1][1.0, 2.0]", a.toString());
    assertEquals("[][7.5]", new NumberArray(new int[0], new double[] {7.5}).toString());
  }

  /** The hash mixes shape and values, so transposed shapes of the same numbers hash apart. */
  @Test
  void theHashCombinesShapeAndValues() {
    assertEquals(31 * java.util.Arrays.hashCode(new int[] {2, 1}) + java.util.Arrays.hashCode(new double[] {1, 2}),
        new NumberArray(new int[] {2, 1}, new double[] {1, 2}).hashCode());
  }

  @Test
  void anArrayCopiesWhatItIsGivenAndWhatItGives() {
    int[] shape = {2};
    double[] values = {1, 2};
    NumberArray a = new NumberArray(shape, values);
    shape[0] = 9;
    values[0] = 9;
    a.shape()[0] = 8;
    a.toArray()[0] = 8;
    assertArrayEquals(new int[] {2}, a.shape());
    assertArrayEquals(new double[] {1, 2}, a.toArray());
  }

  @Test
  void theShapeMustHoldExactlyTheValues() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new NumberArray(new int[] {2, 2}, new double[] {1, 2, 3}));
    assertEquals("a shape of 4 elements holds 3 values", e.getMessage());
  }
}
