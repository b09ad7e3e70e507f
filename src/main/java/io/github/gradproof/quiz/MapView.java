package io.github.gradproof.quiz;

import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/** A checked YAML map: known keys only, each once; absent required keys are reported. */
final class MapView {

  private final NodeReader reader;
  private final MappingNode node;
  private final String what;
  private final Map<String, NodeTuple> entries;
  private final Set<String> misspelt;

  /**
   * @param misspelt keys that an unknown key was reported as a likely typo of; their absence is
   *     not reported again
   */
  MapView(NodeReader reader, MappingNode node, String what, Map<String, NodeTuple> entries,
      Set<String> misspelt) {
    this.reader = reader;
    this.node = node;
    this.what = what;
    this.entries = entries;
    this.misspelt = misspelt;
  }

  MappingNode node() {
    return node;
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  /** The value of {@code key}, or {@code null} when absent. */
  Node value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getValueNode();
  }

  /** The key node of {@code key} (where {@code key:} stands), or {@code null} when absent. */
  Node key(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? null : tuple.getKeyNode();
  }

  /**
   * The value of a required key; when absent, reports it at the start of the map (unless a
   * misspelling of it was reported already) and returns {@code null}.
   *
   * @param example how the missing line could look, e.g. {@code "kind: single"}
   */
  Node required(String key, String example) {
    Node value = value(key);
    if (value == null && !misspelt.contains(key)) {
      reader.error(node, what + " is missing '" + key + "'; add a line like " + example);
    }
    return value;
  }
}
