package io.github.gradproof.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse sweep: sorts the graph below an output topologically (iteratively, so a long chain cannot
 * overflow the stack), seeds the output's gradient and runs every node's gradient rule once, children
 * before parents. A sweep keeps no state beyond its own run: it marks the nodes it visits with a token
 * of its own, and returns the gradients it computed.
 */
final class Backprop {

  private Backprop() {}

  static Gradients run(Var output, Tensor upstream) {
    Object pass = new Object();
    List<Var> order = topologicalOrder(output, pass);
    for (Var v : order) {
      v.resetGrad();
    }
    output.accumulate(upstream);
    for (int i = order.size() - 1; i >= 0; i--) {
      order.get(i).propagate();
    }
    Gradients gradients = Gradients.empty();
    for (Var v : order) {
      gradients.put(v, v.publishGrad());
    }
    return gradients;
  }

  /** Post-order depth-first search over nodes that require grad: every parent comes before its children. */
  private static List<Var> topologicalOrder(Var output, Object pass) {
    List<Var> order = new ArrayList<>();
    ArrayDeque<Var> stack = new ArrayDeque<>();
    ArrayDeque<int[]> cursors = new ArrayDeque<>();
    output.mark(pass);
    stack.push(output);
    cursors.push(new int[1]);
    while (!stack.isEmpty()) {
      Var v = stack.peek();
      int[] cursor = cursors.peek();
      Var[] parents = v.parents();
      if (cursor[0] < parents.length) {
        Var p = parents[cursor[0]++];
        if (p.requiresGrad() && !p.isMarked(pass)) {
          p.mark(pass);
          stack.push(p);
          cursors.push(new int[1]);
        }
      } else {
        stack.pop();
        cursors.pop();
        order.add(v);
      }
    }
    return order;
  }
}
