package io.github.gradproof.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PluralTest {

  @Test
  void oneIsSingularAndEveryOtherCountPlural() {
    assertEquals("0 phases", Plural.count(0, "phase"));
    assertEquals("1 phase", Plural.count(1, "phase"));
    assertEquals("2 phases", Plural.count(2, "phase"));
    assertEquals("11 phases", Plural.count(11, "phase"));
    assertEquals("21 problems", Plural.count(21, "problem"));
  }

  @Test
  void irregularPluralsAreGiven() {
    assertEquals("1 axis", Plural.count(1, "axis", "axes"));
    assertEquals("3 axes", Plural.count(3, "axis", "axes"));
    assertEquals("1 index", Plural.count(1, "index", "indices"));
    assertEquals("0 indices", Plural.count(0, "index", "indices"));
    assertEquals("axis", Plural.noun(1, "axis", "axes"));
    assertEquals("axes", Plural.noun(2, "axis", "axes"));
  }

  @Test
  void nounsWhosePluralIsNotAPlainSMustGiveIt() {
    for (String noun : new String[] {"axis", "index", "match", "entry", "class", "mesh", "quiz", ""}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plural.count(2, noun));
      assertEquals("the plural of '" + noun + "' is not '" + noun + "s'; give it with count(n, singular, plural)",
          e.getMessage());
    }
    assertEquals("2 days", Plural.count(2, "day"));
    assertEquals("2 input channels", Plural.count(2, "input channel"));
  }
}
