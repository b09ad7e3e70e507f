package io.github.gradproof.verify;

import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Value;
import java.util.Map;
import java.util.Set;

/**
 * Why a forward line's class loss is NaN when no input is to blame: its mean has no row left. PyTorch's
 * {@code cross_entropy} and {@code nll_loss} divide by the summed weights of the rows whose label is not
 * {@code ignore_index}; when a draw labels every row with the ignored class (or only with classes of
 * weight 0), that is 0/0, NaN in PyTorch as here. The usual advice of a NaN (declare an input
 * positive) would mislead: the labels are what the author should change.
 */
final class EmptyMean {

  private static final Set<String> CLASS_LOSSES = Set.of("cross_entropy", "nll_loss");
  /** PyTorch's default {@code ignore_index}. */
  private static final long DEFAULT_IGNORED = -100;

  private EmptyMean() {}

  /**
   * The author's paragraph for a class loss of {@code line} whose mean has no row on the values of
   * {@code ev}, or {@code null} when no class loss of the line is such.
   *
   * @param when the dims of the trial, as the other messages of a trial write them
   */
  static String explain(Line line, Evaluator ev, String when) {
    for (Expr.Call call : Claims.calls(line)) {
      if (CLASS_LOSSES.contains(call.function())) {
        String found = Claims.arguments(call).map(args -> explain(call.function(), args, ev, when)).orElse(null);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static String explain(String function, Map<String, Expr> args, Evaluator ev, String when) {
    try {
      if (args.containsKey("reduction") && !(ev.eval(args.get("reduction")) instanceof Value.StringValue s
          && s.value().equals("mean"))) {
        return null;
      }
      long ignored = args.containsKey("ignore_index") && ev.eval(args.get("ignore_index")) instanceof Value.IntValue i
          ? i.value() : DEFAULT_IGNORED;
      double[] labels = tensor(ev.eval(args.get("target")));
      double[] weights = args.containsKey("weight") ? tensor(ev.eval(args.get("weight"))) : null;
      if (labels == null || labels.length == 0) {
        return null;
      }
      double kept = 0;
      for (double label : labels) {
        if (label != ignored) {
          int c = (int) label;
          kept += weights == null ? 1 : c >= 0 && c < weights.length ? weights[c] : Double.NaN;
        }
      }
      if (kept != 0) {
        return null;
      }
      boolean allIgnored = java.util.Arrays.stream(labels).allMatch(l -> l == ignored);
      return "this forward line gives NaN when " + when + ": " + function + "'s mean divides by the summed weights"
          + " of the rows whose label is not ignore_index=" + ignored + ", and "
          + (allIgnored ? "every label of this draw is " + ignored : "every kept label of this draw has weight 0")
          + " (labels " + labelsText(labels) + "), so it is 0/0 (PyTorch gives NaN too) and nothing can be checked;"
          + " make sure some row keeps a class of nonzero weight in every draw (draw the labels from classes that"
          + " exclude " + ignored + " and ignore rows through a mask that keeps one), or use reduction='sum'";
    } catch (RuntimeException e) {
      return null; // an argument that does not evaluate (it did, on the line) leaves the usual message
    }
  }

  private static double[] tensor(Value v) {
    return v instanceof Value.TensorValue t ? t.var().value().toArray() : null;
  }

  private static String labelsText(double[] labels) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < labels.length; i++) {
      s.append(i == 0 ? "" : ", ").append((long) labels[i]);
    }
    return s.append("]").toString();
  }
}
