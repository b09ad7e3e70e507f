package io.github.gradproof.maven;

import io.github.gradproof.site.SiteConfig;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every gradproof goal shares: the project's folders and languages (README.md lists them
 * with their defaults), each settable in the POM and as {@code -Dgradproof.<name>}, and the
 * configuration they make.
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

  /** Skips the goal. */
  @Parameter(property = PREFIX + "skip", defaultValue = "false")
  protected boolean skip;

  /** The configuration the parameters describe. */
  protected SiteConfig config() throws MojoExecutionException {
    try {
      return new SiteConfig(
          basedir.toPath(), Path.of(data), Path.of(templates), Path.of(output), SiteConfig.parseLanguages(languages),
          strictTranslations);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("invalid gradproof configuration: " + e.getMessage(), e);
    }
  }
}
