package io.github.gradproof.quiz;

import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the {@code p:} of a {@code dist: bernoulli} input (as torch.bernoulli's: the probability
 * of drawing 1.0) and refuses it on any other distribution.
 */
final class ProbabilityReader {

  private ProbabilityReader() {}

  /**
   * A Bernoulli mask's {@code p:}, the probability of a 1.0, strictly between 0 and 1 (0.5 when
   * absent); {@code null} for other distributions, where {@code p:} is refused, or when a problem
   * was reported.
   *
   * @param what how messages name the input, e.g. "input 'm'"
   */
  static Double read(NodeReader reader, MapView map, Distribution dist, String what) {
    Node node = map.value("p");
    if (dist != Distribution.BERNOULLI) {
      if (node != null && dist != null) {
        reader.error(map.key("p"), "p only applies to dist: bernoulli (the probability of drawing 1.0); remove it"
            + " or set dist: bernoulli for " + what);
      }
      return null;
    }
    if (node == null) {
      return 0.5;
    }
    boolean number = node instanceof ScalarNode && (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()));
    double p = number ? parseNumber(((ScalarNode) node).getValue()) : Double.NaN;
    if (!(p > 0 && p < 1)) {
      reader.error(node, "p of " + what + " must be a number strictly between 0 and 1 (the probability of"
          + " drawing 1.0), e.g. p: 0.2; found " + NodeReader.describe(node) + (number && (p == 0 || p == 1)
          ? " (a mask of all " + (p == 0 ? "zeros" : "ones") + " is no random mask: write "
          + (p == 0 ? "zeros_like(x)" : "ones_like(x)") + " in a forward line instead)" : ""));
      return null;
    }
    return p;
  }

  private static double parseNumber(String text) {
    try {
      return Double.parseDouble(text.replace("_", ""));
    } catch (NumberFormatException e) {
      return Double.NaN; // .inf, .nan, 0x10: none is a probability
    }
  }
}
