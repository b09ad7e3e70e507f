package io.github.gradproof.verify;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.Question;
import io.github.gradproof.quiz.QuestionKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies whole phases, reporting every problem of every question in one run: authoring errors
 * and drift alike.
 */
public final class PhaseVerifier {

  private final QuestionVerifier questions;
  private final NumericVerifier numeric;
  private final WorkLimits limits;

  /** A verifier with the default number of seeds and the default limits. */
  public PhaseVerifier() {
    this(new QuestionVerifier());
  }

  /** A verifier that checks each question with {@code questions}, under the default limits. */
  public PhaseVerifier(QuestionVerifier questions) {
    this(questions, new NumericVerifier(), WorkLimits.DEFAULT);
  }

  /** A verifier with the default number of seeds that refuses questions over {@code limits}. */
  public PhaseVerifier(WorkLimits limits) {
    this(new QuestionVerifier(), new NumericVerifier(), limits);
  }

  PhaseVerifier(QuestionVerifier questions, NumericVerifier numeric, WorkLimits limits) {
    this.questions = questions;
    this.numeric = numeric;
    this.limits = limits;
  }

  /**
   * Verifies every question of a phase. Drift is returned in {@link PhaseResult#problems()}.
   *
   * @throws DiagnosticException when any question has authoring errors: all of them, in question
   *     order, followed by the drift found in the other questions
   */
  public PhaseResult verify(Phase phase) {
    return verifyOn(phase, Runnable::run);
  }

  /**
   * {@link #verify(Phase)}, sharing the questions with the threads of {@code helpers} that are
   * idle: the calling thread verifies questions too, and never waits for a helper that has not
   * started, so a phase verified on a busy pool is verified on the calling thread alone. The
   * result, and any exception, are exactly those of {@link #verify(Phase)}.
   */
  public PhaseResult verifyOn(Phase phase, java.util.concurrent.Executor helpers) {
    List<Question> questions = phase.questions();
    QuestionResult[] verified = new QuestionResult[questions.size()];
    DiagnosticException[] refused = new DiagnosticException[questions.size()];
    SharedLoop.run(questions.size(), helpers, i -> {
      try {
        verified[i] = verify(questions.get(i));
      } catch (DiagnosticException e) {
        refused[i] = e;
      }
    });
    List<Diagnostic> authoring = new ArrayList<>();
    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      if (refused[i] != null) {
        authoring.addAll(refused[i].diagnostics());
      } else {
        results.add(verified[i]);
      }
    }
    PhaseResult result = new PhaseResult(phase, results);
    if (!authoring.isEmpty()) {
      authoring.addAll(result.problems());
      throw new DiagnosticException(authoring);
    }
    return result;
  }

  /**
   * Verifies one question within the limits: refused before any trial when its estimate is over
   * them ({@link CostEstimate}); an {@link OutOfMemoryError} that happens anyway (an estimate that
   * missed) becomes an authoring error at the question, and its trial's memory is free again. So
   * does any other exception that is not already located: a failure gradproof did not foresee must
   * still name the question it happened in, or the author has nothing to go on.
   */
  private QuestionResult verify(Question q) {
    try {
      CompiledQuestion cq = new CompiledQuestion(q); // parsed and checked once, for the estimate and the run
      CostEstimate.check(cq, questions.seeds(), limits);
      return q.kind() == QuestionKind.NUMERIC ? numeric.verify(cq) : questions.verify(cq);
    } catch (DiagnosticException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new DiagnosticException(Diagnostic.at(q.location(), q.id() + ": verifying this question failed "
          + "unexpectedly (" + e + where(e) + "); this is a gradproof bug, not the quiz's: report it with this "
          + "question, and until it is fixed change the question's setup or claims so that it is not reached"));
    } catch (OutOfMemoryError e) {
      throw new DiagnosticException(Diagnostic.at(q.location(), q.id() + ": verifying this question ran out of "
          + "memory (the Java heap holds at most " + WorkLimits.bytes(Runtime.getRuntime().maxMemory())
          + ", and the limit gradproof.maxMemory is " + WorkLimits.bytes(limits.maxMemory()) + "); use smaller "
          + "dims, lower the limit so that such questions are refused before they run, or give the build more "
          + "memory (MAVEN_OPTS=-Xmx2g); when questions are verified on several threads, the memory may be "
          + "held by another one verified at the same time, and -Dgradproof.threads=1 names the question that "
          + "needs it"));
    }
  }

  /** {@code " at"} and the frame the exception was thrown from, or nothing when it has none. */
  private static String where(RuntimeException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return trace.length == 0 ? "" : " at " + trace[0];
  }

  /**
   * Verifies every phase and fails on any problem: what {@code site:check}, {@code site:generate}
   * and {@code install} run.
   *
   * @return one result per phase, in order, when nothing drifted
   * @throws DiagnosticException with every authoring error and every drift problem of every phase
   */
  public List<PhaseResult> check(List<Phase> phases) {
    List<Diagnostic> problems = new ArrayList<>();
    List<PhaseResult> results = new ArrayList<>();
    for (Phase phase : phases) {
      try {
        PhaseResult r = verify(phase);
        results.add(r);
        problems.addAll(r.problems());
      } catch (DiagnosticException e) {
        problems.addAll(e.diagnostics());
      }
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    return results;
  }
}
