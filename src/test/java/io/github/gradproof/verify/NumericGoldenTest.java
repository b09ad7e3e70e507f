package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.gradproof.NumericRecompute;
import io.github.gradproof.autograd.Tensor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numeric answers against PyTorch: each case of {@code golden/numeric/numeric.json} (written by
 * {@code src/test/python/golden_numeric.py}) is a question's forward lines and ask with fixed
 * inputs and PyTorch's answer; the engine's recomputation from the same inputs must agree to
 * 1e-13 of the answer's scale. This is also what vouches for {@link NumericRecompute}, the
 * reference the verifier's own answers are checked against.
 */
class NumericGoldenTest {

  static Stream<JsonObject> cases() throws IOException {
    try (Reader in = new InputStreamReader(NumericGoldenTest.class.getResourceAsStream("/golden/numeric/numeric.json"),
        StandardCharsets.UTF_8)) {
      List<JsonObject> out = new ArrayList<>();
      JsonParser.parseReader(in).getAsJsonObject().getAsJsonArray("cases").forEach(c -> out.add(c.getAsJsonObject()));
      return out.stream();
    }
  }

  @Test
  void theFixtureHasCases() throws IOException {
    assertFalse(cases().toList().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theEngineAgreesWithPyTorch(JsonObject c) {
    List<String> forward = new ArrayList<>();
    c.getAsJsonArray("forward").forEach(l -> forward.add(l.getAsString()));
    Map<String, Integer> dims = new LinkedHashMap<>();
    c.getAsJsonObject("dims").entrySet().forEach(e -> dims.put(e.getKey(), e.getValue().getAsInt()));
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    c.getAsJsonObject("inputs").entrySet().forEach(e -> inputs.put(e.getKey(), NumericRecompute.tensor(e.getValue())));
    Set<String> labels = new HashSet<>();
    c.getAsJsonArray("labels").forEach(l -> labels.add(l.getAsString()));
    double expected = c.get("answer").getAsDouble();
    double actual = NumericRecompute.answer(forward, c.get("ask").getAsString(), dims, inputs, labels);
    assertEquals(expected, actual, 1e-13 * Math.max(1, Math.abs(expected)), c.get("name").getAsString());
  }
}
