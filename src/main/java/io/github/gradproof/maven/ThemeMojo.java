package io.github.gradproof.maven;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.ThemeOverrides;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn site:theme}: lists the built-in theme's files and which of them the project
 * overrides or adds. With {@code -Dgradproof.file=partials/question.peb} it copies that built-in
 * file into the templates folder (as {@code -Dgradproof.to=PATH} if given) to start an override.
 */
@Mojo(name = "theme", requiresProject = true)
public class ThemeMojo extends AbstractGradproofMojo {

  /** A built-in file to copy into the templates folder, e.g. {@code partials/question.peb}. */
  @Parameter(property = PREFIX + "file")
  private String file;

  /** Where the copy goes inside the templates folder; default: the same path as {@code file}. */
  @Parameter(property = PREFIX + "to")
  private String to;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    SiteConfig config = config();
    if (file == null || file.isBlank()) {
      getLog().info("gradproof theme (the project's " + templates + "/ over the built-in theme):");
      ThemeOverrides.describe(config).forEach(line -> getLog().info("  " + line));
      getLog().info("copy a built-in file to override it: mvn site:theme -Dgradproof.file=PATH");
      return;
    }
    try {
      Path written = ThemeOverrides.copy(config, file.strip(), to);
      getLog().info("wrote " + config.display(written) + "; it now overrides the built-in " + file.strip());
    } catch (DiagnosticException e) {
      getLog().error(e.getMessage());
      throw new MojoFailureException("gradproof: could not copy the theme file (see above)");
    }
  }
}
