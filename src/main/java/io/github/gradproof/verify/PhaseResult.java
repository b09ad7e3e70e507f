package io.github.gradproof.verify;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Phase;
import java.util.List;

/**
 * The verification of one phase file.
 *
 * @param phase the phase checked
 * @param questions one result per question, in order
 */
public record PhaseResult(Phase phase, List<QuestionResult> questions) {
  public PhaseResult {
    questions = List.copyOf(questions);
  }

  /** Every drift problem in the phase, in question order. */
  public List<Diagnostic> problems() {
    return questions.stream().flatMap(q -> q.problems().stream()).toList();
  }
}
