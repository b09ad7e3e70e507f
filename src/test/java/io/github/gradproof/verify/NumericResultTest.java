package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.quiz.Question;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A numeric question's result counts the draws replaced; a variant's trial knows its objective. */
class NumericResultTest {

  @TempDir Path tmp;

  private static Variant variant(int number, int draws) {
    return new Variant(number, Map.of(), number, Map.of(), draws, Double.NaN, Double.NaN, Map.of());
  }

  /** Draws of 1, 3 and 2: none, two and one replaced, three in all. */
  @Test
  void redrawsCountTheDrawsReplaced() {
    assertEquals(3, new NumericResult(List.of(variant(1, 1), variant(2, 3), variant(3, 2)), Set.of()).redraws());
    assertEquals(0, new NumericResult(List.of(variant(1, 1)), Set.of()).redraws());
  }

  @Test
  void aResultCopiesWhatItIsGiven() {
    List<Variant> variants = new ArrayList<>(List.of(variant(1, 1)));
    Set<String> checked = new LinkedHashSet<>(List.of("x", "w"));
    NumericResult r = new NumericResult(variants, checked);
    variants.add(variant(2, 1));
    checked.add("z");
    assertEquals(1, r.variants().size());
    assertEquals(List.of("x", "w"), List.copyOf(r.checked()));
    assertThrows(UnsupportedOperationException.class, () -> r.checked().add("z"));
  }

  @Test
  void aVariantsTrialKnowsItsObjective() throws IOException {
    Question q = NumericQuestions.numeric(tmp, "x: {shape: [3], dist: small_int}", "h = x * x;L = sum(h)", "L");
    CompiledQuestion cq = new CompiledQuestion(q);
    VariantTrial t = VariantTrial.draw(cq, cq.dimAssignments().get(0), Seeds.of(q.id(), 0));
    assertTrue(t.isObjective("L"));
    assertFalse(t.isObjective("h"));
    assertFalse(t.isObjective("x"));
    assertEquals(0, t.objectiveRank());
  }
}
