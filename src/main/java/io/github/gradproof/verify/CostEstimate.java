package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.claim.CheckedLine;
import io.github.gradproof.claim.Cost;
import io.github.gradproof.claim.Line;
import io.github.gradproof.claim.StaticType;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.Plural;
import io.github.gradproof.diag.SourceSpan;
import io.github.gradproof.quiz.InputSpec;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The cost of verifying a question, estimated from the static shapes of its lines ({@link Cost})
 * under every dims assignment before any trial runs, and refused over the {@link WorkLimits}.
 *
 * <p>One trial draws the inputs, runs the forward lines, their backward pass (twice the forward
 * work), every claim, the finite-difference check of every gradient a claim reads (at most
 * {@link GradCheck#maxEvaluations} runs of the lines after that name) and, for {@code fd_order} or
 * {@code fd_evals}, the convergence experiment (27 runs of every line); those re-runs skip the lines
 * the output does not read ({@link CompiledQuestion#feedsOutput}). A multiple-choice question
 * runs one trial per dims assignment and seed; a numeric question at most
 * {@value NumericVerifier#MAX_DRAWS} draws per variant (asks and placeholders in place of claims)
 * and one check per variant. Memory is one trial's: every forward value and its gradient (8 bytes
 * an element), plus the larger of one re-run of the lines and the largest claim.
 */
final class CostEstimate {

  /** Runs of the forward lines in the convergence experiment: the base point and two per step. */
  static final int EXPERIMENT_RUNS = 1 + 2 * FiniteDifferenceExperiment.POINTS;
  private static final double BYTES_PER_ELEMENT = 8;

  private final CompiledQuestion cq;
  /** The names whose gradient is cross-checked against finite differences. */
  private final Set<String> checked;
  /** Work over the whole question, by source line: forward lines first, then claims. */
  private final List<SourceSpan> lines = new ArrayList<>();
  private final double[] lineWork;
  private final double[] lineBytes;
  private double work;
  private double memory;
  private int trials;
  /** How the trials of a choice question divide over its dims assignments, e.g. "10 seeds at the author's dims and 5 at each of 2 fresh dims combinations". */
  private String trialPlan = "";
  /** Of a choice question tried at several dims assignments, the one whose trials cost the most work. */
  private Map<String, Integer> costliestDims;
  private boolean costliestFresh;
  private double costliestWork;

  private CostEstimate(CompiledQuestion cq, Set<String> checked, List<SourceSpan> claimTexts) {
    this.cq = cq;
    this.checked = checked;
    cq.question.setup().forward().stream().limit(cq.forward.size()).forEach(lines::add);
    lines.addAll(claimTexts);
    lineWork = new double[lines.size()];
    lineBytes = new double[lines.size()];
  }

  /**
   * Refuses a question whose verification would exceed {@code limits}; does nothing for one with
   * authoring errors (the verifier reports them) or nothing to run.
   *
   * @throws DiagnosticException at the costliest line: the estimate, the limit and what to do
   */
  static void check(Question question, int seeds, WorkLimits limits) {
    check(new CompiledQuestion(question), seeds, limits);
  }

  /** {@link #check(Question, int, WorkLimits)} on a question already compiled, as the verifier then runs it. */
  static void check(CompiledQuestion cq, int seeds, WorkLimits limits) {
    Question question = cq.question;
    if (question.setup() == null || !question.verify() && question.kind() != QuestionKind.NUMERIC) {
      return;
    }
    if (!cq.errors.isEmpty() || cq.forward.size() != question.setup().forward().size()) {
      return;
    }
    CostEstimate e = question.kind() == QuestionKind.NUMERIC ? numeric(cq) : choices(cq, seeds);
    if (e != null) {
      e.refuseOver(limits);
    }
  }

  private static CostEstimate choices(CompiledQuestion cq, int seeds) {
    List<CompiledClaim> claims = cq.allClaims().stream().filter(c -> c.facts() != null).toList();
    CostEstimate e = new CostEstimate(cq, cq.checked, claims.stream().map(CompiledClaim::text).toList());
    List<Map<String, Integer>> sizes = QuestionVerifier.trialSizes(cq);
    int authored = cq.dimAssignments().size();
    int fresh = sizes.size() - authored;
    e.trialPlan = Plural.count(seeds, "seed") + (authored == 1 ? " at the author's dims"
        : " at each of " + authored + " author's dims combinations");
    if (fresh > 0) {
      int freshSeeds = QuestionVerifier.seedsAt(authored, authored, sizes.size(), seeds);
      e.trialPlan += " and " + freshSeeds + (fresh == 1 ? " at fresh dims" : " at each of " + fresh + " fresh dims "
          + "combinations");
    }
    for (int a = 0; a < sizes.size(); a++) {
      Map<String, Integer> dims = sizes.get(a);
      int runs = QuestionVerifier.seedsAt(a, cq.dimAssignments().size(), sizes.size(), seeds);
      List<Cost> extra = claims.stream().map(c -> Cost.of(c.facts(), dims)).toList();
      double before = e.work;
      e.addTrials(dims, extra, runs, cq.usesExperiments, runs);
      if (sizes.size() > 1 && e.work - before > e.costliestWork) {
        e.costliestWork = e.work - before;
        e.costliestDims = dims;
        e.costliestFresh = a >= authored;
      }
    }
    return e;
  }

  private static CostEstimate numeric(CompiledQuestion cq) {
    Map<String, Integer> dims = cq.dimAssignments().get(0);
    List<Diagnostic> errors = new ArrayList<>();
    NumericAsk ask = NumericAsk.compile(cq.question.numeric(), cq.scope(), dims, errors);
    if (!errors.isEmpty()) {
      return null;
    }
    List<SourceSpan> texts = new ArrayList<>(List.of(ask.askText));
    List<Cost> extra = new ArrayList<>(List.of(Cost.of(ask.ask, dims)));
    ask.placeholders.forEach((k, p) -> {
      texts.add(ask.placeholderTexts.get(k));
      extra.add(Cost.of(p, dims));
    });
    Set<String> checked = new LinkedHashSet<>(ask.differentiated);
    if (!cq.forward.isEmpty()) {
      checked.remove(cq.forward.get(cq.forward.size() - 1).name());
    }
    CostEstimate e = new CostEstimate(cq, checked, texts);
    int variants = cq.question.numeric().variants();
    e.addTrials(dims, extra, variants * NumericVerifier.MAX_DRAWS, false, variants);
    return e;
  }

  /**
   * Adds {@code runs} trials under {@code dims}, {@code checks} of which cross-check the gradients.
   *
   * @param extra the cost of each claim (or ask and placeholder) in one trial, in line order
   */
  private void addTrials(Map<String, Integer> dims, List<Cost> extra, int runs, boolean experiments, int checks) {
    int n = cq.forward.size();
    Cost[] forward = new Cost[n];
    double forwardElements = 0;
    for (int i = 0; i < n; i++) {
      forward[i] = Cost.of(cq.forwardFacts.get(i), dims);
      forwardElements += forward[i].elements();
    }
    double inputs = 0;
    for (InputSpec in : cq.question.setup().inputs()) {
      inputs += elements(in.name(), dims);
    }
    double[] reruns = reruns(dims, n, checks, runs, experiments);
    double largestExtra = 0;
    for (int i = 0; i < n; i++) {
      charge(i, forward[i].work() * (3.0 * runs + reruns[i]), 2 * forward[i].elements());
    }
    for (int k = 0; k < extra.size(); k++) {
      charge(n + k, extra.get(k).work() * runs, extra.get(k).elements());
      largestExtra = Math.max(largestExtra, extra.get(k).elements());
    }
    work += Cost.ELEMENT_WORK * inputs * runs;
    memory = Math.max(memory, BYTES_PER_ELEMENT * (2 * (inputs + forwardElements)
        + Math.max(forwardElements, largestExtra)));
    trials += runs;
  }

  /**
   * How often each forward line re-runs over the trials: finite-difference checks and experiments;
   * adds the work of moving the point of each check's evaluations.
   */
  private double[] reruns(Map<String, Integer> dims, int n, int checks, int runs, boolean experiments) {
    double[] reruns = new double[n];
    for (String name : checked) {
      double size = elements(name, dims);
      double evaluations = GradCheck.maxEvaluations((long) size) * (double) checks;
      work += evaluations * (Cost.OPERATION_WORK + Cost.ELEMENT_WORK * size); // the moved point
      for (int i = definedAt(name) + 1; i < n; i++) {
        reruns[i] += cq.feedsOutput[i] ? evaluations : 0;
      }
    }
    for (int i = 0; experiments && i < n; i++) {
      reruns[i] += cq.feedsOutput[i] ? (double) EXPERIMENT_RUNS * runs : 0;
    }
    return reruns;
  }

  private void charge(int line, double w, double elements) {
    lineWork[line] += w;
    lineBytes[line] = Math.max(lineBytes[line], BYTES_PER_ELEMENT * elements);
    work += w;
  }

  /** The forward line that defines {@code name}; -1 for an input. */
  private int definedAt(String name) {
    for (int i = 0; i < cq.forward.size(); i++) {
      if (cq.forward.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private double elements(String name, Map<String, Integer> dims) {
    int line = definedAt(name);
    StaticType t;
    if (line < 0) {
      t = cq.scope().type(name);
    } else {
      CheckedLine facts = cq.forwardFacts.get(line);
      t = facts.type(((Line.Definition) facts.line()).value());
    }
    return t instanceof StaticType.TensorType x ? Math.max(1, Cost.elements(x.shape(), dims)) : 1;
  }

  /** Refuses the question over either limit; over both, one paragraph names both, at the costliest line by work. */
  private void refuseOver(WorkLimits limits) {
    List<String> over = new ArrayList<>();
    List<String> properties = new ArrayList<>();
    int at = -1;
    if (work > limits.maxWork()) {
      at = costliest(lineWork);
      String[] counts = counts(work, limits.maxWork());
      over.add("verifying it would take about " + counts[0] + " operations (multiply-adds or their equivalent), "
          + "over the limit of " + counts[1] + " (gradproof.maxWork): " + trialsText() + "; this line "
          + "costs the most (about " + count(lineWork[at]) + " in all)" + costliestDimsText());
      properties.add("-Dgradproof.maxWork (<maxWork> in the POM)");
    }
    if (memory > limits.maxMemory()) {
      int largest = costliest(lineBytes);
      at = at < 0 ? largest : at;
      over.add("one trial would keep about " + WorkLimits.bytes(memory) + " of tensors at once, over the limit "
          + "of " + WorkLimits.bytes(limits.maxMemory()) + " (gradproof.maxMemory); "
          + (largest == at ? "this line" : "line " + lines.get(largest).location().line())
          + " creates the most (about " + WorkLimits.bytes(lineBytes[largest]) + ")");
      properties.add("-Dgradproof.maxMemory (<maxMemory> in the POM)");
    }
    if (at >= 0) {
      SourceSpan line = lines.get(at);
      throw new DiagnosticException(new Diagnostic(line.location(), cq.question.id() + ": this question is too "
          + "costly to verify: " + String.join("; and ", over) + ". " + advice(work > limits.maxWork()) + "raise the "
          + (properties.size() > 1 ? "limits" : "limit") + " with " + String.join(" and ", properties),
          line.sourceLine()));
    }
  }

  /** Which dims assignment costs the most work, when the question is tried at several; else nothing. */
  private String costliestDimsText() {
    if (costliestDims == null) {
      return "";
    }
    return "; the " + (costliestFresh ? "fresh dims " : "author's dims ") + Reasons.dims(costliestDims)
        + " cost the most (about " + count(costliestWork) + ")";
  }

  /**
   * What helps, ending where the limit's property follows: smaller dims, unless the work is over and
   * fresh dims cost the most. Those are not the author's sizes scaled ({@link FreshDims}: distinct
   * values of at least 2, none the author's, with chosen parities, from the smallest integers that
   * fit), so what makes them cheaper is fewer symbolic dims, or none freshly drawn.
   */
  private String advice(boolean overWork) {
    if (!overWork || !costliestFresh) {
      return "Use smaller dims (or fewer alternatives), or ";
    }
    return "Fresh dims are not the author's sizes scaled: they are distinct values of at least 2, none a value the "
        + "author gave that dim, with chosen parities, from the smallest integers that fit, so each symbolic dim "
        + "more makes them larger. Write sizes that need not vary as integers in the input shapes instead of dims "
        + "(a kernel of shape [O, C, 3, 3] rather than [O, C, K, K]), or set exact_dims: true with an "
        + "exact_dims_reason if the claims are meant at the author's dims only; or ";
  }

  /**
   * What the work counts, e.g. "20 trials (10 seeds at the author's dims and 5 at each of 2 fresh
   * dims combinations) of the forward lines, ...".
   */
  private String trialsText() {
    String checks = checked.isEmpty() ? "" : " and the finite-difference check of d" + String.join(", d", checked);
    if (cq.question.kind() == QuestionKind.NUMERIC) {
      int variants = cq.question.numeric().variants();
      return "up to " + trials + " draws (" + variants + " variants × " + NumericVerifier.MAX_DRAWS + ") of the "
          + "forward lines, their gradients, the ask and the placeholders" + (checked.isEmpty() ? "" : "," + checks
          + " on each variant");
    }
    return trials + " trials (" + trialPlan + ") of the forward lines, their gradients, every claim" + checks;
  }

  private static int costliest(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** A count as {@code 4.5e11}, exact below a million. */
  static String count(double n) {
    return count(n, 1);
  }

  /**
   * A cost over its limit and the limit, written with as many decimals (up to 6) as it takes for the
   * cost not to read as the limit: "1.0004e11 ... over the limit of 1e11", never "1e11 ... over 1e11".
   */
  static String[] counts(double cost, double limit) {
    for (int decimals = 1; ; decimals++) {
      String c = count(cost, decimals);
      String l = count(limit, decimals);
      if (!c.equals(l) || decimals == 6) {
        return new String[] {c, l};
      }
    }
  }

  /** A count as {@code 4.5e11} with at most {@code decimals} decimals (trailing zeros dropped), exact below a million. */
  private static String count(double n, int decimals) {
    if (n < 1e6) {
      return Long.toString(Math.round(n));
    }
    int exponent = (int) Math.floor(Math.log10(n));
    double mantissa = n / Math.pow(10, exponent);
    if (Math.round(mantissa * Math.pow(10, decimals)) >= 10 * Math.pow(10, decimals)) {
      mantissa /= 10;
      exponent++;
    }
    String m = String.format(Locale.ROOT, "%." + decimals + "f", mantissa);
    m = m.replaceAll("0+$", "");
    return (m.endsWith(".") ? m.substring(0, m.length() - 1) : m) + "e" + exponent;
  }

}
