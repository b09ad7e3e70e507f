package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.KinkRecorder;
import io.github.gradproof.autograd.Gradients;
import io.github.gradproof.autograd.Rng;
import io.github.gradproof.autograd.RoundingProbe;
import io.github.gradproof.autograd.ShapeException;
import io.github.gradproof.autograd.Tensor;
import io.github.gradproof.autograd.TensorLimitException;
import io.github.gradproof.autograd.Var;
import io.github.gradproof.claim.Claims;
import io.github.gradproof.claim.EvaluationException;
import io.github.gradproof.claim.Evaluator;
import io.github.gradproof.claim.Experiments;
import io.github.gradproof.claim.Expr;
import io.github.gradproof.claim.IntegerOverflowException;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.Value;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Setup;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * One trial of a question: inputs drawn from one seed under one dims assignment, the forward graph
 * built and differentiated, and an environment in which claims evaluate. Also re-runs the forward
 * lines on perturbed values, for the central-difference check and the convergence experiment.
 */
final class Trial implements Experiments {

  private final CompiledQuestion question;
  private final long seed;
  private final Map<String, Integer> dims;
  /** Values of dims, inputs, forward names and gradients, all constants: claims evaluate here. */
  final Map<String, Value> env = new HashMap<>();
  /** Engine gradient of the objective for each input and forward name. */
  final Map<String, Tensor> grads = new HashMap<>();
  private final Map<String, Value> rerun;
  private Tensor upstream;
  private ConvergenceExperiment experiment;
  /** Scales of this trial's tensors, by identity ({@link #scaleOf}). */
  private final Map<Tensor, Double> scales = new IdentityHashMap<>();
  private final Map<String, Tensor> given;
  /** How much wider than usual the {@code normal} inputs are drawn ({@link #widened}); 1 as usual. */
  private final double widen;
  /** The values of the forward lines' {@code x.detach()} calls, held through the gradient check's re-runs. */
  private final Map<Expr, Tensor> held = new IdentityHashMap<>();
  /** Moves every computed value a little in a rounding probe of this trial, else null. */
  private final RoundingProbe probe;
  /** The rounding probes of this trial, made on first use ({@link #probe(int)}). */
  private final Trial[] probes = new Trial[ROUNDING_PROBES];
  private boolean probesFailed;
  /** In a rounding probe, where its operations report their branches; else null. */
  private final KinkRecorder kinks;
  /** In a rounding probe, the fingerprint of the branches its forward lines took. */
  private final long builtBranches;
  /** While the forward lines are built (not in a probe): where their operations report the sides they took. */
  private KinkRecorder reach;
  /** The sides every branching operation of the forward lines took ({@link KinkRecorder#reached()}). */
  final int[] reached;
  /** The still probe of this trial, made on first use ({@link #stillProbe()}). */
  private Trial still;
  private boolean stillFailed;

  /** How many rounding probes measure a claim's noise ({@link ClaimJudge}). */
  static final int ROUNDING_PROBES = 3;
  /** Mixed into the trial's seed for the directions of each rounding probe. */
  private static final long[] PROBE_SEEDS = {0x5DEECE66DL, 0x2545F4914F6CDD1DL, 0x1B873593L};

  /**
   * Runs the forward lines and the backward pass.
   *
   * @throws TrialFailure when a forward line is undefined on this trial's shapes
   */
  Trial(CompiledQuestion question, Map<String, Integer> dims, long seed) {
    this(question, dims, seed, Map.of());
  }

  /**
   * Runs the forward lines and the backward pass with the inputs named in {@code given} replaced by
   * those values (the others, and the upstream gradient, drawn from {@code seed} as usual).
   *
   * @throws TrialFailure when a forward line is undefined on this trial's shapes
   */
  Trial(CompiledQuestion question, Map<String, Integer> dims, long seed, Map<String, Tensor> given) {
    this(question, dims, seed, given, null, 1);
  }

  /**
   * A trial whose {@code normal} inputs are drawn {@code widen} times wider than usual (the others
   * as usual): a normal input's support is every real number, so a claim must hold there too, and
   * such a trial reaches branches (a clip at ±5, a Huber loss's delta) that the usual draws almost
   * never do ({@link Reach}).
   *
   * @throws TrialFailure when a forward line is undefined or not finite on these inputs
   */
  static Trial widened(CompiledQuestion question, Map<String, Integer> dims, long seed, double widen) {
    return new Trial(question, dims, seed, Map.of(), null, widen);
  }

