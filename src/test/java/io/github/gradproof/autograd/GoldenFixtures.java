package io.github.gradproof.autograd;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the golden fixtures that {@code src/test/python/golden_ops.py} writes under
 * {@code src/test/resources/golden/ops/}: per op, cases with inputs, NumPy's forward output, a random
 * upstream gradient and PyTorch's (or NumPy's) vector-Jacobian products.
 */
final class GoldenFixtures {

  static final String DIRECTORY = "golden/ops";

  private GoldenFixtures() {}

  /** One case of one op. */
  record Case(String op, String name, JsonObject args, List<Tensor> inputs, boolean[] differentiable,
      Tensor output, Tensor upstream, List<Tensor> grads, boolean kink, boolean finiteDifferences) {

    @Override
    public String toString() {
      return op + " " + name;
    }
  }

  /** The op names that have a fixture file. */
  static List<String> ops() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case of one op, in file order. */
  static List<Case> cases(String op) {
    String resource = DIRECTORY + "/" + op + ".json";
    try (InputStream in = GoldenFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + resource + "; run src/test/python/golden_ops.py");
      }
      JsonObject doc = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
      List<Case> out = new ArrayList<>();
      for (JsonElement e : doc.getAsJsonArray("cases")) {
        out.add(parse(op, e.getAsJsonObject()));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case parse(String op, JsonObject c) {
    List<Tensor> inputs = new ArrayList<>();
    c.getAsJsonArray("inputs").forEach(e -> inputs.add(tensor(e)));
    boolean[] diff = new boolean[inputs.size()];
    for (int i = 0; i < diff.length; i++) {
      diff[i] = c.getAsJsonArray("differentiable").get(i).getAsBoolean();
    }
    List<Tensor> grads = new ArrayList<>();
    if (c.has("grads")) {
      c.getAsJsonArray("grads").forEach(e -> grads.add(e.isJsonNull() ? null : tensor(e)));
    }
    return new Case(op, c.get("name").getAsString(), c.getAsJsonObject("args"), inputs, diff,
        tensor(c.get("output")), c.has("upstream") ? tensor(c.get("upstream")) : null, grads,
        c.get("kink").getAsBoolean(), !c.has("finite_differences") || c.get("finite_differences").getAsBoolean());
  }

  /** A tensor from {@code {"shape": [...], "data": [...]}}. */
  static Tensor tensor(JsonElement e) {
    JsonObject o = e.getAsJsonObject();
    int[] shape = ints(o.get("shape"));
    double[] data = new double[o.getAsJsonArray("data").size()];
    for (int i = 0; i < data.length; i++) {
      data[i] = o.getAsJsonArray("data").get(i).getAsDouble();
    }
    return Tensor.of(data, shape);
  }

  /** A JSON array of integers, or null for JSON null. */
  static int[] ints(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    int[] out = new int[e.getAsJsonArray().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = e.getAsJsonArray().get(i).getAsInt();
    }
    return out;
  }

  private static Path directory() {
    URL url = GoldenFixtures.class.getClassLoader().getResource(DIRECTORY);
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
