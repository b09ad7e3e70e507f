package io.github.gradproof.render;

import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.verify.NumberArray;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Variant;
import java.util.Map;

/**
 * The fields {@code verification.json} adds for a numeric question: what is asked, each input's
 * distribution (class labels have no gradient), the forward lines, the tolerance, and every variant's inputs (nested lists, as NumPy's {@code tolist()}
 * writes them) and answer, with exactly the digits that read back as the values computed with
 * ({@link Numbers#exact}), so that another tool can recompute every answer from the file alone.
 */
final class NumericJson {

  private NumericJson() {}

  static void write(Json json, QuestionResult result) {
    Question q = result.question();
    json.field("ask", q.numeric().ask().source());
    json.name("dists").beginObject();
    for (InputSpec in : q.setup().inputs()) {
      json.field(in.name(), in.distribution().yamlName());
    }
    json.endObject();
    json.name("forward").beginArray();
    for (SourceSpan line : q.setup().forward()) {
      json.value(line.source());
    }
    json.endArray();
    json.name("tolerance").beginObject();
    json.name("abs").exact(q.numeric().tolerance().absolute());
    json.name("rel").exact(q.numeric().tolerance().relative());
    json.endObject();
    json.name("variants").beginArray();
    for (Variant v : result.numeric().variants()) {
      json.beginObject();
      json.name("inputs").beginObject();
      for (Map.Entry<String, NumberArray> in : v.inputs().entrySet()) {
        json.name(in.getKey());
        nested(json, in.getValue().toArray(), in.getValue().shape(), 0, 0);
      }
      json.endObject();
      json.name("answer").exact(v.answer());
      json.endObject();
    }
    json.endArray();
  }

  /** Writes {@code data} from {@code offset} as nested lists over {@code shape[axis:]}. */
  private static int nested(Json json, double[] data, int[] shape, int axis, int offset) {
    if (axis == shape.length) {
      json.exact(data[offset]);
      return offset + 1;
    }
    json.beginArray();
    int next = offset;
    for (int i = 0; i < shape[axis]; i++) {
      next = nested(json, data, shape, axis + 1, next);
    }
    json.endArray();
    return next;
  }
}