  /** The trial, or with a non-null {@code probe} its rounding probe: every computed value moved a little. */
  private Trial(CompiledQuestion question, Map<String, Integer> dims, long seed, Map<String, Tensor> given,
      RoundingProbe probe, double widen) {
    this.question = question;
    this.seed = seed;
    this.dims = dims;
    this.given = given;
    this.probe = probe;
    this.widen = widen;
    this.kinks = probe == null ? null : new KinkRecorder();
    this.reach = probe == null ? KinkRecorder.reaching() : null;
    Setup setup = question.question.setup();
    Rng rng = new Rng(seed);
    Map<String, Var> graph = new HashMap<>();
    Map<String, Value> building = new HashMap<>();
    for (Map.Entry<String, Integer> dim : dims.entrySet()) {
      env.put(dim.getKey(), new Value.IntValue(dim.getValue()));
    }
    building.putAll(env);
    for (InputSpec in : setup.inputs()) {
      Tensor t = draw(rng, in);
      if (widen != 1 && in.distribution() == Distribution.NORMAL) {
        t = scaled(t, widen);
      } else if (widen != 1 && isBounded(in.distribution())) {
        t = towardEnds(t, in.distribution() == Distribution.UNIFORM ? -1 : 0.5,
            in.distribution() == Distribution.UNIFORM ? 1 : 2, widen * widen);
      }
      if (given.containsKey(in.name())) {
        t = given.get(in.name());
      }
      Var v = in.distribution().isConstant() ? Var.constant(t) : leaf(probe == null ? t : probe.apply(t), true);
      graph.put(in.name(), v);
      building.put(in.name(), new Value.TensorValue(v));
    }
    Evaluator ev = new Evaluator(building, Experiments.NONE, held);
    Var out = null;
    for (int i = 0; i < question.forward.size(); i++) {
      Line.Definition d = question.forward.get(i);
      try {
        out = Evaluator.var(ev.eval(d.value()));
      } catch (IntegerOverflowException e) {
        throw new TrialFailure(setup.forward().get(i), e.getMessage());
      } catch (EvaluationException | ShapeException e) {
        throw new TrialFailure(setup.forward().get(i), "this forward line is undefined when " + dimsText()
            + ": " + e.getMessage(), true);
      } catch (TensorLimitException e) {
        throw new TrialFailure(setup.forward().get(i), "this forward line is refused when " + dimsText()
            + ": " + e.getMessage() + "; use smaller dims");
      }
      int bad = NonFiniteForward.firstNonFinite(out.value());
      if (bad >= 0) {
        String emptyMean = EmptyMean.explain(d, ev, dimsText());
        throw new TrialFailure(setup.forward().get(i), emptyMean != null ? emptyMean
            : NonFiniteForward.message(out.value(), bad, question.inputsRead.get(i), setup.inputs(), dimsText(),
                Claims.writesInfinity(d)));
      }
      if (!out.requiresGrad()) {
        out = leaf(out.value(), true); // depends on no input: a leaf of its own
      }
      graph.put(d.name(), out);
      building.put(d.name(), new Value.TensorValue(out));
    }
    reached = reach == null ? new int[0] : reach.reached();
    reach = null; // the backward pass, the claims and the checks' re-runs report nothing here
    for (Map.Entry<String, Var> node : graph.entrySet()) {
      env.put(node.getKey(), new Value.TensorValue(leaf(node.getValue().value(), false)));
    }
    if (out != null) {
      backward(out, rng, graph);
    }
    rerun = new HashMap<>(env);
    builtBranches = kinks == null ? 0 : kinks.fingerprint();
  }

