package io.github.gradproof.maven;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every gradproof goal shares: the parameters of SPEC §2, each settable in the POM and as
 * {@code -Dgradproof.<name>}, and the mapping of located problems to a build failure without a
 * stack trace.
 */
abstract class AbstractGradproofMojo extends AbstractMojo {

  /** Prefix of every user property of this plugin. */
  static final String PREFIX = "gradproof.";

  /** The project folder; paths below are resolved against it. */
  @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
  protected File basedir;

  /** The folder of quiz files ({@code phase-NN-slug.yaml}). */
  @Parameter(property = PREFIX + "data", defaultValue = SiteConfig.DEFAULT_DATA)
  protected String data;

  /** The folder of Pebble templates, UI strings ({@code i18n/}) and assets ({@code assets/}). */
  @Parameter(property = PREFIX + "templates", defaultValue = SiteConfig.DEFAULT_TEMPLATES)
  protected String templates;

  /** The folder the site is written to; replaced as a whole only after a successful build. */
  @Parameter(property = PREFIX + "output", defaultValue = SiteConfig.DEFAULT_OUTPUT)
  protected String output;

  /** Page languages, comma-separated, in order; every quiz field needs each of them. */
  @Parameter(property = PREFIX + "languages", defaultValue = "en,es")
  protected String languages;

  /** Fail on translation findings (untranslated fields, differing inline code) instead of reporting them. */
  @Parameter(property = PREFIX + "strictTranslations", defaultValue = "false")
  protected boolean strictTranslations;

  /** Worker threads for verifying and rendering; 0 means one per processor. Output does not depend on it. */
  @Parameter(property = PREFIX + "threads", defaultValue = "0")
  protected int threads;

  /**
   * Reuse unchanged phases from the build cache in {@code target/gradproof-cache} (keyed on the
   * phase file, the templates, this plugin's build and the configuration).
   */
  @Parameter(property = PREFIX + "cache", defaultValue = "true")
  protected boolean cache;

  /** Where the build cache lives. */
  @Parameter(property = PREFIX + "cacheDir", defaultValue = "${project.build.directory}/gradproof-cache")
  protected File cacheDir;

  /** Skips the goal. */
  @Parameter(property = PREFIX + "skip", defaultValue = "false")
  protected boolean skip;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("gradproof: skipped (gradproof.skip=true)");
      return;
    }
    SiteConfig config = config();
    SiteGenerator generator = SiteGenerator.standard(config, MavenBuildLog.of(getLog())).withThreads(threads)
        .keepResults(false);
    if (cache && cacheDir != null) {
      generator.withCache(cacheDir.toPath());
    }
    try {
      summarize(run(generator));
    } catch (DiagnosticException e) {
      int count = e.diagnostics().size();
      getLog().error("\n" + e.getMessage() + "\n");
      throw new MojoFailureException(
          "gradproof found " + count + (count == 1 ? " problem" : " problems")
              + " (listed above); nothing was written and the previous "
              + output + "/ is unchanged");
    } catch (RuntimeException e) {
      throw new MojoExecutionException("gradproof failed unexpectedly: " + e, e);
    }
  }

  /** Runs this goal's part of the pipeline. */
  protected abstract BuildReport run(SiteGenerator generator);

  /** Logs what was done. */
  protected abstract void summarize(BuildReport report);

  private SiteConfig config() throws MojoExecutionException {
    try {
      return new SiteConfig(
          basedir.toPath(), Path.of(data), Path.of(templates), Path.of(output), SiteConfig.parseLanguages(languages),
          strictTranslations);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invalid gradproof configuration: " + e.getMessage(), e);
    }
  }
}
