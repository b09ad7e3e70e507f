package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which gradient names are the backward pass's start whatever the forward lines compute: the
 * objective's, and those of the names the objective is an identity of, and no other.
 */
class StartingGradientTest {

  private static List<String> names(String forward) {
    List<Line.Definition> lines = Arrays.stream(forward.split(";")).map(String::trim).map(Parser::forwardLine).toList();
    return List.copyOf(StartingGradient.names(lines));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "L = sum(x * x) | dL",
      "L0 = sum(x * x); L = L0 | dL dL0",
      "L0 = sum(x * x); L = (L0) | dL dL0",
      "L0 = sum(x * x); L = L0 + 0 | dL dL0",
      "L0 = sum(x * x); L = 0.0 + L0 | dL dL0",
      "L0 = sum(x * x); L = L0 - 0 | dL dL0",
      "L0 = sum(x * x); L = 1 * L0 | dL dL0",
      "L0 = sum(x * x); L = L0 * 1.0 | dL dL0",
      "L0 = sum(x * x); L = L0 / 1 | dL dL0",
      "L0 = sum(x * x); L = L0 ** 1 | dL dL0",
      "L0 = sum(x * x); L = (L0 + 0) * 1 | dL dL0",
      "C = x * x; D = C + 0 | dD dC",
      "L1 = sum(x); L0 = L1 * 1; L = L0 | dL dL0 dL1",
      "L = x | dL dx"})
  void identitiesPassTheStartOn(String forward, String expected) {
    assertEquals(List.of(expected.split(" ")), names(forward), forward);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "L0 = sum(x * x); L = 2 * L0",
      "L0 = sum(x * x); L = L0 * 1.5",
      "L0 = sum(x * x); L = L0 + 1",
      "L0 = sum(x * x); L = 1 - L0",
      "L0 = sum(x * x); L = 0 - L0",
      "L0 = sum(x * x); L = -L0",
      "L0 = sum(x * x); L = 1 / L0",
      "L0 = sum(x * x); L = L0 ** 2",
      "L0 = sum(x * x); L = L0 + sum(x)",
      "L0 = sum(x * x); L = L0 + 0 * L0",
      "L0 = sum(x * x); M = 3 * L0; L = L0",
      "C = x * x; D = C + zeros_like(C)",
      "C = x * x; D = C.T",
      "L0 = sum(x * x); L = L0 // 1"})
  void anythingElseStopsTheChain(String forward) {
    List<String> names = names(forward);
    assertEquals(1, names.size(), forward + ": " + names);
  }
}
