package io.github.gradproof.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The caret under a diagnostic's source line sits under the column in a terminal. */
class DiagnosticTest {

  private static String caretLine(String line, int column) {
    String formatted = new Diagnostic(new SourceLocation("f.yaml", 1, column), "m", line).format();
    return formatted.substring(formatted.lastIndexOf('\n') + 1);
  }

  @Test
  void asciiGetsOneSpacePerCharacter() {
    assertEquals("      ^", caretLine("abcdef", 3));
  }

  @Test
  void aTabIsRepeatedSoTheCaretFollowsIt() {
    assertEquals("    \t\t^", caretLine("\t\tx = $", 3));
  }

  @Test
  void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
    assertEquals("    " + "    " + " " + "^", caretLine("😀😀 $", 4), "two emoji, one space");
    assertEquals("    " + " " + "^", caretLine("e\u0301x$", 3), "e + combining acute (one column), then x");
    assertEquals("    " + "  " + "^", caretLine("é $", 3), "é is one column");
  }
}
