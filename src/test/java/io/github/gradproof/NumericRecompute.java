package io.github.gradproof;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.CheckedExpression;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Experiments;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Scope;
import io.github.gradproof.claim.Value;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.verify.NumberArray;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a numeric question's answer from given inputs, the way a reader of
 * {@code verification.json} would: the forward lines evaluated on exactly these values, one
 * backward pass from the last (scalar) line, then the ask. It shares the claim language and the
 * engine with the build, but none of the verifier: no drawing, no seeds, no trial, no redraws. The
 * PyTorch golden cases ({@code NumericGoldenTest}) check this helper itself.
 */
public final class NumericRecompute {

  private NumericRecompute() {}

  /**
   * The value of {@code ask} after {@code forward} on {@code inputs}.
   *
   * @param labels the inputs that hold class labels (no gradient)
   */
  public static double answer(List<String> forward, String ask, Map<String, Integer> dims,
      Map<String, Tensor> inputs, java.util.Set<String> labels) {
    Scope scope = Scope.empty();
    Map<String, Value> env = new HashMap<>();
    for (Map.Entry<String, Integer> d : dims.entrySet()) {
      scope = scope.with(d.getKey(), Scope.Kind.DIM);
      env.put(d.getKey(), new Value.IntValue(d.getValue()));
    }
    Map<String, Var> graph = new HashMap<>();
    for (Map.Entry<String, Tensor> in : inputs.entrySet()) {
      boolean label = labels.contains(in.getKey());
      scope = scope.with(in.getKey(), label ? Scope.Kind.LABELS : Scope.Kind.INPUT);
      Var v = label ? Var.constant(in.getValue()) : Var.parameter(in.getValue());
      graph.put(in.getKey(), v);
      env.put(in.getKey(), new Value.TensorValue(v));
    }
    List<Diagnostic> errors = new ArrayList<>();
    Var last = null;
    for (String source : forward) {
      Line.Definition d = Claims.forwardLine(text(source), scope, errors);
      if (d == null) {
        throw new DiagnosticException(errors);
      }
      last = Evaluator.var(new Evaluator(env, Experiments.NONE).eval(d.value()));
      scope = scope.with(d.name(), Scope.Kind.FORWARD);
      graph.put(d.name(), last);
      env.put(d.name(), new Value.TensorValue(last));
    }
    Map<String, Value> values = new HashMap<>();
    env.forEach((name, v) -> values.put(name, v instanceof Value.TensorValue t ? Value.constant(t.tensor()) : v));
    if (last != null && last.value().rank() == 0 && last.requiresGrad()) {
      last.backward();
      graph.forEach((name, v) -> {
        if (v.requiresGrad()) {
          values.put("d" + name, Value.constant(v == graph.get(lastName(forward)) ? Tensor.scalar(1) : v.grad()));
        }
      });
    }
    CheckedExpression e = Claims.checkExpression(text(ask), scope.withGradients(), errors);
    if (e == null) {
      throw new DiagnosticException(errors);
    }
    Value v = new Evaluator(values, Experiments.NONE).eval(e.expr());
    return v instanceof Value.IntValue i ? i.value() : ((Value.TensorValue) v).tensor().item();
  }

  /** A variant's inputs as tensors. */
  public static Map<String, Tensor> tensors(Map<String, NumberArray> inputs) {
    Map<String, Tensor> out = new java.util.LinkedHashMap<>();
    inputs.forEach((name, a) -> out.put(name, Tensor.of(a.toArray(), a.shape())));
    return out;
  }

  /** A nested JSON list of numbers (or one number) as a tensor of its shape, as NumPy's {@code array()} reads it. */
  public static Tensor tensor(JsonElement value) {
    List<Integer> shape = new ArrayList<>();
    for (JsonElement e = value; e.isJsonArray(); e = ((JsonArray) e).get(0)) {
      shape.add(((JsonArray) e).size());
    }
    List<Double> data = new ArrayList<>();
    flatten(value, data);
    return Tensor.of(data.stream().mapToDouble(Double::doubleValue).toArray(),
        shape.stream().mapToInt(Integer::intValue).toArray());
  }

  private static void flatten(JsonElement e, List<Double> out) {
    if (e.isJsonArray()) {
      e.getAsJsonArray().forEach(x -> flatten(x, out));
    } else {
      out.add(e.getAsDouble());
    }
  }

  private static String lastName(List<String> forward) {
    return forward.get(forward.size() - 1).split("=", 2)[0].strip();
  }

  private static SourceSpan text(String source) {
    return new SourceSpan(source, new SourceLocation("recompute", 1, 1), source);
  }
}
