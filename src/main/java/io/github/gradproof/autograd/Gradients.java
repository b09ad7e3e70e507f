package io.github.gradproof.autograd;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The gradients of one backward pass, returned by {@link Var#backward()}: for every node the pass
 * reached, the gradient of its objective with respect to that node's value.
 */
public final class Gradients {

  private final Map<Var, Tensor> byNode;

  Gradients(Map<Var, Tensor> byNode) {
    this.byNode = byNode;
  }

  static Gradients empty() {
    return new Gradients(new IdentityHashMap<>());
  }

  void put(Var node, Tensor grad) {
    byNode.put(node, grad);
  }

  /**
   * The gradient of the objective with respect to {@code node}, shaped like its value: zeros when
   * the objective does not depend on it (the pass did not reach it).
   */
  public Tensor of(Var node) {
    Tensor grad = byNode.get(node);
    return grad != null ? grad : Tensor.zeros(node.value().shapeRef());
  }

  /** Whether the objective depends on {@code node} through operations that track gradients. */
  public boolean reached(Var node) {
    return byNode.containsKey(node);
  }
}
