package io.github.gradproof.maven;

import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteGenerator;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code mvn site:check}: verifies every answer and writes nothing; for CI and pre-commit. */
@Mojo(name = "check", requiresProject = true, threadSafe = true)
public class CheckMojo extends AbstractPipelineMojo {

  @Override
  protected BuildReport run(SiteGenerator generator) {
    return generator.check();
  }

  @Override
  protected void summarize(BuildReport report) {
    getLog().info("gradproof: " + report.phaseCount() + " phases, " + report.questionCount() + " questions, "
        + report.claimCount() + " claims verified; every answer agrees with its key");
  }
}
