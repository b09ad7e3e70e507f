package io.github.gradproof.maven;

import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.verify.WorkLimits;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every gradproof goal shares: the parameters, each settable in the POM's
 * {@code <configuration>} (as {@code <name>}) and on the command line (as
 * {@code -Dgradproof.<name>}), and the configuration they make; a warning for every
 * {@code gradproof.*} property that names no parameter; and {@code gradproof.skip}.
 */
abstract class AbstractGradproofMojo extends AbstractMojo {

  /** Prefix of every user property of this plugin. */
  static final String PREFIX = "gradproof.";

  /** The build's session: where the command line's, the POM's and the JVM's properties are read. */
  @Parameter(defaultValue = "${session}", readonly = true)
  protected MavenSession session;

  /** This run of the goal: its plugin's descriptor names every parameter and property. */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  protected MojoExecution mojoExecution;

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

  /**
   * Page languages, comma-separated, in order (the first is the root page's); every quiz field
   * needs each of them. Default: the built-in theme's {@code en,es}, then every language the
   * templates folder adds UI strings for ({@code i18n/fr.yaml}), alphabetically.
   */
  @Parameter(property = PREFIX + "languages")
  protected String languages;

  /**
   * The address the site is published at, e.g. {@code https://example.org/course/}: pages then
   * carry absolute canonical and language-alternate links, and the build writes
   * {@code sitemap.xml} and {@code 404.html}. Unset: relative links only.
   */
  @Parameter(property = PREFIX + "baseUrl")
  protected String baseUrl;

  /** Fail on translation findings (untranslated fields, differing inline code) instead of reporting them. */
  @Parameter(property = PREFIX + "strictTranslations", defaultValue = "false")
  protected boolean strictTranslations;

  /**
   * The most operations (multiply-adds or their equivalent) verifying one question may take, estimated before it runs
   * (trials, gradients, finite-difference checks and claims together), e.g. {@code 1e11}; a question
   * over it is refused at its costliest line. Default: {@code 1e11}.
   */
  @Parameter(property = PREFIX + "maxWork")
  protected String maxWork;

  /**
   * The most tensor memory one trial of a question may keep at once, e.g. {@code 256m} or
   * {@code 1g}; a question over it is refused at its costliest line. Default: {@code 256m}.
   */
  @Parameter(property = PREFIX + "maxMemory")
  protected String maxMemory;

  /** Skips the goal. */
  @Parameter(property = PREFIX + "skip", defaultValue = "false")
  protected boolean skip;

  /**
   * Warns about misspelt {@code gradproof.*} properties, then runs the goal unless it is skipped.
   * The warnings come first, so that {@code -Dgradproof.skp=true} is not silently a full build.
   */
  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    warnAboutUnknownProperties();
    if (skip) {
      getLog().info("gradproof: skipped (gradproof.skip=true)");
      return;
    }
    run();
  }

  /** The goal itself. */
  protected abstract void run() throws MojoExecutionException, MojoFailureException;

  private void warnAboutUnknownProperties() {
    if (session == null || mojoExecution == null) {
      return; // not run by Maven: no properties to check
    }
    MavenProject project = session.getCurrentProject();
    UnknownProperties.warnings(mojoExecution.getMojoDescriptor().getPluginDescriptor(), session.getUserProperties(),
        project == null ? null : project.getProperties(), session.getSystemProperties()).forEach(getLog()::warn);
  }

  /** The configuration the parameters describe. */
  protected SiteConfig config() throws MojoExecutionException {
    try {
      List<String> languageList = languages == null || languages.isBlank()
          ? SiteConfig.themeLanguages(basedir.toPath(), Path.of(templates))
          : SiteConfig.parseLanguages(languages);
      return new SiteConfig(basedir.toPath(), Path.of(data), Path.of(templates), Path.of(output), languageList,
          strictTranslations, baseUrl, WorkLimits.parse(maxWork, maxMemory));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invalid gradproof configuration: " + e.getMessage(), e);
    }
  }
}
