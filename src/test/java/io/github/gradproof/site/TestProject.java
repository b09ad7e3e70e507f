package io.github.gradproof.site;

import java.nio.file.Path;

/** Test helper: this repository as a gradproof project, and configurations of projects made by tests. */
public final class TestProject {

  /** This repository: its {@code data/quizzes} and {@code templates} are the real project's. */
  public static final Path ROOT = Path.of("").toAbsolutePath();

  private TestProject() {}

  /**
   * The configuration the Maven goals use when nothing is set: the default data, templates and
   * output folders and languages under {@code baseDir}.
   */
  public static SiteConfig defaults(Path baseDir) {
    return new SiteConfig(baseDir, Path.of(SiteConfig.DEFAULT_DATA), Path.of(SiteConfig.DEFAULT_TEMPLATES),
        Path.of(SiteConfig.DEFAULT_OUTPUT), SiteConfig.DEFAULT_LANGUAGES);
  }
}
