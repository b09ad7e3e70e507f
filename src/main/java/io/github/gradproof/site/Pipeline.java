package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import io.github.gradproof.verify.QuestionVerifier;
import io.github.gradproof.verify.WorkLimits;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * What a build runs: where its phases come from and how one phase is verified.
 *
 * @param id names the source and the verifier's settings in the build cache key, so output is
 *     only reused by the pipeline that made it (e.g. {@code PhaseVerifier seeds=3})
 * @param source reads the phases of a configuration
 * @param verifier verifies one phase: drift in {@link PhaseResult#problems()}, authoring errors as
 *     a {@link io.github.gradproof.diag.DiagnosticException}
 */
public record Pipeline(String id, PhaseSource source, PhaseCheck verifier) {

  /** A pipeline whose verifier checks each phase on the thread that asks, alone. */
  public Pipeline(String id, PhaseSource source, Function<Phase, PhaseResult> verifier) {
    this(id, source, alone(verifier));
  }

  private static PhaseCheck alone(Function<Phase, PhaseResult> verifier) {
    Objects.requireNonNull(verifier, "verifier");
    return (phase, helpers) -> verifier.apply(phase);
  }

  /** Verifies one phase, possibly sharing its questions with idle threads of the build's executor. */
  @FunctionalInterface
  public interface PhaseCheck {

    /**
     * The phase's result, as {@link PhaseVerifier#verify(Phase)} gives it.
     *
     * @param helpers idle threads of the build's executor: a verifier may hand work to it, but must
     *     not wait for a task that has not started (the executor drops tasks when no thread is idle)
     */
    PhaseResult verify(Phase phase, Executor helpers);
  }

  public Pipeline {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(verifier, "verifier");
  }

  /** The quiz files of the configuration, verified on the autograd engine with the default seeds and limits. */
  public static Pipeline standard() {
    return standard(WorkLimits.DEFAULT);
  }

  /**
   * The quiz files of the configuration, verified on the autograd engine with the default seeds,
   * refusing questions over {@code limits} (which are part of the cache key: a phase verified under
   * one limit is not reused under another).
   */
  public static Pipeline standard(WorkLimits limits) {
    return standard(PhaseSource.QUIZ_FILES, limits);
  }

  /**
   * The standard pipeline under {@code limits}, reusing the phases of the quiz files {@code memo}
   * has loaded before with the same bytes (the live preview, which rebuilds the same folder again
   * and again).
   */
  public static Pipeline standard(LoadMemo memo, WorkLimits limits) {
    return standard((config, executor, problems) -> QuizLoader.loadAll(config.dataDir(),
        config.displaySource(config.dataDir()), config.languages(), config.knownLanguages(), executor, problems, memo),
        limits);
  }

  private static Pipeline standard(PhaseSource source, WorkLimits limits) {
    PhaseVerifier verifier = new PhaseVerifier(limits);
    return new Pipeline("PhaseVerifier seeds=" + QuestionVerifier.DEFAULT_SEEDS + " " + limits,
        source, verifier::verifyOn);
  }

  /** Reads the phases of a configuration. */
  @FunctionalInterface
  public interface PhaseSource {

    /**
     * Every {@code phase-NN-slug.yaml} in the data folder, loaded and validated; texts in the
     * theme's other languages are allowed and skipped, so a site can publish a subset of them.
     */
    PhaseSource QUIZ_FILES = new PhaseSource() {
      @Override
      public List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems) {
        return load(config, executor, problems, null);
      }

      @Override
      public List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems, LoadMemo memo) {
        return QuizLoader.loadAll(config.dataDir(), config.displaySource(config.dataDir()), config.languages(),
            config.knownLanguages(), executor, problems, memo);
      }
    };

    /**
     * Loads every phase that can be loaded; adds a located diagnostic to {@code problems} for
     * every problem, leaving out the phases of the files that have one, so that the phases that
     * did load are still verified and one run reports every problem in every file.
     *
     * @param executor the build's workers, for reading files in parallel
     */
    List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems);

    /**
     * {@link #load(SiteConfig, Executor, List)}, reusing the phases {@code memo} remembers for
     * files with the same bytes and remembering the others (see {@link QuizLoader#loadAll}); a
     * source that keeps no such memo ignores it, which changes nothing but speed.
     *
     * @param memo files known before, or {@code null}
     */
    default List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems, LoadMemo memo) {
      return load(config, executor, problems);
    }
  }
}
