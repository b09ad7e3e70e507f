package io.github.gradproof.quiz;

import java.math.BigDecimal;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the {@code range: [low, high]} of a {@code small_int} or {@code small_decimal} input (the
 * default {@link ValueRange#DEFAULT} when absent) and refuses it on any other distribution.
 */
final class RangeReader {

  private RangeReader() {}

  /**
   * The input's range: {@code null} for a distribution without one (or when a problem was
   * reported), the default when {@code range:} is absent.
   *
   * @param what how messages name the input, e.g. "input 'x'"
   */
  static ValueRange read(NodeReader reader, MapView map, Distribution dist, String what) {
    Node node = map.value("range");
    if (dist == null || !dist.hasRange()) {
      if (node != null && dist != null) {
        reader.error(map.key("range"), "range only applies to dist: small_int or small_decimal; remove it"
            + " or change the dist of " + what);
      }
      return null;
    }
    if (node == null) {
      return ValueRange.DEFAULT;
    }
    SequenceNode list = reader.list(node, "the range of " + what, " of two numbers, e.g. [-3, 3]");
    if (list == null) {
      return null;
    }
    if (list.getValue().size() != 2) {
      reader.error(node, "the range of " + what + " has " + list.getValue().size() + " entries; give the"
          + " lowest and the highest value, e.g. [-3, 3]");
      return null;
    }
    BigDecimal low = bound(reader, list.getValue().get(0), dist, what);
    BigDecimal high = bound(reader, list.getValue().get(1), dist, what);
    if (low == null || high == null) {
      return null;
    }
    if (low.compareTo(high) >= 0) {
      reader.error(node, "the range of " + what + " must go from a lower to a higher value; found ["
          + low.toPlainString() + ", " + high.toPlainString() + "]");
      return null;
    }
    return new ValueRange(low.doubleValue(), high.doubleValue(), reader.location(node));
  }

  /** One bound: a whole number for small_int, at most one decimal place for small_decimal. */
  private static BigDecimal bound(NodeReader reader, Node node, Distribution dist, String what) {
    String where = "a bound of the range of " + what;
    BigDecimal value = number(node);
    if (value == null) {
      reader.error(node, where + " must be a number; found " + NodeReader.describe(node));
      return null;
    }
    if (value.abs().compareTo(BigDecimal.valueOf(ValueRange.MAX_BOUND)) > 0) {
      reader.error(node, where + " is " + value.toPlainString() + ", beyond ±" + ValueRange.MAX_BOUND
          + " (the values are meant to be worked by hand); use a smaller range");
      return null;
    }
    int places = Math.max(0, value.stripTrailingZeros().scale());
    if (dist == Distribution.SMALL_INT && places > 0) {
      reader.error(node, where + " must be a whole number for dist: small_int; found " + value.toPlainString()
          + " (use dist: small_decimal for one decimal place)");
      return null;
    }
    if (dist == Distribution.SMALL_DECIMAL && places > 1) {
      reader.error(node, where + " has more than one decimal place (" + value.toPlainString()
          + "); small_decimal values have one, so write e.g. " + value.setScale(1, java.math.RoundingMode.HALF_EVEN)
          .toPlainString());
      return null;
    }
    return value;
  }

  /** A YAML integer or finite decimal number as written, or {@code null}. */
  private static BigDecimal number(Node node) {
    if (!(node instanceof ScalarNode scalar) || !(Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()))) {
      return null;
    }
    String text = scalar.getValue();
    try {
      return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      return null; // .inf, .nan, 0x1F: not a bound a reader can work with
    }
  }
}
