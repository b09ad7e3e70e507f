package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.MarkdownAudit;
import io.github.gradproof.site.Pipeline.PhaseSource;
import io.github.gradproof.verify.PhaseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The state of one build, {@code check} or {@code generate}: what it runs (configuration, pipeline,
 * options), its {@link Workers}, the outcome of every phase ({@link PhaseSlots}) and where the time
 * went; and the steps both goals share: load, verify, the translation report, the report.
 */
final class BuildRun implements AutoCloseable {

  final SiteConfig config;
  final BuildLog log;
  final Workers workers;
  /** Time spent in each per-phase step, summed over the workers. */
  final LongAdder verifyNanos = new LongAdder();
  final LongAdder renderNanos = new LongAdder();
  final LongAdder writeNanos = new LongAdder();
  private final Pipeline pipeline;
  private final BuildOptions options;
  private final long start = System.nanoTime();
  private long loadNanos;
  private long finishStart;
  private PhaseSlots slots;

  BuildRun(SiteConfig config, BuildLog log, Pipeline pipeline, BuildOptions options) {
    this.config = config;
    this.log = log;
    this.pipeline = pipeline;
    this.options = options;
    this.workers = Workers.start(options.workerCount());
  }

  BuildOptions options() {
    return options;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  /** The outcomes of the loaded phases (after {@link #load()}). */
  PhaseSlots slots() {
    return slots;
  }

  /**
   * Load: reads every phase. When some files have problems, the phases that did load are still
   * verified, and the build fails with the problems of both steps, so one run reports everything.
   */
  List<Phase> load() {
    return load(null, phase -> true);
  }

  /**
   * {@link #load()} with a memo of files known before ({@link PhaseSource#load(SiteConfig, Executor, List,
   * LoadMemo)}); when some files have problems, only the phases {@code verifiable} accepts are
   * verified (a stand-in of a cached file has nothing to verify).
   */
  List<Phase> load(LoadMemo memo, Predicate<Phase> verifiable) {
    List<Diagnostic> loadProblems = new ArrayList<>();
    List<Phase> phases = pipeline.source().load(config, workers.executor(), loadProblems, memo);
    loadNanos = System.nanoTime() - start;
    slots = new PhaseSlots(phases);
    if (!loadProblems.isEmpty()) {
      workers.forEach(phases.size(), i -> {
        if (verifiable.test(phases.get(i))) {
          verify(phases.get(i), i);
        }
      });
      loadProblems.addAll(slots.problems());
      throw new DiagnosticException(loadProblems);
    }
    return phases;
  }

  /** Verify: phase {@code i}'s result, or {@code null} with its problems in its slot. */
  PhaseResult verify(Phase phase, int i) {
    long t = System.nanoTime();
    try {
      PhaseResult result = pipeline.verifier().verify(phase, workers.idleHelpers());
      List<Diagnostic> dropped = MarkdownAudit.of(phase, config.languages());
      if (!result.problems().isEmpty() || !dropped.isEmpty()) {
        List<Diagnostic> problems = new ArrayList<>(dropped);
        problems.addAll(result.problems());
        slots.problems(i, problems);
        return null;
      }
      slots.verified(i, result, options.keepResults());
      return result;
    } catch (DiagnosticException e) {
      slots.problems(i, e.diagnostics());
      return null;
    } finally {
      verifyNanos.add(System.nanoTime() - t);
    }
  }

  /** Starts the translation report of the phases beside the verification. */
  CompletableFuture<Translations> startTranslationReport(List<Phase> phases) {
    return workers.submit(() -> Translations.of(phases, config.languages(), options.memory()));
  }

  /** Starts the translation report of the phases beside the verification, each phase's part from {@code parts}. */
  CompletableFuture<Translations> startTranslationReport(List<Phase> phases,
      Function<Phase, BuildMemory.PhaseTranslations> parts) {
    return workers.submit(() -> Translations.of(phases, config.languages(), parts));
  }

  /**
   * Ends verification: any problem of any phase fails the build (all of them, in phase order,
   * then the theme's); then the translation report is logged, and in strict mode its findings
   * fail the build.
   *
   * @param themeProblems the theme's problems (UI strings, template syntax), or {@code null}
   */
  void finishVerification(CompletableFuture<Translations> translations, DiagnosticException themeProblems) {
    List<Diagnostic> problems = slots.problems();
    if (themeProblems != null) {
      problems.addAll(themeProblems.diagnostics());
    }
    if (!problems.isEmpty()) {
      throw new DiagnosticException(problems);
    }
    join(translations).report(config.strictTranslations(), log);
  }

  /** Marks the start of the steps that need every phase (index pages, links, publishing). */
  void startFinishing() {
    finishStart = System.nanoTime();
  }

  /** Report: what this build did, phase by phase, and where the time went. */
  BuildReport report(int pagesWritten, int filesWritten) {
    long end = System.nanoTime();
    BuildReport.Timings timings = new BuildReport.Timings(loadNanos, verifyNanos.sum(), renderNanos.sum(),
        writeNanos.sum(), finishStart == 0 ? 0 : end - finishStart, end - start, workers.threads());
    return new BuildReport(slots.reports(), pagesWritten, filesWritten, timings);
  }

  /** The value of {@code future}, rethrowing a task's unchecked exception as it was thrown. */
  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  @Override
  public void close() {
    workers.close();
  }
}
