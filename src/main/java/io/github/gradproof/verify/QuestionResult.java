package io.github.gradproof.verify;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.Question;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verification of one question.
 *
 * @param question the question checked
 * @param choices one result per choice, in order (empty for free questions)
 * @param answerClaims for free questions, one result per answer claim
 * @param trials trials run per claim (seeds times dims assignments)
 * @param engineTrials how many of those trials cross-checked the engine's gradients against
 *     central differences (the first {@link QuestionVerifier#ENGINE_SEEDS} seeds of each dims
 *     assignment; for a numeric question, every variant)
 * @param sizes the dims assignments the trials ran under, in trial order, each in setup order
 *     (one empty map for a setup without dims); empty when nothing was run
 * @param engineError the largest error of the engine against central differences in this question,
 *     relative to the scale of the gradient checked ({@link
 *     io.github.gradproof.autograd.GradCheckResult#relativeError()})
 * @param experiment the finite-difference experiment, or {@code null} when no claim used one
 * @param problems drift found (key disagreeing with verdicts, no holding claim for the answer,
 *     engine disagreeing with finite differences); the build fails when any phase has one
 * @param numeric for a numeric question, its variants with their computed answers (then
 *     {@code trials} counts the variants); {@code null} for every other kind
 */
public record QuestionResult(
    Question question,
    List<ChoiceResult> choices,
    List<ClaimResult> answerClaims,
    int trials,
    int engineTrials,
    List<Map<String, Integer>> sizes,
    double engineError,
    ConvergenceExperiment experiment,
    List<Diagnostic> problems,
    NumericResult numeric) {
  public QuestionResult {
    choices = List.copyOf(choices);
    answerClaims = List.copyOf(answerClaims);
    sizes = sizes.stream().map(s -> Collections.unmodifiableMap(new LinkedHashMap<>(s))).toList();
    problems = List.copyOf(problems);
  }

  /** The result of a question of a kind other than numeric. */
  public QuestionResult(Question question, List<ChoiceResult> choices, List<ClaimResult> answerClaims, int trials,
      int engineTrials, List<Map<String, Integer>> sizes, double engineError, ConvergenceExperiment experiment,
      List<Diagnostic> problems) {
    this(question, choices, answerClaims, trials, engineTrials, sizes, engineError, experiment, problems, null);
  }

  /**
   * Whether the key is proven: the question is checked, and every keyed choice holds (at least one
   * being keyed), or every claim of the free answer holds (at least one claim); for a numeric
   * question, every variant's answer was computed and the engine's gradients it reads agree with
   * finite differences. (A key proven only by shape or constant comparisons is a problem of the
   * build, reported by the verifier.)
   */
  public boolean keyProven() {
    if (numeric != null) {
      return !numeric.variants().isEmpty() && problems.isEmpty(); // every answer computed and cross-checked
    }
    if (!question.verify()) {
      return false;
    }
    if (choices.isEmpty()) {
      return !answerClaims.isEmpty() && answerClaims.stream().allMatch(c -> c.verdict() == Verdict.HOLDS);
    }
    return choices.stream().anyMatch(ChoiceResult::keyed)
        && choices.stream().filter(ChoiceResult::keyed).allMatch(c -> c.verdict() == Verdict.HOLDS);
  }

  /**
   * Whether the key is proven but some choice is explained in text only: an unkeyed choice without
   * claims, which nothing checks. Pages, index counts and {@code verification.json} say so.
   */
  public boolean partiallyVerified() {
    return keyProven() && choices.stream().anyMatch(c -> !c.keyed() && c.claims().isEmpty());
  }
}