  private void backward(Var out, Rng rng, Map<String, Var> graph) {
    String last = question.forward.get(question.forward.size() - 1).name();
    Gradients gradients;
    if (out.value().rank() == 0) {
      upstream = Tensor.scalar(1);
      gradients = out.backward();
    } else {
      upstream = rng.normal(out.value().shape());
      gradients = out.backward(upstream);
    }
    for (Map.Entry<String, Var> node : graph.entrySet()) {
      String name = node.getKey();
      if (node.getValue().requiresGrad()) {
        Tensor g = name.equals(last) ? upstream : gradients.of(node.getValue());
        grads.put(name, g);
        env.put("d" + name, new Value.TensorValue(leaf(g, false)));
      }
    }
  }

  /** A leaf of this trial's graph or environment: in a rounding probe, one that carries the probe. */
  private Var leaf(Tensor t, boolean requiresGrad) {
    if (probe != null) {
      return Var.probed(t, requiresGrad, probe, kinks);
    }
    if (reach != null && requiresGrad) {
      return Var.probed(t, true, null, reach);
    }
    return requiresGrad ? Var.parameter(t) : Var.constant(t);
  }

  /**
   * Rounding probe {@code k} of this trial (below {@link #ROUNDING_PROBES}): the same inputs and
   * upstream gradient, every input and computed value moved by a small relative amount drawn from
   * a seed of its own ({@link RoundingProbe}); null when a probe cannot be run (its forward lines
   * give a non-finite value).
   */
  Trial probe(int k) {
    if (probes[k] == null && !probesFailed) {
      try {
        probes[k] = new Trial(question, dims, seed, given, new RoundingProbe(seed ^ PROBE_SEEDS[k]), widen);
      } catch (TrialFailure e) {
        probesFailed = true;
      }
    }
    return probes[k];
  }

  /**
   * This trial computed again exactly, under a probe that moves nothing ({@link RoundingProbe#still}),
   * so that it records its branches as the rounding probes do; null when it cannot be run.
   */
  Trial stillProbe() {
    if (still == null && !stillFailed) {
      try {
        still = new Trial(question, dims, seed, given, RoundingProbe.still(), widen);
      } catch (TrialFailure e) {
        stillFailed = true;
      }
    }
    return still;
  }

  /** In a probe of this trial, the fingerprint of the branches its forward lines took. */
  long builtBranches() {
    return builtBranches;
  }

  /** In a probe of this trial, the fingerprint of the branches {@code evaluation} takes on its values alone. */
  long branchesOf(Runnable evaluation) {
    long sofar = kinks.restart();
    try {
      evaluation.run();
    } finally {
      sofar = kinks.resume(sofar);
    }
    return sofar;
  }

  /** Whether a distribution draws from a bounded range that a widened trial moves toward its ends. */
  static boolean isBounded(Distribution d) {
    return d == Distribution.UNIFORM || d == Distribution.POSITIVE;
  }

  /**
   * Each value of {@code t}, drawn in {@code [lo, hi)}, moved toward the nearer end of the range:
   * its distance to that end divided by {@code by}. The values stay in the range, so a widened
   * trial of a bounded input reaches a branch near an end ({@code clip(10 * u, -9.99, 9.99)}
   * at |u| ≥ 0.999) that a uniform draw takes once in a thousand elements.
   */
  private static Tensor towardEnds(Tensor t, double lo, double hi, double by) {
    double mid = (lo + hi) / 2;
    double half = (hi - lo) / 2;
    double[] v = t.toArray();
    for (int i = 0; i < v.length; i++) {
      double s = (v[i] - mid) / half;
      v[i] = mid + half * Math.signum(s) * (1 - (1 - Math.abs(s)) / by);
    }
    return Tensor.of(v, t.shape());
  }

  private static Tensor scaled(Tensor t, double by) {
    double[] v = t.toArray();
    for (int i = 0; i < v.length; i++) {
      v[i] *= by;
    }
    return Tensor.of(v, t.shape());
  }

  private Tensor draw(Rng rng, InputSpec in) {
    int[] shape = new int[in.shape().size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = dim(in.shape().get(i));
    }
    return switch (in.distribution()) {
      case NORMAL -> rng.normal(shape);
      case UNIFORM -> rng.uniform(shape);
      case POSITIVE -> rng.positive(shape);
      case LABELS -> rng.labels(dim(in.classes()), shape);
      case SMALL_INT, SMALL_DECIMAL -> SmallNumbers.draw(rng, in, shape);
      case BERNOULLI -> rng.bernoulli(in.p(), shape);
    };
  }

