package io.github.gradproof.maven;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A goal that runs the pipeline once ({@code check}, {@code generate}): located problems become a
 * build failure that lists them all, without a stack trace; anything unexpected keeps its stack
 * trace for {@code -e}.
 */
abstract class AbstractPipelineMojo extends AbstractGradproofMojo {

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("gradproof: skipped (gradproof.skip=true)");
      return;
    }
    SiteConfig config = config();
    SiteGenerator generator = SiteGenerator.standard(config, MavenBuildLog.of(getLog()));
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
}
