package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The static shape rules called directly: an operand of unknown rank gives {@link Shape#unknown()}
 * (the class's contract), never {@code null}. Through the checker most rules run inside
 * {@link StaticArgs#guard}, which would hide a {@code null}; the operators ({@code +}, {@code @})
 * call them unguarded, so each rule keeps the contract itself.
 */
class ShapeRulesTest {

  private static final Shape UNKNOWN = Shape.unknown();
  private static final Shape MK = Shape.of(Dim.symbol("M"), Dim.symbol("K"));

  @Test
  void anOperandOfUnknownRankGivesAnUnknownShape() {
    assertEquals(UNKNOWN, ShapeRules.broadcast(MK, UNKNOWN), "broadcast");
    assertEquals(UNKNOWN, ShapeRules.dot(MK, UNKNOWN), "dot");
    assertEquals(UNKNOWN, ShapeRules.reduce(UNKNOWN, new int[] {0}, false), "reduce");
    assertEquals(UNKNOWN, ShapeRules.reshape(MK, UNKNOWN), "reshape to an unknown shape");
    assertEquals(UNKNOWN, ShapeRules.expandDims(UNKNOWN, new int[] {0}), "expand_dims");
    assertEquals(UNKNOWN, ShapeRules.squeeze(UNKNOWN, null), "squeeze");
    assertEquals(UNKNOWN, ShapeRules.concatenate(List.of(MK, UNKNOWN), 0), "concatenate");
    assertEquals(UNKNOWN, ShapeRules.stack(List.of(UNKNOWN, UNKNOWN), 0), "stack");
    assertEquals(UNKNOWN, ShapeRules.stack(List.of(MK, Shape.of(Dim.symbol("M"))), 0), "stack of different shapes");
    assertEquals(UNKNOWN, ShapeRules.transpose(UNKNOWN, null), "transpose");
  }
}
