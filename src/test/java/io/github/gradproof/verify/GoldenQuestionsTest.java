package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.gradproof.autograd.Gradients;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Dim;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Experiments;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Scope;
import io.github.gradproof.claim.Shape;
import io.github.gradproof.claim.StaticType;
import io.github.gradproof.claim.Value;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.AssertionFailedError;

/**
 * Whole questions against an independent oracle: {@code src/test/python/golden_questions.py} wrote,
 * for a corpus of course-style setups (MLP layers, batched softmax cross-entropy, matmul chains,
 * broadcasting, normalisation, attention, an RNN, convolutions), the value of every forward line and
 * PyTorch's gradient of the objective with respect to every float input and every intermediate name
 * ({@code src/test/resources/golden/questions/questions.json}). Here the forward lines are checked
 * and evaluated by gradproof's claim checker and evaluator on the same inputs and differentiated by
 * its engine, the way a verification trial builds its graph ({@link Trial}: labels are constants,
 * other inputs parameters, the last line the objective), and every value and gradient must agree.
 */
class GoldenQuestionsTest {

  /**
   * Both sides compute in float64 and differ only in the order of rounding. Measured over the corpus:
   * at most 2.3e-15 of a tensor's largest entry, and 9.3e-13 of the entry itself (an entry of 4e-6
   * left by cancellation). A wrong rule (a dropped term, a flipped sign, a wrong axis) changes values
   * by far more than 1e-9 of themselves.
   */
  static final double RTOL = 1e-9;
  /** Absolute floor for entries that are zero or cancel (relu's dead units, masked attention). */
  static final double ATOL = 1e-12;

  /** One fixture case: its dims, inputs, forward lines, and every expected value and gradient. */
  record Case(String name, Map<String, Integer> dims, List<Input> inputs, List<String> forward,
      Map<String, Tensor> values, Map<String, Tensor> grads) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One input: declared axes (dim names or integers), whether it holds class labels, its values. */
  record Input(String name, List<String> axes, boolean labels, Tensor value) {}

  static Stream<Case> cases() throws IOException {
    return read().stream();
  }

  static List<Case> read() throws IOException {
    try (InputStream in = GoldenQuestionsTest.class.getResourceAsStream("/golden/questions/questions.json")) {
      assertNotNull(in, "run src/test/python/golden_questions.py");
      JsonObject doc = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
      List<Case> out = new ArrayList<>();
      for (JsonElement e : doc.getAsJsonArray("cases")) {
        out.add(parse(e.getAsJsonObject()));
      }
      return out;
    }
  }

  private static Case parse(JsonObject c) {
    Map<String, Integer> dims = new LinkedHashMap<>();
    c.getAsJsonObject("dims").entrySet().forEach(e -> dims.put(e.getKey(), e.getValue().getAsInt()));
    List<Input> inputs = new ArrayList<>();
    for (JsonElement e : c.getAsJsonArray("inputs")) {
      JsonObject in = e.getAsJsonObject();
      List<String> axes = new ArrayList<>();
      in.getAsJsonArray("axes").forEach(a -> axes.add(a.getAsString()));
      inputs.add(new Input(in.get("name").getAsString(), axes, in.get("labels").getAsBoolean(), tensor(in)));
    }
    List<String> forward = new ArrayList<>();
    c.getAsJsonArray("forward").forEach(l -> forward.add(l.getAsString()));
    return new Case(c.get("name").getAsString(), dims, inputs, forward, tensors(c.getAsJsonObject("values")),
        tensors(c.getAsJsonObject("grads")));
  }

