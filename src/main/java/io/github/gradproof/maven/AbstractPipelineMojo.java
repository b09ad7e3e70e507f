package io.github.gradproof.maven;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.Plural;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that runs the pipeline once ({@code check}, {@code generate}): located problems become a
 * build failure that lists them all, without a stack trace; anything unexpected keeps its stack
 * trace for {@code -e}.
 */
abstract class AbstractPipelineMojo extends AbstractGradproofMojo {

  /** Worker threads for verifying and rendering; 0 means one per processor. Output does not depend on it. */
  @Parameter(property = PREFIX + "threads", defaultValue = "0")
  protected int threads;

  /**
   * Reuse unchanged phases from the build cache in {@code target/gradproof-cache} (keyed on the
   * phase file, the templates, this plugin's build and the configuration).
   */
  @Parameter(property = PREFIX + "cache", defaultValue = "true")
  protected boolean cache;

  /**
   * Where the build cache lives: a folder of its own, new, empty or holding only the cache's files
   * (the cache deletes the files it no longer needs, so any other folder is refused).
   */
  @Parameter(property = PREFIX + "cacheDir", defaultValue = "${project.build.directory}/gradproof-cache")
  protected File cacheDir;

  @Override
  protected final void run() throws MojoExecutionException, MojoFailureException {
    SiteConfig config = config();
    SiteGenerator generator = SiteGenerator.standard(config, MavenBuildLog.of(getLog()), options());
    try {
      BuildReport report = build(generator);
      getLog().info("gradproof: " + summary(report, config));
      getLog().debug("gradproof: " + report.timings().format());
    } catch (DiagnosticException e) {
      getLog().error("\n" + e.getMessage() + "\n");
      throw new MojoFailureException("gradproof found " + Plural.count(e.diagnostics().size(), "problem")
          + " (listed above); nothing was written, and the output folder (" + output + ") is unchanged");
    } catch (RuntimeException e) {
      throw new MojoExecutionException("gradproof failed unexpectedly: " + e, e);
    }
  }

  /** How the build runs: the goal's threads and cache; results are not kept (only counts are logged). */
  private BuildOptions options() throws MojoExecutionException {
    try {
      return BuildOptions.DEFAULT.withThreads(threads).withKeepResults(false)
          .withCache(cache && cacheDir != null ? cacheDir.toPath() : null);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invalid gradproof configuration: " + e.getMessage(), e);
    }
  }

  /** Runs this goal's part of the pipeline. */
  protected abstract BuildReport build(SiteGenerator generator);

  /** The build's one summary line ({@link io.github.gradproof.site.BuildSummary}). */
  protected abstract String summary(BuildReport report, SiteConfig config);
}
