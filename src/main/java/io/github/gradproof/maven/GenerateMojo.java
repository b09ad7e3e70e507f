package io.github.gradproof.maven;

import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.BuildSummary;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn site:generate}: verifies every answer, then writes the site in every language.
 * Fails on any drifted answer or bad input and leaves the previous site untouched. Bound in a
 * POM without a phase, it runs in the {@code site} phase, so {@code mvn site} writes the site.
 */
@Mojo(name = "generate", requiresProject = true, threadSafe = true, defaultPhase = LifecyclePhase.SITE)
public class GenerateMojo extends AbstractPipelineMojo {

  @Override
  protected BuildReport build(SiteGenerator generator) {
    return generator.generate();
  }

  @Override
  protected String summary(BuildReport report, SiteConfig config) {
    return BuildSummary.generated(report, config.display(config.outputDir()));
  }
}
