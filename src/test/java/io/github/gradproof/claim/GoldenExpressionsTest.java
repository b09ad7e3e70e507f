package io.github.gradproof.claim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.autograd.Gradients;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.diag.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The claim language against an independent oracle: {@code src/test/python/golden_expressions.py}
 * wrote, for each expression of our language, its NumPy/PyTorch equivalent's forward value and
 * vector-Jacobian product for a random upstream, on seeded inputs
 * ({@code src/test/resources/golden/expressions/expressions.json}). Each expression is parsed,
 * checked and evaluated here as a forward line on the same inputs, then differentiated by the
 * engine; the values, the gradients and the checker's static shape must all agree.
 */
class GoldenExpressionsTest {

  private static final double RTOL = 1e-9;
  private static final double ATOL = 1e-11;

  /** One fixture case. */
  record Case(String name, String expr, Map<String, Integer> dims, List<Input> inputs, Tensor output,
      Tensor upstream, Map<String, Tensor> grads) {
    @Override
    public String toString() {
      return name + ": " + expr;
    }
  }

  /** One input: its declared axes (dim names or integers) and values. */
  record Input(String name, List<Object> axes, boolean labels, Tensor value) {}

  static Stream<Case> cases() throws IOException {
    return read().stream();
  }

  @SuppressWarnings("unchecked")
  static List<Case> read() throws IOException {
    try (InputStream in = GoldenExpressionsTest.class.getResourceAsStream("/golden/expressions/expressions.json")) {
      assertNotNull(in, "run src/test/python/golden_expressions.py");
      Map<String, Object> doc = (Map<String, Object>) new Load(LoadSettings.builder()
          .setCodePointLimit(Integer.MAX_VALUE).build()).loadFromInputStream(in);
      List<Case> out = new ArrayList<>();
      for (Object o : (List<Object>) doc.get("cases")) {
        out.add(parse((Map<String, Object>) o));
      }
      return out;
    }
  }

  @SuppressWarnings("unchecked")
  private static Case parse(Map<String, Object> c) {
    Map<String, Integer> dims = new LinkedHashMap<>();
    ((Map<String, Object>) c.get("dims")).forEach((k, v) -> dims.put(k, ((Number) v).intValue()));
    List<Input> inputs = new ArrayList<>();
    for (Object o : (List<Object>) c.get("inputs")) {
      Map<String, Object> in = (Map<String, Object>) o;
      inputs.add(new Input((String) in.get("name"), (List<Object>) in.get("axes"), (Boolean) in.get("labels"),
          tensor(in)));
    }
    Map<String, Tensor> grads = new LinkedHashMap<>();
    if (c.containsKey("grads")) {
      ((Map<String, Object>) c.get("grads")).forEach((k, v) -> grads.put(k, tensor((Map<String, Object>) v)));
    }
    return new Case((String) c.get("name"), (String) c.get("expr"), dims, inputs,
        tensor((Map<String, Object>) c.get("output")),
        c.containsKey("upstream") ? tensor((Map<String, Object>) c.get("upstream")) : null, grads);
  }

  @SuppressWarnings("unchecked")
  private static Tensor tensor(Map<String, Object> t) {
    List<Object> shape = (List<Object>) t.get("shape");
    List<Object> data = (List<Object>) t.get("data");
    int[] s = shape.stream().mapToInt(o -> ((Number) o).intValue()).toArray();
    double[] d = data.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    return Tensor.of(d, s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void agreesWithNumpyAndPytorch(Case c) {
    Scope scope = Scope.empty();
    for (String dim : c.dims().keySet()) {
      scope = scope.with(dim, Scope.Kind.DIM);
    }
    Map<String, Value> env = new HashMap<>();
    c.dims().forEach((k, v) -> env.put(k, new Value.IntValue(v)));
    Map<String, Var> vars = new HashMap<>();
    for (Input in : c.inputs()) {
      scope = scope.with(in.name(), in.labels() ? Scope.Kind.LABELS : Scope.Kind.INPUT, shape(in.axes()));
      Var v = in.labels() ? Var.constant(in.value()) : Var.parameter(in.value());
      vars.put(in.name(), v);
      env.put(in.name(), new Value.TensorValue(v));
    }
    List<Diagnostic> sink = new ArrayList<>();
    CheckedLine line = Claims.checkForwardLine(CaseFile.text("out = " + c.expr()), scope, sink);
    assertNotNull(line, () -> c + ": " + sink);
    Expr value = ((Line.Definition) line.line()).value();
    Var out = Evaluator.var(new Evaluator(env, Experiments.NONE).eval(value));

    assertClose(c + ": forward", c.output(), out.value());
    assertArrayEquals(out.value().shape(), line.shape(value, c.dims()), c + ": static shape " + line.shape(value));
    if (c.upstream() != null) {
      assertTrue(out.requiresGrad(), c + ": the reference is differentiable");
      Gradients grads = out.backward(c.upstream());
      c.grads().forEach((name, expected) -> assertClose(c + ": d" + name, expected, grads.of(vars.get(name))));
    }
  }

  /** Every function of the registry meets the oracle (the finite-difference experiments have none). */
  @org.junit.jupiter.api.Test
  void everyFunctionHasAGoldenCase() throws IOException {
    java.util.Set<String> used = new java.util.TreeSet<>();
    for (Case c : read()) {
      Walk.line(Parser.forwardLine("out = " + c.expr()), e -> {
        if (e instanceof Expr.Call call) {
          used.add(call.function());
        } else if (e instanceof Expr.MethodCall m) {
          used.add(m.method());
        }
      });
    }
    java.util.Set<String> missing = new java.util.TreeSet<>(Functions.names());
    missing.removeAll(used);
    missing.removeAll(java.util.Set.of("fd_order", "fd_evals"));
    assertEquals(java.util.Set.of(), missing);
  }

  private static Shape shape(List<Object> axes) {
    List<Dim> dims = new ArrayList<>();
    for (Object a : axes) {
      dims.add(a instanceof String s ? Dim.symbol(s) : Dim.of(((Number) a).longValue()));
    }
    return new Shape(dims);
  }

  static void assertClose(String what, Tensor expected, Tensor actual) {
    assertEquals(expected.shapeString(), actual.shapeString(), what + ": shape");
    double[] e = expected.toArray();
    double[] a = actual.toArray();
    for (int i = 0; i < e.length; i++) {
      double tolerance = ATOL + RTOL * Math.abs(e[i]);
      int at = i;
      assertTrue(Math.abs(e[i] - a[i]) <= tolerance,
          () -> what + ": element " + at + " is " + a[at] + ", expected " + e[at]);
    }
  }
}
