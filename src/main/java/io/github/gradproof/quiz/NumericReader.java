package io.github.gradproof.quiz;

import io.github.gradproof.diag.SourceSpan;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads what a numeric question adds to a question ({@code ask}, {@code tolerance},
 * {@code variants}, the explanation's placeholders) and checks what it may not have: choices, an
 * answer key, {@code verify: false}, inputs a reader cannot work with by hand, alternative dims.
 * Other kinds may not use the numeric keys.
 */
final class NumericReader {

  static final List<String> NUMERIC_KEYS = List.of("ask", "tolerance", "variants");
  private static final List<String> TOLERANCE_KEYS = List.of("abs", "rel");

  private final NodeReader reader;
  private final MapView map;

  private NumericReader(NodeReader reader, MapView map) {
    this.reader = reader;
    this.map = map;
  }

  /**
   * The numeric part of a question: {@code null} for other kinds (after reporting any numeric key
   * they use) and when a problem was reported.
   *
   * @param texts the question's title, prompt and explanation as read (each {@code null} when
   *     absent or already reported)
   */
  static NumericSpec read(NodeReader reader, MapView map, QuestionKind kind, Setup setup, Texts texts) {
    NumericReader r = new NumericReader(reader, map);
    if (kind != QuestionKind.NUMERIC) {
      r.refuseNumericKeys(kind);
      return null;
    }
    return r.read(setup, texts.title(), texts.prompt(), texts.explanation());
  }

  /** The localized fields of a question that placeholders concern. */
  record Texts(Localized title, Localized prompt, Localized explanation) {}

  private void refuseNumericKeys(QuestionKind kind) {
    for (String key : NUMERIC_KEYS) {
      if (map.has(key) && kind != null) {
        reader.error(map.key(key), key + " only applies to kind: numeric; remove it, or make the question"
            + " kind: numeric");
      }
    }
  }

  private NumericSpec read(Setup setup, Localized title, Localized prompt, Localized explanation) {
    int before = reader.problems().count();
    refuse("choices", "a numeric question has no choices: its answer is the number ask computes; remove choices");
    refuse("answer", "a numeric question's answer is computed from ask, for every variant; remove answer");
    Node verify = map.value("verify");
    if (verify != null && Boolean.FALSE.equals(reader.bool(verify, "verify"))) {
      reader.error(map.key("verify"), "a numeric question is always verified (its answers are computed and"
          + " cross-checked); remove verify: false, or make it another kind");
    }
    refuse("verify_reason", "a numeric question is always verified, so it has no verify_reason; remove it");
    if (!map.has("setup")) {
      reader.error(map.node(), "a numeric question needs a setup: the inputs the reader is shown and the forward"
          + " lines the answer is computed from; add setup: {dims: ..., inputs: ..., forward: ...}");
    } else if (setup != null) {
      new NumericSetupCheck(reader).check(setup);
    }
    Node askNode = map.required("ask", "ask: \"dA[0, 1]\"  (the number asked for, in the claim language)");
    SourceSpan ask = askNode == null ? null : ClaimTexts.single(reader, askNode, "ask");
    NumericTolerance tolerance = map.has("tolerance") ? tolerance(map.value("tolerance")) : NumericTolerance.DEFAULT;
    Integer variants = map.has("variants") ? variants(map.value("variants")) : Integer.valueOf(NumericSpec.DEFAULT_VARIANTS);
    if (title != null) {
      Placeholders.refuse(reader, title, map.value("title"), "title");
    }
    if (prompt != null) {
      Placeholders.refuse(reader, prompt, map.value("prompt"), "prompt");
    }
    List<NumericSpec.Placeholder> placeholders =
        explanation == null ? List.of() : Placeholders.read(reader, explanation, map.value("explanation"), "explanation");
    if (reader.problems().count() != before || ask == null || tolerance == null || variants == null
        || placeholders == null) {
      return null;
    }
    return new NumericSpec(ask, tolerance, variants, placeholders);
  }

  private void refuse(String key, String message) {
    if (map.has(key)) {
      reader.error(map.key(key), message);
    }
  }

  /** {@code {abs: 0.01}}, {@code {rel: 0.001}} or both; each a number of 0 or more. */
  private NumericTolerance tolerance(Node node) {
    MapView t = reader.map(node, "tolerance", TOLERANCE_KEYS,
        " with abs and/or rel, e.g. {abs: 0.01} or {rel: 0.001}");
    if (t == null) {
      return null;
    }
    if (!t.has("abs") && !t.has("rel")) {
      reader.error(node, "tolerance needs abs, rel or both, e.g. {abs: 0.01}; remove it to use the default"
          + " {abs: 0.005, rel: 0.001}");
      return null;
    }
    Double abs = t.has("abs") ? amount(t.value("abs"), "abs") : Double.valueOf(0);
    Double rel = t.has("rel") ? amount(t.value("rel"), "rel") : Double.valueOf(0);
    return abs == null || rel == null ? null : new NumericTolerance(abs, rel, reader.location(node));
  }

  private Double amount(Node node, String key) {
    if (node instanceof ScalarNode s && (Tag.INT.equals(s.getTag()) || Tag.FLOAT.equals(s.getTag()))) {
      try {
        double v = Double.parseDouble(s.getValue());
        if (v >= 0 && v < Double.POSITIVE_INFINITY) {
          return v;
        }
      } catch (NumberFormatException e) {
        // 0x1F, .nan, .inf and the like fall through to the message
      }
    }
    reader.error(node, "tolerance " + key + " must be a number of 0 or more, e.g. " + key + ": 0.01; found "
        + NodeReader.describe(node));
    return null;
  }

  private Integer variants(Node node) {
    Integer n = reader.integer(node, "variants");
    if (n != null && (n < 1 || n > NumericSpec.MAX_VARIANTS)) {
      reader.error(node, "variants must be from 1 to " + NumericSpec.MAX_VARIANTS + "; found " + n);
      return null;
    }
    return n;
  }

  /** The setup rules of numeric questions: what the reader is shown must be workable by hand. */
  private static final class NumericSetupCheck {
    private final NodeReader reader;

    NumericSetupCheck(NodeReader reader) {
      this.reader = reader;
    }

    void check(Setup setup) {
      setup.dims().forEach((name, values) -> {
        if (values.size() > 1) {
          reader.error(setup.dimLocations().get(name), "dim '" + name + "' lists alternatives, but the variants"
              + " of a numeric question all have the sizes the reader is shown; give it one value");
        }
      });
      long shown = 0;
      // the first alternatives: numeric questions list none (reported above)
      Map<String, Integer> sizes = setup.sizes(Setup.combinations(setup.dims()).get(0), Integer.MAX_VALUE);
      for (InputSpec in : setup.inputs()) {
        Distribution d = in.distribution();
        if (d != Distribution.SMALL_INT && d != Distribution.SMALL_DECIMAL && d != Distribution.LABELS
            && d != Distribution.BERNOULLI) {
          reader.error(in.location(), "input '" + in.name() + "' is drawn from " + d.yamlName() + ", but a numeric"
              + " question shows its inputs to the reader, who works the answer from them; write {shape: [...],"
              + " dist: small_int} or dist: small_decimal (with range: [low, high] if needed), or labels or a"
              + " bernoulli mask");
        }
        shown += elements(in, sizes);
      }
      if (shown > NumericSpec.MAX_SHOWN_ELEMENTS) {
        reader.error(setup.location(), "the inputs hold " + shown + " numbers, more than the "
            + NumericSpec.MAX_SHOWN_ELEMENTS + " a numeric question shows a reader per variant; use smaller dims");
      }
      for (InputSpec in : setup.inputs()) {
        reserved(in.name(), in.location());
      }
      for (SourceSpan line : setup.forward()) {
        String name = line.source().split("=", 2)[0].strip();
        reserved(name, line.location());
      }
    }

    private void reserved(String name, io.github.gradproof.diag.SourceLocation at) {
      if (name.equals(NumericSpec.ANSWER_NAME)) {
        reader.error(at, "'" + NumericSpec.ANSWER_NAME + "' names the answer in a numeric question's"
            + " placeholders ({{answer}}); give this another name");
      }
    }

    private static long elements(InputSpec in, Map<String, Integer> sizes) {
      long n = 1;
      for (String axis : in.shape()) {
        n = Math.min(n * Setup.size(axis, sizes), Long.MAX_VALUE / 1_000_000);
      }
      return n;
    }
  }
}
