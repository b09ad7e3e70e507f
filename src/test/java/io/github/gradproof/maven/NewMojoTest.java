package io.github.gradproof.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** {@code site:new} says which of its parameters is missing and how to give them. */
class NewMojoTest {

  @Test
  void withoutParametersBothAreNamedWithAnExample() {
    String expected = "site:new needs -Dgradproof.phase (the new phase's number) and -Dgradproof.slug (its name"
        + " in the file name: lower-case letters, digits and dashes), e.g. mvn site:new -Dgradproof.phase=9"
        + " -Dgradproof.slug=optimizers writes phase-09-optimizers.yaml";
    assertEquals(expected, NewMojo.problem(null, null));
    assertEquals(expected, NewMojo.problem(" ", ""));
  }

  @Test
  void oneMissingParameterIsNamedAlone() {
    assertEquals("site:new needs -Dgradproof.slug (its name in the file name: lower-case letters, digits and"
        + " dashes), e.g. mvn site:new -Dgradproof.phase=9 -Dgradproof.slug=optimizers writes"
        + " phase-09-optimizers.yaml", NewMojo.problem("9", null));
    assertEquals("site:new needs -Dgradproof.phase (the new phase's number), e.g. mvn site:new"
        + " -Dgradproof.phase=9 -Dgradproof.slug=optimizers writes phase-09-optimizers.yaml",
        NewMojo.problem(null, "optimizers"));
  }

  @Test
  void aPhaseThatIsNotANumberIsRefused() {
    for (String phase : new String[] {"nine", "-1", "9.5", "1234567890"}) {
      assertEquals("-Dgradproof.phase must be a number from 0 to 9999, e.g. mvn site:new -Dgradproof.phase=9"
          + " -Dgradproof.slug=optimizers; found '" + phase + "'", NewMojo.problem(phase, "optimizers"), phase);
    }
  }

  @Test
  void givenParametersPass() {
    assertNull(NewMojo.problem("9", "optimizers"));
    assertNull(NewMojo.problem(" 12 ", "x"));
  }
}
