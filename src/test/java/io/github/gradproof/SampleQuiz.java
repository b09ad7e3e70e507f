package io.github.gradproof;

import io.github.gradproof.claim.Argument;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Operand;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.SourceLocation;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Answer;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.Localized;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import io.github.gradproof.verify.ChoiceResult;
import io.github.gradproof.verify.ClaimResult;
import io.github.gradproof.verify.ConvergenceExperiment;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.QuestionResult;
import io.github.gradproof.verify.Reason;
import io.github.gradproof.verify.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built quiz models and verification results for rendering tests, so the render and site
 * packages are tested without depending on the loader or the verifier.
 */
public final class SampleQuiz {

  public static final String FILE = "data/quizzes/phase-03-sample.yaml";

  private SampleQuiz() {}

  public static Localized text(String en, String es) {
    return new Localized(Map.of("en", en, "es", es), at(1, 1));
  }

  public static SourceLocation at(int line, int column) {
    return new SourceLocation(FILE, line, column);
  }

  public static SourceSpan claim(String source, int line) {
    return new SourceSpan(source, at(line, 9), "      - claim: \"" + source + "\"");
  }

  /** A phase with one multi question (one holding claim, one false) and one free question. */
  public static Phase phase(String titleEn) {
    Question multi =
        new Question(
            "q-03-01",
            QuestionKind.MULTI,
            text("Matmul <b>gradients</b>", "Gradientes de matmul"),
            text("`C = A @ B`. Which hold? <script>alert(1)</script>", "`C = A @ B`. ¿Cuáles se cumplen?"),
            null,
            List.of(
                new Choice(1, null, List.of(claim("dA = dC @ B.T", 10)), at(10, 7)),
                new Choice(2, null, List.of(claim("dA = B @ dC.T", 11)), at(11, 7)),
                new Choice(3, text("Something [elsewhere](https://example.org/)", "Algo"), List.of(), at(12, 7))),
            new Answer(List.of(1), null, List.of(), at(13, 13)),
            text("Because **shapes** match.", "Porque las **formas** coinciden."),
            true,
            null,
            at(5, 5));
    Question free =
        new Question(
            "q-03-02",
            QuestionKind.FREE,
            text("Sum", "Suma"),
            text("What is `dx`?", "¿Qué es `dx`?"),
            null,
            List.of(),
            new Answer(List.of(), text("All ones.", "Todo unos."), List.of(claim("dx = ones_like(x) * ds", 20)), at(19, 5)),
            null,
            true,
            null,
            at(16, 5));
    return new Phase(FILE, 3, "sample", text(titleEn, "Fase 3 — Muestra"), text("A *sample*.", "Una *muestra*."),
        List.of(multi, free));
  }

  /** A claim parsed as the verifier parses it. */
  public static Line line(SourceSpan claim) {
    List<Diagnostic> errors = new ArrayList<>();
    Line line = Claims.parseOnly(claim, errors);
    if (line == null) {
      throw new IllegalArgumentException(claim.source() + ": " + errors);
    }
    return line;
  }

  /** A dims assignment in the order given: {@code dims("M", 3, "K", 4)}. */
  public static Map<String, Integer> dims(Object... namesAndValues) {
    Map<String, Integer> dims = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      dims.put((String) namesAndValues[i], (Integer) namesAndValues[i + 1]);
    }
    return dims;
  }

  /** Plausible verification results for {@link #phase(String)}. */
  public static PhaseResult result(Phase phase) {
    Question multi = phase.questions().get(0);
    Question free = phase.questions().get(1);
    ClaimResult holds = new ClaimResult(multi.choices().get(0).claims().get(0), line(multi.choices().get(0).claims().get(0)),
        new int[] {3, 4}, 1.1e-16, 2.5e-10, 3, Verdict.HOLDS, null);
    Line wrongLine = line(multi.choices().get(1).claims().get(0));
    Reason shape = new Reason.ShapeMismatch(
        new Argument(null, ((Line.GradientClaim) wrongLine).value(), new Operand.Tensor(new int[] {4, 3})),
        new Argument(null, null, new Operand.Tensor(new int[] {3, 4})), "dA", dims("M", 3, "K", 4));
    ClaimResult wrong = new ClaimResult(multi.choices().get(1).claims().get(0), wrongLine,
        new int[] {4, 3}, Double.NaN, 2.5e-10, 3, Verdict.FALSE, shape);
    QuestionResult first = new QuestionResult(multi,
        List.of(new ChoiceResult(1, List.of(holds), Verdict.HOLDS, true),
            new ChoiceResult(2, List.of(wrong), Verdict.FALSE, false),
            new ChoiceResult(3, List.of(), Verdict.NOT_CHECKABLE, false)),
        List.of(), 3, 3, List.of(dims("M", 3, "K", 4)), 2.5e-10, null, List.of());
    ClaimResult ones = new ClaimResult(free.answer().claims().get(0), line(free.answer().claims().get(0)),
        new int[] {3, 5}, 0.0, 1.0e-11, 3, Verdict.HOLDS, null);
    ConvergenceExperiment experiment = new ConvergenceExperiment(
        List.of(1e-1, 1e-2, 1e-3, 1e-4), List.of(1e-1, 1e-2, 1e-3, 1e-4), List.of(1e-2, 1e-4, 1e-6, 1e-8),
        1.0, 2.0, 7, 12);
    QuestionResult second = new QuestionResult(free, List.of(), List.of(ones), 3, 3,
        List.of(dims("R", 3, "C", 5)), 1.0e-11, experiment, List.of());
    return new PhaseResult(phase, List.of(first, second));
  }
}
