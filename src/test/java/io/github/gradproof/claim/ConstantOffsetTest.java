package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code !=} whose sides differ by a constant added holds whatever the values are; one whose
 * sides differ by a factor, or by anything but a constant, states something, and equal sides are
 * left to the run.
 */
class ConstantOffsetTest {

  private static final Map<String, Expr> FORWARD = new LinkedHashMap<>();

  static {
    for (String line : new String[] {"h = x + 1", "g = 2 * h", "a = relu(x)", "L = sum(a * a)"}) {
      Line.Definition d = Parser.forwardLine(line);
      FORWARD.put(d.name(), d.value());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "dx != dx + 1 | true",
      "dx + 1 != dx | true",
      "dx != dx - 1e-3 | true",
      "dx != 1 + dx | true",
      "dx - 1 != dx + 1 | true",
      "2 * dx + 1 != 2 * dx - 3 | true",
      "(dx + 1) * 2 != 2 * dx | true",
      "dx / 2 != dx / 2 + 1 | true",
      "-dx != 1 - dx | true",
      "-(dx + 1) != -dx | true",
      "dx * 0 != 1 | true",
      "h != x | true",
      "g != 2 * x | true",
      "a != relu(x) + 1 | true",
      "sum(dx * dx) + 1 != sum(dx * dx) | true",
      "dx != dx | false",
      "dx != dx + 0 | false",
      "dx != 2 * dx | false",
      "dx != -dx | false",
      "dx != 2 * dx + 1 | false",
      "dx + 1 != 2 * dx + 1 | false",
      "dx != 3 * x | false",
      "dA != dA.T | false",
      "dW != 0 | false",
      "dx != dy + 1 | false",
      "dx != relu(dx) + 1 | false",
      "h != x + 1 | false",
      "g != 2 * x + 2 | false",
      "dx * 0 != 0 | false",
      "dx == dx + 1 | false",
      "dx < dx + 1 | false"})
  void onlySidesThatDifferByAConstantAreCaught(String claim, boolean expected) {
    assertEquals(expected, ConstantOffset.differs((Line.Comparison) Parser.claim(claim), FORWARD), claim);
  }
}
