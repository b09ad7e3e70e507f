package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Question ids seen so far in one load, with where each was first used. */
final class IdRegistry {

  private final Map<String, SourceLocation> seen = new HashMap<>();

  /** Records {@code id}; reports it at {@code node} if it was used before. */
  void claim(String id, SourceLocation at, NodeReader reader, Node node) {
    SourceLocation first = seen.putIfAbsent(id, at);
    if (first != null) {
      reader.error(node, "duplicate question id '" + id + "' (first used at " + first
          + "); ids must be unique across the site, so rename this one");
    }
  }
}
