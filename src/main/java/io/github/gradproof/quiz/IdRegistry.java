package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Question ids seen so far in one load, with where each was first used. */
final class IdRegistry {

  private final Map<String, SourceLocation> seen = new HashMap<>();
  private final List<ClaimedId> order = new ArrayList<>();

  /** Records {@code id}; reports it at {@code node} if it was used before. */
  void claim(String id, SourceLocation at, NodeReader reader, Node node) {
    SourceLocation first = seen.putIfAbsent(id, at);
    if (first != null) {
      reader.error(node, "duplicate question id '" + id + "' (first used at " + first
          + "); ids must be unique across the site, so rename this one");
    } else {
      order.add(new ClaimedId(id, at));
    }
  }

  /** How many ids have been recorded; a mark for {@link #since}. */
  int size() {
    return order.size();
  }

  /** The ids recorded after {@code mark}, in order. */
  List<ClaimedId> since(int mark) {
    return List.copyOf(order.subList(mark, order.size()));
  }

  /**
   * Records every claim of a file loaded before, when none of its ids is taken; otherwise records
   * nothing and returns false (the file is then validated again, which reports the duplicate).
   */
  boolean claimAll(List<ClaimedId> claims) {
    for (ClaimedId claim : claims) {
      if (seen.containsKey(claim.id())) {
        return false;
      }
    }
    for (ClaimedId claim : claims) {
      seen.put(claim.id(), claim.at());
      order.add(claim);
    }
    return true;
  }
}
