package io.github.gradproof.maven;

import io.github.gradproof.dev.PhaseSkeleton;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.site.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** An example of both parameters, for messages. */
  static final String EXAMPLE = "mvn site:new -D" + PREFIX + "phase=9 -D" + PREFIX + "slug=optimizers";

  // phase and slug are required, but not marked so for Maven: its generic message for a missing
  // parameter would not say how to give them, and problem() does.

  /** The new phase's number, 0 to 9999. Required. */
  @Parameter(property = PREFIX + "phase")
  private String phase;

  /** The new phase's slug: lower-case letters, digits and dashes. Required. */
  @Parameter(property = PREFIX + "slug")
  private String slug;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    String problem = problem(phase, slug);
    if (problem != null) {
      throw new MojoFailureException(problem);
    }
    SiteConfig config = config();
    try {
      Path file = PhaseSkeleton.write(config, Integer.parseInt(phase.strip()), slug.strip());
      getLog().info("wrote " + config.display(file) + "; translate the TODO texts, then run mvn site:check");
    } catch (DiagnosticException e) {
      getLog().error(e.getMessage());
      throw new MojoFailureException("gradproof: could not create the phase file (see above)");
    }
  }

  /**
   * What is wrong with the parameters as given, or {@code null}: a missing one (both are named
   * when both are missing), or a phase that is not a number. The range and the slug's form are
   * {@link PhaseSkeleton}'s to check.
   */
  static String problem(String phase, String slug) {
    List<String> missing = new ArrayList<>();
    if (phase == null || phase.isBlank()) {
      missing.add("-D" + PREFIX + "phase (the new phase's number)");
    }
    if (slug == null || slug.isBlank()) {
      missing.add("-D" + PREFIX + "slug (its name in the file name: lower-case letters, digits and dashes)");
    }
    if (!missing.isEmpty()) {
      return "site:new needs " + String.join(" and ", missing) + ", e.g. " + EXAMPLE
          + " writes phase-09-optimizers.yaml";
    }
    if (!phase.strip().matches("[0-9]{1,9}")) {
      return "-D" + PREFIX + "phase must be a number from 0 to 9999, e.g. " + EXAMPLE + "; found '" + phase + "'";
    }
    return null;
  }
}
