package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a generating JVM while it writes its staging folder (SIGKILL: no shutdown hooks run) and
 * checks that the published site is untouched and that the next build cleans up and succeeds.
 */
class KilledBuildTest {

  @TempDir Path project;

  @Test
  void killedMidwayLeavesTheOldSiteIntact() throws Exception {
    SiteConfig config = TestProject.config(project, "data", "site");
    TestPipeline.generator(config, List.of(SampleQuiz.phase("Published")), SampleQuiz::result).generate();
    Map<String, String> published = TestProject.snapshot(project.resolve("site"));

    Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        LongBuildMain.class.getName(), project.toString(), "3000", config.templatesDir().toString())
        .redirectErrorStream(true).redirectOutput(project.resolve("child.log").toFile()).start();
    Path staging = awaitStagingWithPages(child);
    child.destroyForcibly().waitFor();

    assertTrue(Files.isDirectory(staging), "the killed build left its staging folder behind");
    assertEquals(published, TestProject.snapshot(project.resolve("site")), "the published site is untouched");

    TestPipeline.generator(config, List.of(SampleQuiz.phase("Next")), SampleQuiz::result).generate();
    assertTrue(Files.notExists(staging), "the next build removes the leftover staging folder");
    assertTrue(Files.readString(project.resolve("site/en/phase-03-sample.html")).contains("Next"));
  }

  @Test
  void aSwapInterruptedBetweenItsTwoRenamesIsUndone() throws IOException {
    SiteConfig config = TestProject.config(project, "data", "site");
    TestPipeline.generator(config, List.of(SampleQuiz.phase("Published")), SampleQuiz::result).generate();
    Map<String, String> published = TestProject.snapshot(project.resolve("site"));
    // The state a kill leaves after "site -> .site.old-x" and before "staging -> site".
    Files.move(project.resolve("site"), project.resolve(".site.old-12345"));
    Files.createDirectories(project.resolve(".site.staging-67890/en"));

    Publisher.open(config, BuildLog.silent()).close();

    assertEquals(published, TestProject.snapshot(project.resolve("site")));
    try (Stream<Path> left = Files.list(project)) {
      assertEquals(List.of(".site.lock", "site"), left.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private Path awaitStagingWithPages(Process child) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Path> staging = stagingFolder();
      if (staging.isPresent() && Files.isDirectory(staging.get().resolve("en"))) {
        return staging.get();
      }
      if (!child.isAlive()) {
        throw new AssertionError("the child finished before it could be killed: " + Files.readString(project.resolve("child.log")));
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no staging folder appeared within 60 s");
  }

  private Optional<Path> stagingFolder() throws IOException {
    try (Stream<Path> entries = Files.list(project)) {
      return entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).findFirst();
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
  }
}
