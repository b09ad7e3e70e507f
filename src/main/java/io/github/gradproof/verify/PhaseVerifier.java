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
  private final NumericVerifier numeric = new NumericVerifier();

  /** A verifier with the default number of seeds. */
  public PhaseVerifier() {
    this(new QuestionVerifier());
  }

  /** A verifier that checks each question with {@code questions}. */
  public PhaseVerifier(QuestionVerifier questions) {
    this.questions = questions;
  }

  /**
   * Verifies every question of a phase. Drift is returned in {@link PhaseResult#problems()}.
   *
   * @throws DiagnosticException when any question has authoring errors: all of them, in question
   *     order, followed by the drift found in the other questions
   */
  public PhaseResult verify(Phase phase) {
    List<Diagnostic> authoring = new ArrayList<>();
    List<QuestionResult> results = new ArrayList<>();
    for (Question q : phase.questions()) {
      try {
        results.add(q.kind() == QuestionKind.NUMERIC ? numeric.verify(q) : questions.verify(q));
      } catch (DiagnosticException e) {
        authoring.addAll(e.diagnostics());
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