  private static Map<String, Tensor> tensors(JsonObject o) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    o.entrySet().forEach(e -> out.put(e.getKey(), tensor(e.getValue().getAsJsonObject())));
    return out;
  }

  private static Tensor tensor(JsonObject t) {
    JsonArray shape = t.getAsJsonArray("shape");
    JsonArray data = t.getAsJsonArray("data");
    int[] s = new int[shape.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = shape.get(i).getAsInt();
    }
    double[] d = new double[data.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = data.get(i).getAsDouble();
    }
    return Tensor.of(d, s);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyValueAndGradientAgreesWithPytorch(Case c) {
    Engine run = new Engine(c);
    assertEquals(c.values().keySet(), run.values.keySet(), c + ": forward names");
    c.values().forEach((name, expected) -> assertClose(c + ": value of " + name, expected, run.values.get(name)));
    assertEquals(c.grads().keySet(), run.grads.keySet(), c + ": names with a gradient");
    c.grads().forEach((name, expected) -> assertClose(c + ": d" + name, expected, run.grads.get(name)));
  }

  @Test
  void theCorpusCoversTheCourseObjectives() throws IOException {
    List<Case> all = read();
    assertTrue(all.size() >= 15, "a corpus, not a sample: " + all.size());
    String program = String.join("\n", all.stream().flatMap(c -> c.forward().stream()).toList());
    for (String used : List.of("@", "cross_entropy(", "softmax(", "log_softmax(", "mse_loss(", "relu(", "sigmoid(",
        "tanh(", "var(", "std(", "conv2d(", "conv1d(", "max_pool2d(", "avg_pool2d(", "einsum(", "[:, None]")) {
      assertTrue(program.contains(used), "no question uses " + used);
    }
    int intermediates = 0;
    for (Case c : all) {
      intermediates += c.forward().size() - 1;
    }
    assertTrue(intermediates >= 30, "gradients of intermediate names: " + intermediates);
  }

  /** The comparison itself: an error just inside the tolerance passes, one just outside fails. */
  @Test
  void theComparisonSitsExactlyAtItsTolerance() {
    double e = 3.0;
    double allowed = ATOL + RTOL * e;
    assertClose("inside", Tensor.of(new double[] {e}, 1), Tensor.of(new double[] {e + 0.99 * allowed}, 1));
    assertThrows(AssertionFailedError.class,
        () -> assertClose("outside", Tensor.of(new double[] {e}, 1), Tensor.of(new double[] {e + 1.01 * allowed}, 1)));
    assertThrows(AssertionFailedError.class,
        () -> assertClose("below", Tensor.of(new double[] {e}, 1), Tensor.of(new double[] {e - 1.01 * allowed}, 1)));
    assertClose("zero inside", Tensor.of(new double[] {0}, 1), Tensor.of(new double[] {0.99 * ATOL}, 1));
    assertThrows(AssertionFailedError.class,
        () -> assertClose("zero outside", Tensor.of(new double[] {0}, 1), Tensor.of(new double[] {1.01 * ATOL}, 1)));
    assertThrows(AssertionFailedError.class,
        () -> assertClose("NaN", Tensor.of(new double[] {0}, 1), Tensor.of(new double[] {Double.NaN}, 1)));
    assertThrows(AssertionFailedError.class,
        () -> assertClose("shape", Tensor.of(new double[] {0, 0}, 2), Tensor.of(new double[] {0, 0}, 1, 2)));
  }

  /** A deliberately wrong forward line is caught: the comparison is not vacuous. */
  @Test
  void aWrongForwardLineIsCaught() throws IOException {
    Case mlp = read().stream().filter(c -> c.forward().contains("h = relu(a)")).findFirst().orElseThrow();
    List<String> broken = new ArrayList<>(mlp.forward());
    broken.set(broken.indexOf("h = relu(a)"), "h = leaky_relu(a, negative_slope=0.001)");
    Case wrong = new Case(mlp.name(), mlp.dims(), mlp.inputs(), broken, mlp.values(), mlp.grads());
    assertThrows(AssertionFailedError.class, () -> everyValueAndGradientAgreesWithPytorch(wrong));
  }

  /** The forward lines of one case run as a trial runs them: values and engine gradients by name. */
  private static final class Engine {
    final Map<String, Tensor> values = new LinkedHashMap<>();
    final Map<String, Tensor> grads = new LinkedHashMap<>();

    Engine(Case c) {
      Scope scope = Scope.empty();
      Map<String, Value> env = new LinkedHashMap<>();
      for (Map.Entry<String, Integer> d : c.dims().entrySet()) {
        scope = scope.with(d.getKey(), Scope.Kind.DIM);
        env.put(d.getKey(), new Value.IntValue(d.getValue()));
      }
      Map<String, Var> graph = new LinkedHashMap<>();
      for (Input in : c.inputs()) {
        scope = scope.with(in.name(), in.labels() ? Scope.Kind.LABELS : Scope.Kind.INPUT, shape(in.axes(), c));
        Var v = in.labels() ? Var.constant(in.value()) : Var.parameter(in.value());
        graph.put(in.name(), v);
        env.put(in.name(), new Value.TensorValue(v));
      }
      Evaluator ev = new Evaluator(env, Experiments.NONE);
      Var out = null;
      for (int i = 0; i < c.forward().size(); i++) {
        List<Diagnostic> sink = new ArrayList<>();
        String text = c.forward().get(i);
        SourceSpan span = new SourceSpan(text, new SourceLocation(c.name(), i + 1, 1), text);
        CheckedLine line = Claims.checkForwardLine(span, scope, sink);
        assertNotNull(line, () -> c + ": " + sink);
        assertEquals(List.of(), sink, c + ": " + text);
        Line.Definition d = (Line.Definition) line.line();
        out = Evaluator.var(ev.eval(d.value()));
        int[] expected = line.shape(d.value(), c.dims());
        assertEquals(List.of(box(expected)), List.of(box(out.value().shape())), c + ": static shape of " + text);
        scope = scope.with(d.name(), Scope.Kind.FORWARD,
            line.valueType() instanceof StaticType.TensorType t ? t.shape() : Shape.scalar());
        graph.put(d.name(), out);
        env.put(d.name(), new Value.TensorValue(out));
        values.put(d.name(), out.value());
      }
      assertNotNull(out, c + ": no forward lines");
      assertEquals(0, out.value().rank(), c + ": the objective is a scalar");
      Gradients g = out.backward();
      Var objective = out;
      graph.forEach((name, v) -> {
        if (v.requiresGrad() && v != objective) {
          grads.put(name, g.of(v));
        }
      });
    }

    private static Shape shape(List<String> axes, Case c) {
      List<Dim> dims = new ArrayList<>();
      for (String a : axes) {
        dims.add(c.dims().containsKey(a) ? Dim.symbol(a) : Dim.of(Long.parseLong(a)));
      }
      return new Shape(dims);
    }

    private static List<Integer> box(int[] a) {
      List<Integer> out = new ArrayList<>();
      for (int v : a) {
        out.add(v);
      }
      return out;
    }
  }

  static void assertClose(String what, Tensor expected, Tensor actual) {
    assertNotNull(actual, what + ": missing");
    assertEquals(expected.shapeString(), actual.shapeString(), what + ": shape");
    double[] e = expected.toArray();
    double[] a = actual.toArray();
    for (int i = 0; i < e.length; i++) {
      double tolerance = ATOL + RTOL * Math.abs(e[i]);
      int at = i;
      assertTrue(Math.abs(e[i] - a[i]) <= tolerance,
          () -> what + ": element " + at + " is " + a[at] + ", expected " + e[at] + " (allowed " + tolerance + ")");
    }
  }
}
