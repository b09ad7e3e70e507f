package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the estimate misses (here: the memory limit raised far above a 48 MiB heap), the
 * {@link OutOfMemoryError} of a real build is a located error with a non-zero exit, and the
 * published site is untouched. Run in a child JVM so that only its small heap runs out.
 */
class OutOfMemoryBuildTest {

  @TempDir Path project;

  @Test
  void anOutOfMemoryErrorIsALocatedErrorAndKeepsTheSite() throws Exception {
    Map<String, String> before = publishPhase8();

    Files.copy(resource("/limits/phase-09-heavy.yaml"), project.resolve("data/phase-09-heavy.yaml"));

    String output = runChild("1e13", "64g");
    assertTrue(output.startsWith("data/phase-09-heavy.yaml:8:5: q-09-01: verifying this question ran out of "
        + "memory (the Java heap holds at most "), output);
    assertTrue(output.contains("and the limit gradproof.maxMemory is 64 GiB); use smaller dims"), output);
    assertEquals(before, TreeSnapshot.of(project.resolve("site")), "the published site changed");
  }

  /**
   * Rendering that runs out of memory (here a project template that writes without end) is a
   * located error at the phase's file with a non-zero exit, not a crash, and the site is untouched.
   */
  @Test
  void renderingThatRunsOutOfMemoryIsALocatedError() throws Exception {
    Map<String, String> before = publishPhase8();
    Path templates = Files.createDirectories(project.resolve("templates"));
    Files.writeString(templates.resolve("phase.peb"), "{% extends \"layout.peb\" %}{% block content %}"
        + "{% for i in range(1, 2000000000) %}0123456789{% endfor %}{% endblock %}\n", StandardCharsets.UTF_8);

    String output = runChild("1e11", "256m");

    assertTrue(output.startsWith("data/phase-08-tensor-autograd.yaml:1:1: rendering the pages of this phase ran out "
        + "of memory (the Java heap holds at most "), output);
    assertTrue(output.contains("give the build more memory (MAVEN_OPTS=-Xmx2g)"), output);
    assertEquals(before, TreeSnapshot.of(project.resolve("site")), "the published site changed");
  }

  /** Publishes the course fixture's Phase 8 in the project; the published files. */
  private Map<String, String> publishPhase8() throws Exception {
    Path data = Files.createDirectories(project.resolve("data"));
    Files.copy(resource("/course/phase-08-tensor-autograd.yaml"), data.resolve("phase-08-tensor-autograd.yaml"));
    SiteConfig config = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"),
        List.of("en", "es"));
    SiteGenerator.standard(config, BuildLog.silent(), BuildOptions.DEFAULT.withThreads(1)).generate();
    return TreeSnapshot.of(project.resolve("site"));
  }

  /**
   * Builds the project in a child JVM with a 48 MiB heap under the limits {@code work} and
   * {@code memory}; its output, after checking that it exited with 1. One processor, so one worker
   * thread: the question or page that needs the memory is the one whose allocation fails (with two,
   * a Phase 8 question verified beside it can be).
   */
  private String runChild(String work, String memory) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
        .toString();
    Process child = new ProcessBuilder(java, "-Xmx48m", "-XX:ActiveProcessorCount=1", "-cp",
        System.getProperty("java.class.path"), OutOfMemoryBuildMain.class.getName(), project.toString(), work, memory)
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
    assertEquals(1, child.exitValue(), output);
    return output;
  }

  private static Path resource(String name) throws URISyntaxException, IOException {
    return Path.of(OutOfMemoryBuildTest.class.getResource(name).toURI());
  }
}
