package io.github.gradproof.site;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.quiz.Phase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child process for {@link KilledBuildTest}: generates a large sample site (many phases) into
 * {@code args[0]/site}, slowly enough that the test can kill it while pages are being written.
 */
public final class LongBuildMain {

  private LongBuildMain() {}

  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    int phases = Integer.parseInt(args[1]);
    Path templates = Path.of(args[2]);
    List<Phase> all = new ArrayList<>();
    for (int i = 0; i < phases; i++) {
      Phase sample = SampleQuiz.phase("Phase " + i);
      all.add(new Phase(sample.sourcePath(), i, "sample-" + i, sample.title(), sample.summary(), sample.questions()));
    }
    SiteConfig config = new SiteConfig(project, Path.of("data"), templates, Path.of("site"), List.of("en", "es"));
    TestPipeline.generator(config, all, SampleQuiz::result).generate();
  }
}
