package io.github.gradproof.maven;

import io.github.gradproof.dev.PhaseSkeleton;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.site.SiteConfig;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn site:new -Dgradproof.phase=9 -Dgradproof.slug=optimizers}: writes a valid phase file
 * with one example question whose claim holds and every translation marked TODO.
 */
@Mojo(name = "new", requiresProject = true)
public class NewMojo extends AbstractGradproofMojo {

  /** The new phase's number. */
  @Parameter(property = PREFIX + "phase", required = true)
  private int phase;

  /** The new phase's slug: lower-case letters, digits and dashes. */
  @Parameter(property = PREFIX + "slug", required = true)
  private String slug;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    SiteConfig config = config();
    try {
      Path file = PhaseSkeleton.write(config, phase, slug);
      getLog().info("wrote " + config.display(file) + "; translate the TODO texts, then run mvn site:check");
    } catch (DiagnosticException e) {
      getLog().error(e.getMessage());
      throw new MojoFailureException("gradproof: could not create the phase file (see above)");
    }
  }
}
