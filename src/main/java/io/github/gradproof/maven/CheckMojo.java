package io.github.gradproof.maven;

import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.BuildSummary;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn site:check}: verifies every answer and writes nothing; for CI and pre-commit. */
@Mojo(name = "check", requiresProject = true, threadSafe = true)
public class CheckMojo extends AbstractPipelineMojo {

  @Override
  protected BuildReport build(SiteGenerator generator) {
    return generator.check();
  }

  @Override
  protected String summary(BuildReport report, SiteConfig config) {
    return BuildSummary.checked(report);
  }
}
