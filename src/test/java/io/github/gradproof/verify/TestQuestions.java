package io.github.gradproof.verify;

import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Answer;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import io.github.gradproof.quiz.Setup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds quiz model records from short strings, as if loaded from {@code test.yaml}: the question
 * starts on line 1, forward line {@code i} stands on line {@code 10 + i} at column 9, claim
 * {@code j} on line {@code 20 + j} at column 17 inside {@code       - claim: "…"}, and the
 * answer at {@code 30:13}.
 */
public final class TestQuestions {

  static final String FILE = "test.yaml";

  private TestQuestions() {}

  /**
   * A setup from {@code "M=3 K=4 B=4,6"}, {@code "A[M,K] z[B,K] x[N]:positive y[B]:labels(K)"} and
   * forward lines separated by {@code ;}.
   */
  public static Setup setup(String dims, String inputs, String forward) {
    Map<String, List<Integer>> dimMap = new LinkedHashMap<>();
    Map<String, SourceLocation> dimLocations = new LinkedHashMap<>();
    for (String d : dims.trim().split("\\s+")) {
      if (d.isEmpty()) {
        continue;
      }
      String[] kv = d.split("=");
      dimMap.put(kv[0], Arrays.stream(kv[1].split(",")).map(Integer::valueOf).toList());
      dimLocations.put(kv[0], at(2, 5));
    }
    List<InputSpec> ins = new ArrayList<>();
    for (String in : inputs.trim().split("\\s+")) {
      if (in.isEmpty()) {
        continue;
      }
      String name = in.substring(0, in.indexOf('['));
      String shape = in.substring(in.indexOf('[') + 1, in.indexOf(']'));
      String rest = in.substring(in.indexOf(']') + 1);
      Distribution dist = Distribution.NORMAL;
      String classes = null;
      if (rest.startsWith(":labels(")) {
        dist = Distribution.LABELS;
        classes = rest.substring(":labels(".length(), rest.length() - 1);
      } else if (!rest.isEmpty()) {
        dist = Distribution.valueOf(rest.substring(1).toUpperCase(java.util.Locale.ROOT));
      }
      List<String> axes = shape.isEmpty() ? List.of() : List.of(shape.split(","));
      ins.add(new InputSpec(name, axes, dist, classes, at(3, 5)));
    }
    List<SourceSpan> lines = new ArrayList<>();
    String[] fwd = forward.split(";");
    for (int i = 0; i < fwd.length; i++) {
      String src = fwd[i].trim();
      if (!src.isEmpty()) {
        lines.add(new SourceSpan(src, at(10 + i, 9), "        " + src));
      }
    }
    return new Setup(dimMap, dimLocations, ins, lines, at(4, 5));
  }

  /** The setup with {@code exact_dims: true}: its claims are tried at the author's dims only. */
  static Setup exactDims(Setup s) {
    return new Setup(s.dims(), s.dimLocations(), s.inputs(), s.forward(), s.location(), text(), s.derived());
  }

  /** Claim texts, the {@code j}-th on line {@code 20 + j}. */
  static List<SourceSpan> claims(int firstIndex, List<String> sources) {
    List<SourceSpan> out = new ArrayList<>();
    for (int j = 0; j < sources.size(); j++) {
      String prefix = "      - claim: \"";
      out.add(new SourceSpan(sources.get(j), at(20 + firstIndex + j, prefix.length() + 1),
          prefix + sources.get(j) + "\""));
    }
    return out;
  }

  /** A free question whose answer carries {@code claims}. */
  public static Question free(String id, Setup setup, String... claims) {
    Answer answer = new Answer(List.of(), text(), claims(0, List.of(claims)), at(30, 13));
    return new Question(id, QuestionKind.FREE, text(), text(), setup, List.of(), answer, null, true, null, at(1, 5));
  }

  /**
   * A single or multi question: one choice per element of {@code choices} (its claims; empty for a
   * text-only choice), keyed by {@code key}.
   */
  static Question choices(String id, Setup setup, List<List<String>> choices, Integer... key) {
    List<Choice> list = new ArrayList<>();
    int claimIndex = 0;
    for (int i = 0; i < choices.size(); i++) {
      list.add(new Choice(i + 1, text(), claims(claimIndex, choices.get(i)), at(20 + claimIndex, 7)));
      claimIndex += choices.get(i).size();
    }
    QuestionKind kind = key.length == 1 ? QuestionKind.SINGLE : QuestionKind.MULTI;
    Answer answer = new Answer(List.of(key), null, List.of(), at(30, 13));
    return new Question(id, kind, text(), text(), setup, list, answer, null, true, null, at(1, 5));
  }

  /** The same question with {@code verify: false}. */
  static Question unverified(Question q) {
    return new Question(q.id(), q.kind(), q.title(), q.prompt(), q.setup(), q.choices(), q.answer(), q.explanation(),
        false, text(), q.location());
  }

  static Localized text() {
    return new Localized(Map.of("en", "text", "es", "texto"), at(1, 1));
  }

  static SourceLocation at(int line, int column) {
    return new SourceLocation(FILE, line, column);
  }
}
