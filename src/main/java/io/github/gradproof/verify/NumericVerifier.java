package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.TensorLimitException;
import io.github.gradproof.claim.CheckedExpression;
import io.github.gradproof.claim.EvaluationException;
import io.github.gradproof.claim.IntegerOverflowException;
import io.github.gradproof.claim.Value;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.NumericSpec;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies a numeric question: draws its variants and computes each answer with the engine.
 *
 * <p>Variant {@code v} (1-based) takes draw {@code d} (0-based) from the seed of trial
 * {@code (v − 1)·}{@value #MAX_DRAWS}{@code  + d} of the question ({@link Seeds}), so a variant's
 * inputs do not depend on how many variants there are. A draw is replaced by the next one when
 * the answer or a placeholder value is undefined (NaN, infinite, an undefined operation), when a
 * forward line fails on its values, or when its inputs equal an earlier variant's; after
 * {@value #MAX_DRAWS} draws the question is an authoring error. The engine's gradient of every
 * name the ask and the placeholders differentiate is cross-checked against finite differences on
 * every variant, by the same check as claims ({@link Trial#check}); a disagreement is drift, as
 * for claims. Numeric questions run under the setup's own dims only: the variants are what the
 * reader sees. A tolerance that lets a reader type 0 or copy a shown number in every variant, though
 * it is not the answer, is an authoring error ({@link NumericShortcut}). Every answer and placeholder
 * value carries its rounding bound ({@link VariantRounding}), so that one that is zero up to roundoff
 * can be written as 0.
 */
public final class NumericVerifier {

  /** The most draws one variant may take. */
  public static final int MAX_DRAWS = 20;

  /** How far (relative to max(1, |x|)) the inputs move to find a gradient that jumps at the draw. */
  static final double KINK_STEP = 1e-9;

  /** The change, relative to max(1, |value|), beyond which a value a step away has jumped. */
  static final double KINK_JUMP = 1e-5;

  private static final long KINK_SEED = 0x6B69_6E6B_0000_0001L;

  private static final String STEP = "the answer is on a step: round, floor, a comparison or another step of"
      + " the shown numbers sits exactly on its jump, where the binary computation and a reader's exact decimal"
      + " arithmetic can land on different sides (0.3 / 0.2 is 1.4999999999999998 in binary)";

  private static final String KINK = "the answer is at a kink: a gradient it reads is taken where relu, abs, "
      + "max or another operation is not differentiable, so its value is a convention, not a number a reader "
      + "can work out";

  private final EngineCheck engineCheck;

  /** A verifier whose engine cross-check is central differences, as for claims. */
  public NumericVerifier() {
    this(EngineCheck.CENTRAL_DIFFERENCES);
  }

  /** A verifier whose engine cross-check is {@code engineCheck} (tests use a failing one). */
  NumericVerifier(EngineCheck engineCheck) {
    this.engineCheck = engineCheck;
  }

  /**
   * Verifies a numeric question.
   *
   * @return the variants with their answers ({@link QuestionResult#numeric()}); an engine
   *     disagreement as a problem
   * @throws DiagnosticException with every authoring error: in the setup, an {@code ask} or a
   *     placeholder that names something unknown or is not one number, a variant that cannot be
   *     drawn with defined values
   * @throws IllegalArgumentException if the question is not numeric
   */
  public QuestionResult verify(Question question) {
    return verify(new CompiledQuestion(question));
  }

  /** {@link #verify(Question)} on a question already compiled (a compiled question is never changed). */
  QuestionResult verify(CompiledQuestion cq) {
    Question question = cq.question;
    if (question.kind() != QuestionKind.NUMERIC || question.numeric() == null) {
      throw new IllegalArgumentException(question.id() + " is not a numeric question");
    }
    List<Diagnostic> errors = new ArrayList<>(cq.errors);
    Map<String, Integer> dims = cq.dimAssignments().get(0);
    NumericAsk ask = NumericAsk.compile(question.numeric(), cq.scope(), dims, errors);
    if (!errors.isEmpty()) {
      throw new DiagnosticException(CompiledQuestion.named(question, errors));
    }
    Draws draws = new Draws(cq, ask, dims);
    List<Variant> variants = new ArrayList<>();
    for (int v = 1; v <= question.numeric().variants(); v++) {
      variants.add(draws.variant(v, variants));
    }
    Diagnostic refused = NumericShortcut.refusesShownAnswer(question, ask.askText, variants);
    if (refused != null) {
      throw new DiagnosticException(refused);
    }
    Diagnostic shortcut = NumericShortcut.find(question, ask.askText, variants);
    if (shortcut != null) {
      throw new DiagnosticException(shortcut);
    }
    Diagnostic dropped = draws.droppedTerm(variants);
    if (dropped != null) {
      throw new DiagnosticException(dropped);
    }
    double engine = Double.NaN;
    for (Variant v : variants) {
      engine = Double.isNaN(engine) ? v.engineError() : Double.isNaN(v.engineError()) ? engine
          : Math.max(engine, v.engineError());
    }
    return new QuestionResult(question, List.of(), List.of(), variants.size(), variants.size(), List.of(dims), engine, null,
        draws.problems, new NumericResult(variants, draws.checked));
  }

  /** The draws of one question's variants. */
  private final class Draws {
    private final CompiledQuestion cq;
    private final NumericAsk ask;
    private final Map<String, Integer> dims;
    private final String id;
    /** Names whose gradient is cross-checked: those read, except the objective's own. */
    final Set<String> checked = new LinkedHashSet<>();
    final List<Diagnostic> problems = new ArrayList<>();
    private final Set<String> failed = new LinkedHashSet<>();
    /**
     * Whether some input is drawn as decimals, whose binary values are not the decimals shown: only
     * then can an answer on a step of round or floor come out on the other side than a reader's exact
     * arithmetic puts it (small whole numbers, and their quotients, are exact or far from a step).
     */
    private final boolean decimals;

    Draws(CompiledQuestion cq, NumericAsk ask, Map<String, Integer> dims) {
      this.cq = cq;
      this.ask = ask;
      this.dims = dims;
      this.id = cq.question.id();
      String objective = cq.forward.isEmpty() ? null : cq.forward.get(cq.forward.size() - 1).name();
      ask.differentiated.stream().filter(n -> !n.equals(objective)).forEach(checked::add);
      this.decimals = cq.question.setup().inputs().stream()
          .anyMatch(in -> in.distribution() == io.github.gradproof.quiz.Distribution.SMALL_DECIMAL);
    }

    /**
     * A decimal term of a forward line that a reader could leave out and still be called right in
     * every variant ({@link DroppedTerm}), as its refusal; {@code null} when there is none.
     */
    Diagnostic droppedTerm(List<Variant> variants) {
      if (variants.size() < 2) {
        return null;
      }
      for (int line = 0; line < cq.forward.size(); line++) {
        for (DroppedTerm term : DroppedTerm.of(cq.question, line, cq.forward.get(line))) {
          double[] answers = answers(term.question(), variants);
          if (answers != null) {
            Diagnostic d = term.problem(ask.askText, variants, answers);
            if (d != null) {
              return d;
            }
          }
        }
      }
      return null;
    }

    /** Each variant's answer on its own inputs under {@code changed}, or {@code null} where one is undefined. */
    private double[] answers(Question changed, List<Variant> variants) {
      CompiledQuestion other = new CompiledQuestion(changed);
      if (!other.errors.isEmpty()) {
        return null;
      }
      double[] answers = new double[variants.size()];
      for (int i = 0; i < answers.length; i++) {
        Variant v = variants.get(i);
        Map<String, Tensor> given = new LinkedHashMap<>();
        v.inputs().forEach((name, values) -> given.put(name, Tensor.of(values.toArray(), values.shape())));
        try {
          Evaluation e = evaluate(VariantTrial.with(other, dims, Seeds.of(id, (v.number() - 1) * MAX_DRAWS
              + v.draws() - 1), given), v.number());
          if (e.reason() != null) {
            return null;
          }
          answers[i] = e.answer();
        } catch (RuntimeException f) {
          return null; // the line is undefined without the term: no number a reader would type
        }
      }
      return answers;
    }

    /** Variant {@code number}: the first of its draws whose values are defined and new. */
    Variant variant(int number, List<Variant> earlier) {
      String reason = null;
      TrialFailure failure = null;
      for (int d = 0; d < MAX_DRAWS; d++) {
        VariantTrial trial;
        long seed = Seeds.of(id, (number - 1) * MAX_DRAWS + d);
        try {
          trial = VariantTrial.draw(cq, dims, seed);
        } catch (TrialFailure f) {
          failure = f;
          reason = null;
          continue;
        }
        requireScalarObjective(trial);
        Map<String, NumberArray> inputs = inputs(trial);
        Evaluation e = repeats(inputs, earlier) ? Evaluation.undefined("the inputs repeated an earlier variant's")
            : evaluate(trial, number);
        if (e.reason() == null && (!ask.differentiated.isEmpty() || decimals) && atKink(trial, e, seed, number)) {
          e = Evaluation.undefined(ask.differentiated.isEmpty() ? STEP : KINK);
        }
        if (e.reason() != null) {
          reason = e.reason();
          continue;
        }
        VariantRounding.Bounds rounding = VariantRounding.measure(trial, e.answer(), e.values(),
            probe -> probedValues(probe, number));
        return new Variant(number, inputs, e.answer(), e.values(), d + 1, crossCheck(trial, number),
            rounding.answer(), rounding.values());
      }
      throw exhausted(number, reason, failure);
    }

    private Map<String, NumberArray> inputs(VariantTrial trial) {
      Map<String, NumberArray> inputs = new LinkedHashMap<>();
      for (InputSpec in : cq.question.setup().inputs()) {
        Tensor t = trial.input(in.name());
        inputs.put(in.name(), new NumberArray(t.shape(), t.toArray()));
      }
      return inputs;
    }

    private boolean repeats(Map<String, NumberArray> inputs, List<Variant> earlier) {
      return earlier.stream().anyMatch(v -> v.inputs().equals(inputs));
    }

    /**
     * Whether the answer or a placeholder jumps at the draw: it reads a gradient at a kink of relu,
     * abs, max, clip, a pool (...), where the engine's value is a convention (PyTorch's 0, the first
     * maximum) that the finite-difference cross-check skips and a reader cannot work out; or it is a
     * value on a step of round, floor or a comparison, where the decimals a reader works with and
     * their binary approximations can fall on different sides ({@code round(0.3 / 0.2)} is 1 in
     * binary, 2 in decimals). The values are recomputed with every float input moved by
     * {@value #KINK_STEP}·max(1, |x|) along two seeded random directions, both ways: where they are
     * smooth they move by about that step, while at a kink or a step they jump between the sides.
     */
    private boolean atKink(VariantTrial trial, Evaluation e, long seed, int number) {
      Rng rng = new Rng(seed ^ KINK_SEED);
      for (int direction = 0; direction < 2; direction++) {
        Map<String, Tensor> plus = new LinkedHashMap<>();
        Map<String, Tensor> minus = new LinkedHashMap<>();
        for (InputSpec in : cq.question.setup().inputs()) {
          if (in.distribution().isConstant()) {
            continue;
          }
          Tensor x = trial.input(in.name());
          double[] v = x.toArray();
          double[] u = rng.normal(x.shape()).toArray();
          double[] p = new double[v.length];
          double[] m = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            double step = KINK_STEP * Math.max(1, Math.abs(v[i])) * u[i];
            p[i] = v[i] + step;
            m[i] = v[i] - step;
          }
          plus.put(in.name(), Tensor.of(p, x.shape()));
          minus.put(in.name(), Tensor.of(m, x.shape()));
        }
        Evaluation a;
        Evaluation b;
        try {
          a = evaluate(VariantTrial.with(cq, dims, seed, plus), number);
          b = evaluate(VariantTrial.with(cq, dims, seed, minus), number);
        } catch (TrialFailure f) {
          return false; // a forward line undefined next to the draw: judged as the draw itself is
        }
        if (a.reason() != null || b.reason() != null) {
          continue;
        }
        if (jumps(a.answer(), b.answer(), e.answer())) {
          return true;
        }
        for (Map.Entry<String, Double> p : e.values().entrySet()) {
          if (jumps(a.values().get(p.getKey()), b.values().get(p.getKey()), p.getValue())) {
            return true;
          }
        }
      }
      return false;
    }

    /** Whether two values a step apart differ by more than a smooth function moves over it. */
    private static boolean jumps(double a, double b, double at) {
      return Math.abs(a - b) > KINK_JUMP * Math.max(1, Math.abs(at));
    }

    /** The answer, then every placeholder value, in a rounding probe of a draw; null when one is undefined there. */
    private double[] probedValues(VariantTrial probe, int number) {
      Evaluation e;
      try {
        e = evaluate(probe, number);
      } catch (RuntimeException x) {
        return null; // undefined in a probe: the bound is unknown
      }
      if (e.reason() != null) {
        return null;
      }
      double[] values = new double[e.values().size() + 1];
      values[0] = e.answer();
      int i = 1;
      for (double v : e.values().values()) {
        values[i++] = v;
      }
      return values;
    }

    /** Why the last expression {@link #value} gave {@code null} for was undefined. */
    private String undefined;

    /** The answer and every placeholder value, or why they are undefined on this draw. */
    private Evaluation evaluate(VariantTrial trial, int number) {
      Double answer = value(trial, ask.ask, ask.askText, Map.of(), number);
      if (answer == null || !Double.isFinite(answer)) {
        return Evaluation.undefined(answer == null ? "the answer was undefined: " + undefined
            : "the answer was " + answer);
      }
      Map<String, Value> extra = Map.of(NumericSpec.ANSWER_NAME, Value.constant(Tensor.scalar(answer)));
      Map<String, Double> values = new LinkedHashMap<>();
      for (Map.Entry<String, CheckedExpression> p : ask.placeholders.entrySet()) {
        Double v = value(trial, p.getValue(), ask.placeholderTexts.get(p.getKey()), extra, number);
        if (v == null || !Double.isFinite(v)) {
          return Evaluation.undefined("{{" + p.getKey() + "}} was " + (v == null ? "undefined: " + undefined : v));
        }
        values.put(p.getKey(), v);
      }
      return new Evaluation(answer, values, null);
    }

    /** One expression's number on this draw; {@code null} when an operation is undefined on its values. */
    private Double value(VariantTrial trial, CheckedExpression e, SourceSpan text, Map<String, Value> extra, int number) {
      Value v;
      try {
        v = trial.evaluate(e.expr(), extra);
      } catch (EvaluationException x) {
        if (x.kind() != null && x.kind() != ShapeException.Kind.DOMAIN) {
          // A shape, an axis or an index that does not fit: the dims are the author's in every draw,
          // so no other draw can help, and "choose other ranges" would send the author the wrong way.
          throw new DiagnosticException(new Diagnostic(text.location(), id + ": this expression is undefined at the"
              + " question's dims, whatever the values: " + x.getMessage() + "; fix the expression", text.sourceLine()));
        }
        undefined = x.getMessage();
        return null;
      } catch (TensorLimitException x) {
        throw new DiagnosticException(new Diagnostic(text.location(), id + ": this expression is refused: "
            + x.getMessage() + "; use smaller dims", text.sourceLine()));
      } catch (IntegerOverflowException x) {
        throw new DiagnosticException(text.diagnostic(x.pos(), id + ": " + x.getMessage()));
      }
      if (v instanceof Value.IntValue i) {
        return (double) i.value();
      }
      Tensor t = ((Value.TensorValue) v).tensor();
      if (t.rank() != 0) {
        throw new DiagnosticException(NumericAsk.notANumber(text, id + ": " + (text == ask.askText ? "ask"
            : "the placeholder {{" + text.source() + "}}"), "on the inputs of variant " + number
            + " it has shape " + Tensor.shapeString(t.shape())));
      }
      return t.item();
    }

    /** Gradients are of the objective: a hidden random upstream gradient would make the answer unworkable. */
    private void requireScalarObjective(VariantTrial trial) {
      if (ask.differentiated.isEmpty() || trial.objectiveRank() == 0) {
        return;
      }
      SourceSpan at = ask.askText;
      String last = cq.forward.get(cq.forward.size() - 1).name();
      throw new DiagnosticException(new Diagnostic(at.location(), id + ": this question reads the gradient d"
          + ask.differentiated.iterator().next() + ", but the objective '" + last + "' (the last forward line)"
          + " is not one number, so its gradients would follow a random upstream gradient the reader never sees;"
          + " end the forward lines with a scalar, e.g. L = sum(" + last + " * G) with an input G",
          at.sourceLine()));
    }

    /**
     * Cross-checks every read gradient on this draw; returns the largest error relative to its
     * gradient's scale ({@link GradCheckResult#relativeError()}; {@code NaN} for none).
     */
    private double crossCheck(VariantTrial trial, int number) {
      double max = Double.NaN;
      for (String name : checked) {
        GradCheckResult r = trial.check(name, engineCheck);
        max = Double.isNaN(max) ? r.relativeError() : Math.max(max, r.relativeError());
        DiagnosticException nan = r.passed() ? null : trial.nanGradient(cq, name);
        if (nan != null) {
          throw nan; // a NaN a forward line discards, not the engine's fault
        }
        if (!r.passed() && failed.add(name)) {
          problems.add(Diagnostic.at(cq.question.location(), id + ": the engine's gradient d" + name
              + " disagrees with central differences (|Δ| = " + String.format(Locale.ROOT, "%.1e",
              r.maxAbsError()) + " on variant " + number + "); the autograd engine is wrong here, not the quiz"));
        }
      }
      return max;
    }

    private DiagnosticException exhausted(int number, String reason, TrialFailure failure) {
      if (reason == null && failure != null) {
        return new DiagnosticException(new Diagnostic(failure.line.location(), id + ": variant " + number
            + " could not be drawn: in " + MAX_DRAWS + " draws " + failure.getMessage(), failure.line.sourceLine()));
      }
      SourceSpan at = ask.askText;
      return new DiagnosticException(new Diagnostic(at.location(), id + ": variant " + number + " could not be"
          + " drawn: in " + MAX_DRAWS + " draws the values were never all defined and new (last: " + reason
          + "); choose ranges that keep them defined (no 0 before a division or a log, say) and leave room for "
          + "different variants, or ask for fewer variants", at.sourceLine()));
    }
  }

  /** The values of one draw, or why they are undefined ({@code reason} not {@code null}). */
  private record Evaluation(double answer, Map<String, Double> values, String reason) {
    static Evaluation undefined(String reason) {
      return new Evaluation(Double.NaN, Map.of(), reason);
    }
  }
}
