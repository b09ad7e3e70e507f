package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A call's bound arguments: what was written, and where an error about an argument points. */
class StaticArgsTest {

  private static StaticArgs sumArgs(String src) {
    Expr.Call call = (Expr.Call) ((Line.Definition) Parser.forwardLine("out = " + src)).value();
    Function sum = Functions.named("sum");
    return new StaticArgs(sum, new StaticType[sum.params().size()], sum.bind(call), call.pos());
  }

  @Test
  void givenTellsWrittenArgumentsFromDefaults() {
    StaticArgs a = sumArgs("sum(x, keepdims=True)");
    assertTrue(a.given("a"));
    assertFalse(a.given("axis"));
    assertTrue(a.given("keepdims"));
  }

  /** An error about a written argument points at it; about a default, at the call. */
  @Test
  void anArgumentErrorPointsAtTheArgumentOrTheCall() {
    StaticArgs a = sumArgs("sum(x, 1)");
    ClaimSyntaxException written = a.fail("axis", "bad axis");
    assertEquals("sum(): bad axis", written.getMessage());
    assertEquals(13, written.offset(), "the '1' in 'out = sum(x, 1)'");
    assertEquals(6, a.fail("keepdims", "bad").offset(), "the call");
  }
}
