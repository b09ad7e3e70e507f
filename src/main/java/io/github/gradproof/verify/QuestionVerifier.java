package io.github.gradproof.verify;

import io.github.gradproof.autograd.GradCheck;
import io.github.gradproof.autograd.GradCheckResult;
import io.github.gradproof.autograd.TensorLimitException;
import io.github.gradproof.claim.IntegerOverflowException;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Choice;
import io.github.gradproof.quiz.Distribution;
import io.github.gradproof.quiz.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Verifies one question: parses and checks every line once, then runs every trial (each dims
 * assignment times {@link #seeds()} seeds), cross-checks the engine's gradient of every
 * differentiated name against central differences, evaluates every claim, and compares the
 * verdicts with the answer key. Authoring errors fail with {@link DiagnosticException}; drift is
 * reported as {@link QuestionResult#problems()}.
 *
 * <p>Trial {@code t} counts dims assignments (first dim slowest) times seeds; its seed is
 * FNV-1a-64 of the question id's UTF-8 bytes plus {@code (t + 1) * 0x9E3779B97F4A7C15}, through the
 * SplitMix64 finalizer, so results are identical on every JVM. The engine is cross-checked in the
 * first {@link #ENGINE_SEEDS} seeds of each dims assignment. Finite-difference claims are judged
 * in every trial; {@link QuestionResult#experiment()} is the first trial's experiment.
 */
public final class QuestionVerifier {

  /** Seeds per dims assignment unless configured otherwise. */
  public static final int DEFAULT_SEEDS = 10;

  /**
   * Seeds per dims assignment whose trials also cross-check the engine's gradients against central
   * differences. Every trial judges every claim against the engine; the cross-check guards the
   * engine itself, whose rules are the same in every trial (a wrong rule is wrong at every input),
   * so it runs in the first seeds at each size, where it costs most of a trial's time.
   */
  public static final int ENGINE_SEEDS = 3;

  private final int seeds;
  private final EngineCheck engineCheck;

  /** A verifier with {@value #DEFAULT_SEEDS} seeds per dims assignment. */
  public QuestionVerifier() {
    this(DEFAULT_SEEDS);
  }

  /** A verifier with {@code seeds} seeds per dims assignment (at least 1). */
  public QuestionVerifier(int seeds) {
    this(seeds, EngineCheck.CENTRAL_DIFFERENCES);
  }

  /** A verifier whose engine cross-check is {@code engineCheck} (tests use a failing one). */
  QuestionVerifier(int seeds, EngineCheck engineCheck) {
    if (seeds < 1) {
      throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
    }
    this.seeds = seeds;
    this.engineCheck = engineCheck;
  }

  /** Seeds per dims assignment. */
  public int seeds() {
    return seeds;
  }

  /**
   * Verifies a question.
   *
   * @return every claim's verdict and figures, with the drift found as problems
   * @throws DiagnosticException with every authoring error of the question (syntax, unknown
   *     names or functions, bad arguments, a setup line undefined on its shapes)
   */
  public QuestionResult verify(Question question) {
    return verify(new CompiledQuestion(question));
  }

  /** {@link #verify(Question)} on a question already compiled (a compiled question is never changed). */
  QuestionResult verify(CompiledQuestion cq) {
    Question question = cq.question;
    if (!cq.errors.isEmpty()) {
      throw new DiagnosticException(CompiledQuestion.named(question, cq.errors));
    }
    if (!question.verify() || question.setup() == null) {
      return unchecked(cq);
    }
    Map<CompiledClaim, ClaimTally> tallies = new LinkedHashMap<>();
    for (CompiledClaim c : cq.allClaims()) {
      tallies.put(c, new ClaimTally(c));
    }
    List<Diagnostic> problems = new ArrayList<>();
    EngineTally engine = new EngineTally();
    ConvergenceExperiment experiment = null;
    Set<CompiledClaim> vacuous = Set.of();
    int trial = 0;
    int engineTrials = 0;
    Reach reach = new Reach();
    ClaimReach claimReach = new ClaimReach();
    List<Map<String, Integer>> authored = cq.dimAssignments();
    List<Map<String, Integer>> sizes = trialSizes(cq);
    boolean redrawn = false;
    for (int assignment = 0; assignment < sizes.size(); assignment++) {
      boolean isFresh = assignment >= authored.size();
      Map<String, Integer> dims = sizes.get(assignment);
      int runs = seedsAt(assignment, authored.size(), sizes.size(), seeds);
      for (int s = 0; s < runs; s++, trial++) {
        Trial t = isFresh && !redrawn ? definedOrNull(cq, dims, trial) : null;
        if (isFresh && !redrawn && t == null) {
          sizes = definedSizes(cq, sizes, assignment); // the draws the forward lines are undefined on widened
          redrawn = true;
          dims = sizes.get(assignment);
        }
        t = t != null ? t : trial(cq, dims, trial, isFresh, redrawn);
        reach.add(t.reached);
        if (trial == 0) {
          vacuous = Vacuity.of(cq, t);
        }
        Map<String, GradCheckResult> engineResults = Map.of();
        if (s < ENGINE_SEEDS) {
          engineResults = engine.check(t, cq, trial, engineCheck);
          engineTrials++;
        }
        for (ClaimTally tally : tallies.values()) {
          tally.add(judge(question, tally.claim, t), engineOutcome(tally.claim, engineResults),
              isFresh ? authored : null);
          claimReach.add(tally.claim, t);
        }
        if (cq.usesExperiments && experiment == null) {
          experiment = t.experiment();
        }
      }
    }
    boolean untried = !reach.complete() || !claimReach.complete();
    Reason.Widened.Moved moved = moved(cq);
    if (untried && moved != null) {
      for (double widen : WIDENINGS) {
        Trial t = widened(cq, authored.get(0), trial++, widen);
        if (t == null) {
          continue;
        }
        for (ClaimTally tally : tallies.values()) {
          tally.addWidened(judge(question, tally.claim, t), widen, moved);
        }
      }
    }
    engine.report(question, trial, problems);
    List<ChoiceResult> choices = new ArrayList<>();
    for (int i = 0; i < question.choices().size(); i++) {
      Choice choice = question.choices().get(i);
      List<ClaimResult> results = cq.choiceClaims.get(i).stream().map(c -> tallies.get(c).result()).toList();
      choices.add(new ChoiceResult(choice.number(), results, verdict(results),
          question.answer().choices().contains(choice.number())));
    }
    List<ClaimResult> answer = cq.answerClaims.stream().map(c -> tallies.get(c).result()).toList();
    KeyCheck.check(cq, choices, answer, trial, vacuous, problems);
    return new QuestionResult(question, choices, answer, trial, engineTrials, sizes, engine.max, experiment,
        problems);
  }

  /**
   * The dims assignments a question's claims are tried at: the author's (every combination of their
   * alternatives), then the fresh ones of {@link FreshDims}, if any.
   */
  static List<Map<String, Integer>> trialSizes(CompiledQuestion cq) {
    List<Map<String, Integer>> sizes = new ArrayList<>(cq.dimAssignments());
    sizes.addAll(FreshDims.of(cq.question.id(), cq.question.setup()));
    return sizes;
  }

  /**
   * The trials at assignment {@code assignment} of {@link #trialSizes}: {@code seeds} at each of the
   * author's, and {@code seeds} shared out over the fresh ones (rounded up), so that the fresh dims
   * together get as many trials as one author's assignment.
   */
  static int seedsAt(int assignment, int authored, int total, int seeds) {
    if (assignment < authored) {
      return seeds;
    }
    int fresh = total - authored;
    return (seeds + fresh - 1) / fresh;
  }

  /**
   * How much wider than usual the {@code normal} inputs of the widened trials are drawn, one trial
   * each ({@link Reach}): wide enough that a branch at a few standard deviations (a clip at ±5, a
   * Huber delta of 4) is crossed by some element, not so wide that most forward lines overflow.
   */
  static final double[] WIDENINGS = {4, 16, 64};

  /** Whether some input is {@code normal}, the one distribution whose draws can be widened. */
  private static Reason.Widened.Moved moved(CompiledQuestion cq) {
    boolean normal = cq.question.setup().inputs().stream().anyMatch(in -> in.distribution() == Distribution.NORMAL);
    boolean bounded = cq.question.setup().inputs().stream().anyMatch(in -> Trial.isBounded(in.distribution()));
    return normal && bounded ? Reason.Widened.Moved.BOTH : normal ? Reason.Widened.Moved.NORMAL
        : bounded ? Reason.Widened.Moved.BOUNDED : null;
  }

  /** A widened trial, or {@code null} where a forward line is undefined or overflows on its inputs (no evidence). */
  private static Trial widened(CompiledQuestion cq, Map<String, Integer> dims, int trial, double widen) {
    try {
      return Trial.widened(cq, dims, Seeds.of(cq.question.id(), trial), widen);
    } catch (TrialFailure f) {
      return null;
    }
  }

  private static final String FRESH = "; these dims were drawn to try the claims at other sizes than the author's:"
      + " make the forward lines hold at any sizes, or, if the question means exactly its sizes, set exact_dims: true"
      + " with an exact_dims_reason in the setup";

  private static final String FRESH_REDRAWN = "; these dims were drawn to try the claims at other sizes than the"
      + " author's, and making the larger of them larger still (by 2 to " + 2 * FreshDims.STRETCHES + ") left the"
      + " forward lines undefined too: give a dim that must exceed another by some rule as a derived dim (T: 2 * K"
      + " + 3 for an input T that a kernel K dilated by 2 must fit), so that every size keeps the forward lines"
      + " defined, or, if the question means exactly its sizes, set exact_dims: true with an exact_dims_reason in"
      + " the setup";

  /**
   * Whether the forward lines can be evaluated at {@code dims} in trial {@code trial}; a failure
   * other than an undefined line (a non-finite value, a tensor too large) counts as defined, and is
   * reported by the trial itself.
   */
  private static boolean definedAt(CompiledQuestion cq, Map<String, Integer> dims, int trial) {
    try {
      new Trial(cq, dims, Seeds.of(cq.question.id(), trial));
      return true;
    } catch (TrialFailure f) {
      return !f.undefined;
    }
  }

  /**
   * Trial {@code trial} at fresh dims, or {@code null} when a forward line is undefined there (or
   * fails otherwise: running it again reports that).
   */
  private static Trial definedOrNull(CompiledQuestion cq, Map<String, Integer> dims, int trial) {
    try {
      return new Trial(cq, dims, Seeds.of(cq.question.id(), trial));
    } catch (TrialFailure f) {
      if (f.undefined) {
        return null;
      }
      throw failure(cq, f, FRESH);
    }
  }

  /**
   * {@code sizes} from assignment {@code from} on replaced by the fresh assignments widened until the
   * forward lines are defined on them ({@link FreshDims#of(String, io.github.gradproof.quiz.Setup,
   * java.util.function.Predicate)}): a dilated kernel must fit its input, which the rules of the draw
   * do not know. The assignments before {@code from} have run already and are kept.
   */
  private static List<Map<String, Integer>> definedSizes(CompiledQuestion cq, List<Map<String, Integer>> sizes,
      int from) {
    List<Map<String, Integer>> defined = new ArrayList<>(cq.dimAssignments());
    defined.addAll(FreshDims.of(cq.question.id(), cq.question.setup(), dims -> definedAt(cq, dims, 0)));
    List<Map<String, Integer>> out = new ArrayList<>(sizes.subList(0, from));
    out.addAll(defined.subList(from, defined.size()));
    return out;
  }

  /**
   * Runs one trial; a forward line undefined at these dims is an authoring error, saying what to do
   * when the dims are {@code fresh}, and more when they were drawn again ({@code redrawn}) and none
   * of the draws made the line defined.
   */
  private static Trial trial(CompiledQuestion cq, Map<String, Integer> dims, int trial, boolean fresh,
      boolean redrawn) {
    try {
      return new Trial(cq, dims, Seeds.of(cq.question.id(), trial));
    } catch (TrialFailure f) {
      throw failure(cq, f, !fresh ? "" : redrawn && f.undefined ? FRESH_REDRAWN : FRESH);
    }
  }

  /** A forward line's failure in a trial, as the authoring error at that line. */
  private static DiagnosticException failure(CompiledQuestion cq, TrialFailure f, String hint) {
    return new DiagnosticException(new Diagnostic(f.line.location(), cq.question.id() + ": " + f.getMessage() + hint,
        f.line.sourceLine()));
  }

  /** Judges one claim in one trial; a claim that needs an absurdly large tensor is refused. */
  private static Outcome judge(Question question, CompiledClaim claim, Trial trial) {
    try {
      return ClaimJudge.judge(claim.line(), trial);
    } catch (TensorLimitException e) {
      throw new DiagnosticException(new Diagnostic(claim.text().location(),
          question.id() + ": this claim is refused: " + e.getMessage() + "; use smaller dims",
          claim.text().sourceLine()));
    } catch (MeaninglessExperiment e) {
      throw new DiagnosticException(new Diagnostic(claim.text().location(), question.id() + ": " + e.getMessage(),
          claim.text().sourceLine()));
    } catch (IntegerOverflowException e) {
      throw new DiagnosticException(claim.text().diagnostic(e.pos(), question.id() + ": " + e.getMessage()));
    }
  }

  /**
   * The sides the branching operations of each claim's own expressions took over the usual trials
   * ({@link Trial#claimReached}). A claim that evaluated whole without a single branching operation
   * (most: {@code dA = dC @ B.T}) has the same operations in every trial, so it is not evaluated again.
   */
  private static final class ClaimReach {
    private final Map<CompiledClaim, Reach> reach = new HashMap<>();
    private final Set<CompiledClaim> branchless = new HashSet<>();

    void add(CompiledClaim claim, Trial trial) {
      if (branchless.contains(claim)) {
        return;
      }
      int[] sides = trial.claimReached(claim.line());
      if (sides != null && sides.length == 0) {
        branchless.add(claim);
      } else if (sides != null) {
        reach.computeIfAbsent(claim, c -> new Reach()).add(sides);
      }
    }

    boolean complete() {
      return reach.values().stream().allMatch(Reach::complete);
    }
  }

  /** The engine check of the gradients a claim reads, in one trial: checks that compared nothing add no error. */
  private static ClaimTally.EngineOutcome engineOutcome(CompiledClaim claim, Map<String, GradCheckResult> results) {
    double max = Double.NaN;
    boolean compared = false;
    boolean skipped = false;
    for (String name : claim.differentiated()) {
      if (!results.containsKey(name)) {
        continue;
      }
      GradCheckResult r = results.get(name);
      if (r == null) { // every point skipped
        skipped = true;
      } else {
        compared = true;
        max = Double.isNaN(max) ? r.relativeError() : Math.max(max, r.relativeError());
      }
    }
    return new ClaimTally.EngineOutcome(max, compared, skipped);
  }

  static Verdict verdict(List<ClaimResult> claims) {
    if (claims.isEmpty()) {
      return Verdict.NOT_CHECKABLE;
    }
    for (ClaimResult c : claims) {
      if (c.verdict() != Verdict.HOLDS) {
        return c.verdict();
      }
    }
    return Verdict.HOLDS;
  }

  private static QuestionResult unchecked(CompiledQuestion cq) {
    Question q = cq.question;
    List<ChoiceResult> choices = new ArrayList<>();
    for (int i = 0; i < q.choices().size(); i++) {
      Choice choice = q.choices().get(i);
      choices.add(new ChoiceResult(choice.number(), cq.choiceClaims.get(i).stream().map(QuestionVerifier::notChecked)
          .toList(), Verdict.NOT_CHECKABLE, q.answer().choices().contains(choice.number())));
    }
    List<ClaimResult> answer = cq.answerClaims.stream().map(QuestionVerifier::notChecked).toList();
    List<Diagnostic> problems = new ArrayList<>();
    if (q.verify()) {
      problems.add(Diagnostic.at(q.location(), q.id() + ": nothing proves the answer: add a setup and claims, "
          + "or set verify: false with a verify_reason"));
    }
    return new QuestionResult(q, choices, answer, 0, 0, List.of(), Double.NaN, null, problems);
  }

  private static ClaimResult notChecked(CompiledClaim c) {
    return new ClaimResult(c.text(), c.line(), null, Double.NaN, Double.NaN, 0, Verdict.NOT_CHECKABLE, null, c.facts());
  }

  /** The engine's agreement with central differences over all trials of a question. */
  private static final class EngineTally {
    double max = Double.NaN;
    private final Map<String, GradCheckResult> worstFailure = new LinkedHashMap<>();
    private final Map<String, Integer> failedTrial = new HashMap<>();

    Map<String, GradCheckResult> check(Trial t, CompiledQuestion cq, int trial, EngineCheck engineCheck) {
      Map<String, GradCheckResult> results = new HashMap<>(); // null: nothing compared
      for (String name : cq.checked) {
        GradCheckResult r = t.check(name, engineCheck);
        if (comparedNothing(r, t.value(name).size())) {
          results.put(name, null);
          continue;
        }
        results.put(name, r);
        max = Double.isNaN(max) ? r.relativeError() : Math.max(max, r.relativeError());
        DiagnosticException nan = r.passed() ? null : NanGradient.of(cq, t.grads, name);
        if (nan != null) {
          throw nan; // a NaN a forward line discards, not the engine's fault
        }
        if (!r.passed() && !worstFailure.containsKey(name)) {
          worstFailure.put(name, r);
          failedTrial.put(name, trial + 1);
        }
      }
      return results;
    }

    /**
     * Whether a check compared no point: every central difference it tried straddled a kink (each
     * element was skipped, or each projection of the fast mode). Its error of 0 then means nothing,
     * and is left out.
     */
    static boolean comparedNothing(GradCheckResult r, int size) {
      int points = size > GradCheck.FAST_MODE_THRESHOLD ? GradCheck.PROJECTIONS : size;
      return r.skipped() >= points;
    }

    void report(Question q, int trials, List<Diagnostic> problems) {
      worstFailure.forEach((name, r) -> problems.add(Diagnostic.at(q.location(), q.id() + ": the engine's gradient d"
          + name + " disagrees with central differences (|Δ| = "
          + String.format(Locale.ROOT, "%.1e", r.maxAbsError()) + " in trial "
          + failedTrial.get(name) + " of " + trials + "); the autograd engine is wrong here, not the quiz")));
    }
  }
}