  /** An axis or class count: a dim, a literal or an expression such as {@code 2 * C}, at this trial's dims. */
  private int dim(String axis) {
    Integer v = dims.get(axis);
    return v != null ? v : Math.toIntExact(Setup.size(axis, dims));
  }

  private String dimsText() {
    StringBuilder s = new StringBuilder();
    dims.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" = ").append(v));
    return s.length() == 0 ? "evaluated" : s.toString();
  }

  /** Checks the engine's gradient of {@code name} against finite differences with {@code engineCheck}. */
  GradCheckResult check(String name, EngineCheck engineCheck) {
    int from = fromLine(name);
    Tensor x = ((Value.TensorValue) env.get(name)).tensor();
    try {
      return engineCheck.check(new Objective(from, name), x, grads.get(name));
    } finally {
      restore(name);
    }
  }

  /** The objective with {@code name} replaced by {@code value}, re-running the lines after it. */
  double objective(int from, String name, Tensor value) {
    return objective(from, name, Var.constant(value));
  }

  /**
   * The objective with {@code name} replaced by the node {@code value}; the lines after it that the
   * output reads are computed from that node, so a recording leaf (the gradient check's) sees every
   * branch they take.
   *
   * <p>NaN where a line is undefined at these values: the re-runs move values the forward lines were
   * defined at (a finite-difference step, a rounding probe), and a move can leave a line's domain (a
   * probability of exactly 1 moved past 1 before a binary_cross_entropy). That is no evidence about
   * the gradient, as a non-finite value is not: the callers leave such a point out ({@link
   * io.github.gradproof.autograd.GradCheck}, {@link FiniteDifferenceExperiment}).
   */
  double objective(int from, String name, Var value) {
    try {
      return rerun(from, name, value);
    } catch (EvaluationException | ShapeException e) {
      return Double.NaN;
    }
  }

  private double rerun(int from, String name, Var value) {
    rerun.put(name, new Value.TensorValue(value));
    Evaluator ev = new Evaluator(rerun, Experiments.NONE, held);
    Tensor out = value.value();
    for (int i = from; i < question.forward.size(); i++) {
      if (!question.feedsOutput[i]) {
        continue;
      }
      Line.Definition d = question.forward.get(i);
      Var line = Evaluator.var(ev.eval(d.value()));
      out = line.value();
      rerun.put(d.name(), new Value.TensorValue(line));
    }
    return out.rank() == 0 ? out.item() : out.sumOfProducts(upstream);
  }

  private int fromLine(String name) {
    for (int i = 0; i < question.forward.size(); i++) {
      if (question.forward.get(i).name().equals(name)) {
        return i + 1;
      }
    }
    return 0;
  }

  private void restore(String name) {
    rerun.put(name, env.get(name));
    for (Line.Definition d : question.forward) {
      rerun.put(d.name(), env.get(d.name()));
    }
  }

  /** The convergence experiment of this trial, computed on first use. */
  ConvergenceExperiment experiment() {
    if (experiment == null) {
      InputSpec in = question.firstFloatInput();
      try {
        experiment = FiniteDifferenceExperiment.run(this, in.name(), seed, floatInputSize());
      } finally {
        restore(in.name());
      }
    }
    return experiment;
  }

  private int floatInputSize() {
    int n = 0;
    for (InputSpec in : question.question.setup().inputs()) {
      if (!in.distribution().isConstant()) {
        n += ((Value.TensorValue) env.get(in.name())).tensor().size();
      }
    }
    return n;
  }

  /** @throws MeaninglessExperiment when the method's error is rounding at (nearly) every step */
  @Override
  public double order(boolean central) {
    double order = central ? experiment().centralOrder() : experiment().forwardOrder();
    if (Double.isNaN(order)) {
      throw new MeaninglessExperiment(central);
    }
    return order;
  }

  @Override
  public int evaluations(boolean central) {
    return central ? experiment().centralEvaluations() : experiment().forwardEvaluations();
  }

  /** {@code names} and every forward name computed from any of them, directly or not. */
  Set<String> computedFrom(Set<String> names) {
    Set<String> out = new LinkedHashSet<>(names);
    for (Line.Definition d : question.forward) {
      for (String read : question.names(d)) {
        if (!read.equals(d.name()) && out.contains(read)) {
          out.add(d.name());
          break;
        }
      }
    }
    return out;
  }

  /** {@code names} and every input and forward name they are computed from, directly or not. */
  Set<String> computing(Set<String> names) {
    Set<String> out = new LinkedHashSet<>(names);
    for (int i = question.forward.size() - 1; i >= 0; i--) {
      Line.Definition d = question.forward.get(i);
      if (out.contains(d.name())) {
        out.addAll(question.names(d));
      }
    }
    return out;
  }

  /** {@link Claims#names} of a line of this trial's question. */
  Set<String> names(Line line) {
    return question.names(line);
  }

  /** The name of the last forward line (the objective, or its output), or {@code null}. */
  String objectiveName() {
    return question.forward.isEmpty() ? null : question.forward.get(question.forward.size() - 1).name();
  }

  /** The dims assignment of this trial, in setup order. */
  Map<String, Integer> dims() {
    return dims;
  }

  /** {@link ClaimJudge#scaleCone} of a line of this trial's question, found once per question. */
  ClaimJudge.ScaleCone scaleCone(Line line) {
    return question.scaleCone(line, grads.keySet(), new ConeFinder(line));
  }

  // The two classes below stand for lambdas: the JVM's C1 compiler (the project's only one,
  // .mvn/jvm.config) creates a capturing lambda through a native call, and these are made for every
  // engine check and every claim of every trial.

  /** The objective of {@link #check}: {@link #objective} of {@code name} from forward line {@code from}. */
  private final class Objective implements ToDoubleFunction<Var> {
    private final int from;
    private final String name;

    Objective(int from, String name) {
      this.from = from;
      this.name = name;
    }

    @Override
    public double applyAsDouble(Var v) {
      return objective(from, name, v);
    }
  }

  /** Finds {@link ClaimJudge#scaleCone} of {@code line} in this trial when the question has not yet. */
  private final class ConeFinder implements Supplier<ClaimJudge.ScaleCone> {
    private final Line line;

    ConeFinder(Line line) {
      this.line = line;
    }

    @Override
    public ClaimJudge.ScaleCone get() {
      return ClaimJudge.scaleCone(line, Trial.this);
    }
  }

  /**
   * {@link Closeness#scale} of {@code t}, found once per tensor of the trial: every claim of the
   * question asks for the scales of its cone, and the cones overlap. Keyed by identity, so a value
   * put in {@link #env} for a while (a probe of {@link Vacuity}) has a scale of its own.
   */
  double scaleOf(Tensor t) {
    Double scale = scales.get(t);
    if (scale == null) {
      scale = Closeness.scale(t.toArray());
      scales.put(t, scale);
    }
    return scale;
  }

  /**
   * The sides the branching operations of a claim's own expressions took in this trial (a clip or a
   * mask the claim writes, not only the forward lines'): the claim's sides evaluated once more on
   * this trial's values, each carrying a {@linkplain KinkRecorder#reaching() reaching} recorder. A
   * side of the claim's own branches that no trial takes is a case no trial tried ({@link Reach});
   * the sides already evaluated by the judge are left as they are. {@code null} when the claim is
   * undefined here (it is no evidence of a side either way).
   */
  int[] claimReached(Line line) {
    KinkRecorder reaching = KinkRecorder.reaching();
    Map<String, Value> recorded = new HashMap<>(env);
    for (Map.Entry<String, Value> e : env.entrySet()) {
      if (e.getValue() instanceof Value.TensorValue t) {
        recorded.put(e.getKey(), new Value.TensorValue(Var.probed(t.tensor(), false, null, reaching)));
      }
    }
    Evaluator ev = new Evaluator(recorded, this);
    try {
      if (line instanceof Line.GradientClaim g) {
        ev.eval(g.value());
      } else if (line instanceof Line.Comparison c) {
        ev.eval(c.left());
        ev.eval(c.right());
      }
    } catch (RuntimeException e) {
      return null; // undefined here: the judge says so
    }
    return reaching.reached();
  }

  /** The value of an input or forward name in this trial. */
  Tensor value(String name) {
    return ((Value.TensorValue) env.get(name)).tensor();
  }
}
