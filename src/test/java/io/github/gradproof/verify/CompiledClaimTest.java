package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.gradproof.quiz.Question;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link CompiledClaim} as a map key (the tallies of a question): its cheap hash must agree with the
 * record's equality, and claims of the same text at different places must stay different keys.
 */
class CompiledClaimTest {

  private static final Question QUESTION = TestQuestions.free("q-keys",
      TestQuestions.setup("N=3", "x[N]", "L = sum(x * x)"), "dx == 2 * x", "dx == 2 * x", "L == sum(x ** 2)");

  @Test
  void equalClaimsHashAlike() {
    for (CompiledClaim c : new CompiledQuestion(QUESTION).allClaims()) {
      CompiledClaim copy = new CompiledClaim(c.text(), c.line(), Set.copyOf(c.differentiated()), c.facts(),
          c.constrains());
      assertEquals(c, copy);
      assertEquals(c.hashCode(), copy.hashCode());
    }
  }

  @Test
  void theSameTextInTwoPlacesIsTwoKeys() {
    List<CompiledClaim> claims = new CompiledQuestion(QUESTION).allClaims();
    assertEquals(claims.get(0).line(), claims.get(1).line());
    assertNotEquals(claims.get(0), claims.get(1));
    Set<CompiledClaim> keys = new HashSet<>(claims);
    assertEquals(3, keys.size());
  }
}
