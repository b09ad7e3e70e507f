package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Number literals follow Python's grammar (PEP 515 for underscores) exactly: an underscore groups
 * digits, one at a time, between two digits of the integer part, the fraction or the exponent; an
 * integer has no leading zeros, a float may; {@code 1.e5} is a float. The
 * accepted literals and their values are Python's ({@code python3 -c "print(repr(1e1_0))"}); each
 * refused one is a SyntaxError in Python, reported here at the column of the misplaced underscore.
 * The values of underscored literals inside expressions are also in the golden expressions fixture,
 * where Python parses the reference's own literals.
 */
class NumberLiteralsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1_000          | 1000.0         | true",
      "1_000.5        | 1000.5         | false",
      "1e1_0          | 1.0E10         | false",
      "0_0            | 0.0            | true",
      ".5_5           | 0.55           | false",
      "1_0.0_1e-1_0   | 1.001E-9       | false",
      "1_2_3_4_5_6_7_8_9 | 1.23456789E8 | true",
      "2_5E+0_1       | 250.0          | false",
      "1.e5           | 100000.0       | false",
      "1.E-0_1        | 0.1            | false",
      "007.5          | 7.5            | false",
      "00.5_0         | 0.5            | false",
      "0e5            | 0.0            | false",
      "00             | 0.0            | true",
  })
  void pythonsUnderscoredLiteralsParseToPythonsValues(String literal, double value, boolean integer) {
    Expr.Num n = (Expr.Num) ((Line.GradientClaim) Parser.claim("dA = " + literal)).value();
    assertEquals(value, n.value());
    assertEquals(integer, n.integer());
    assertEquals(literal, n.text(), "the text as written (code shows it so)");
  }

  /** {@code column} is 1-based in the literal: where the underscore Python does not allow is. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1_      | 2",
      "1__0    | 2",
      "1_.5    | 2",
      "1._5    | 3",
      "1_e5    | 2",
      "1e_5    | 3",
      "1e-_5   | 4",
      "1e5_    | 4",
      "1.5_    | 4",
      "1_000_  | 6",
      "1.5__5  | 4",
  })
  void aMisplacedUnderscoreIsAnErrorAtItsColumn(String literal, int column) {
    String line = "dA = " + literal;
    ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Parser.claim(line));
    assertEquals("dA = ".length() + column - 1, e.offset(), e.getMessage());
    assertEquals("an underscore in a number goes between two digits, as in Python's 1_000 or 1_000.5: not at its"
        + " end, next to another underscore, '.', 'e' or a sign; remove this one", e.getMessage());
  }

  /** An integer other than 0 starts with 1 to 9, as in Python; the error is at its first zero. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"007 | 7", "00_1 | 1", "0_7 | 7", "09 | 9"})
  void anIntegersLeadingZerosAreAnError(String literal, String written) {
    ClaimSyntaxException e = assertThrows(ClaimSyntaxException.class, () -> Parser.claim("dA = " + literal));
    assertEquals("dA = ".length(), e.offset());
    assertEquals("leading zeros in an integer are not permitted, as in Python (an integer other than 0 starts with"
        + " 1 to 9): write " + written, e.getMessage());
  }

  /** 10 digits are too large for an integer literal, underscores or not; 9 are not. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"1_000_000_000", "1000000000"})
  void theIntegerLimitCountsDigitsNotUnderscores(String literal) {
    assertThrows(ClaimSyntaxException.class, () -> Parser.claim("dA = " + literal));
  }
}
