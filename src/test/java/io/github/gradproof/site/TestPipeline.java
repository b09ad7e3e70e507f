package io.github.gradproof.site;

import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseResult;
import java.util.List;
import java.util.function.Function;

/** Test helper: generators over phases made in memory, with a verifier of the test's choosing. */
public final class TestPipeline {

  private TestPipeline() {}

  /** A pipeline whose source always gives {@code phases} (no file is read). */
  public static Pipeline of(List<Phase> phases, Function<Phase, PhaseResult> verifier) {
    return new Pipeline("test", (config, executor, problems) -> phases, verifier);
  }

  /** A generator of {@code phases} with the default options. */
  public static SiteGenerator generator(SiteConfig config, List<Phase> phases, Function<Phase, PhaseResult> verifier) {
    return generator(config, phases, verifier, BuildOptions.DEFAULT);
  }

  /** A generator of {@code phases} with {@code options}. */
  public static SiteGenerator generator(SiteConfig config, List<Phase> phases, Function<Phase, PhaseResult> verifier,
      BuildOptions options) {
    return new SiteGenerator(config, BuildLog.silent(), of(phases, verifier), options);
  }
}
