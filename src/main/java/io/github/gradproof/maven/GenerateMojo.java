package io.github.gradproof.maven;

import io.github.gradproof.site.BuildReport;
import io.github.gradproof.site.SiteGenerator;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn site:generate}: verifies every answer, then writes the site in every language.
 * Fails on any drifted answer or bad input and leaves the previous site untouched.
 */
@Mojo(name = "generate", requiresProject = true, threadSafe = true)
public class GenerateMojo extends AbstractPipelineMojo {

  @Override
  protected BuildReport run(SiteGenerator generator) {
    return generator.generate();
  }

  @Override
  protected void summarize(BuildReport report) {
    getLog().info("gradproof: " + report.phaseCount() + " phases, " + report.questionCount() + " questions, "
        + report.claimCount() + " claims verified; " + report.pagesWritten() + " pages written to " + output + "/"
        + (report.phasesFromCache() > 0 ? " (" + report.phasesFromCache() + " phases unchanged, from the build cache)" : ""));
    getLog().info("gradproof: " + report.timings().format());
  }
}
