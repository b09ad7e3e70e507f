package io.github.gradproof.verify;

import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Line;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceSpan;
import java.util.Arrays;
import java.util.Map;

/**
 * An engine gradient that is NaN although every forward value is finite: the NaN of a value a
 * forward line discards. {@code where(x > 0, sqrt(x), 0)} computes {@code sqrt(x)} at every
 * {@code x}, NaN where {@code x < 0}, and the chain rule multiplies that branch's derivative, NaN,
 * by the 0 {@code where} gives it: NaN. So does a mask written as a product on an infinite slope,
 * {@code sqrt(x * (x > 0))}: {@code inf · 0}. PyTorch gives the same NaN, so no claim about the
 * gradient can hold and the engine is not wrong: it is an authoring error at the forward line where
 * the NaN enters the backward pass.
 */
final class NanGradient {

  private NanGradient() {}

  /** The flat index of the first NaN of {@code t}, or -1. */
  static int firstNaN(Tensor t) {
    double[] v = t.toArray();
    for (int i = 0; i < v.length; i++) {
      if (Double.isNaN(v[i])) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The authoring error for the NaN in {@code name}'s engine gradient, or null when that gradient has
   * no NaN (then a failed cross-check is the engine's).
   */
  static DiagnosticException of(CompiledQuestion cq, Map<String, Tensor> grads, String name) {
    Tensor g = grads.get(name);
    int flat = g == null ? -1 : firstNaN(g);
    if (flat < 0) {
      return null;
    }
    int line = origin(cq, grads);
    SourceSpan at = cq.question.setup().forward().get(line);
    String where = g.rank() == 0 ? "" : " at index " + Arrays.toString(ClaimJudge.index(g.shape(), flat));
    return new DiagnosticException(new Diagnostic(at.location(), cq.question.id() + ": the gradient d" + name
        + " is NaN" + where + " although every forward value is finite, and this line is where it arises: it "
        + "computes values that it then discards (a branch that where does not take, such as sqrt(x) where "
        + "x < 0), or multiplies an infinite slope by a mask of 0 (sqrt(x * (x > 0)) where x <= 0); the chain "
        + "rule multiplies the discarded values' derivative by 0, and 0 · NaN and 0 · inf are NaN, in PyTorch "
        + "as well, so no claim about d" + name + " can hold; compute the discarded branch on values where it "
        + "is defined (where(x > 0, sqrt(abs(x)), 0), or sqrt(relu(x)), whose gradient selects), or declare "
        + "the inputs it reads 'dist: positive' if it needs positive values", at.sourceLine()));
  }

  /**
   * The forward line where the NaN enters the backward pass: going back from the output, the first
   * line that feeds it, whose own gradient has no NaN, and that reads a name whose gradient has one.
   */
  static int origin(CompiledQuestion cq, Map<String, Tensor> grads) {
    for (int i = cq.forward.size() - 1; i >= 0; i--) {
      Line.Definition d = cq.forward.get(i);
      if (!cq.feedsOutput[i] || hasNaN(grads.get(d.name()))) {
        continue;
      }
      for (String read : Claims.names(d)) {
        if (!read.equals(d.name()) && hasNaN(grads.get(read))) {
          return i;
        }
      }
    }
    return cq.forward.size() - 1;
  }

  private static boolean hasNaN(Tensor g) {
    return g != null && firstNaN(g) >= 0;
  }
}
