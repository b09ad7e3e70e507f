package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.SampleQuiz;
import io.github.gradproof.TestProject;
import io.github.gradproof.quiz.Phase;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two builds on one output, in one process and in two: the second waits for the first (saying so),
 * each publishes a complete site, and neither disturbs the other's staging folder.
 */
class OneBuildAtATimeTest {

  private static final Path TEMPLATES = Path.of("templates").toAbsolutePath();

  @TempDir Path project;

  private final List<String> messages = new CopyOnWriteArrayList<>();

  private final BuildLog log = new BuildLog() {
    @Override
    public void info(String message) {
      messages.add(message);
    }

    @Override
    public void warn(String message) {
      messages.add(message);
    }
  };

  private SiteConfig config() {
    return new SiteConfig(project, Path.of("data"), TEMPLATES, Path.of("site"), List.of("en", "es"));
  }

  private SiteGenerator generator(String title, java.util.function.Function<Phase, io.github.gradproof.verify.PhaseResult> verifier) {
    return new SiteGenerator(config(), log, TestPipeline.of(List.of(SampleQuiz.phase(title)), verifier),
        BuildOptions.DEFAULT.withThreads(1));
  }

  @Test
  void twoThreadsOnOneOutputTakeTurns() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<BuildReport> first = CompletableFuture.supplyAsync(() -> generator("First", p -> {
      holding.countDown();
      await(release);
      return SampleQuiz.result(p);
    }).generate());
    assertTrue(holding.await(30, TimeUnit.SECONDS), "the first build reached verification");
    Path staging = onlyStaging();

    CompletableFuture<BuildReport> second = CompletableFuture.supplyAsync(
        () -> generator("Second", SampleQuiz::result).generate());
    awaitMessage("another gradproof build is writing site (it holds .site.lock); waiting for it to finish");
    assertTrue(Files.isDirectory(staging), "the waiting build leaves the first one's staging folder alone");
    assertTrue(!second.isDone(), "the second build waits");

    release.countDown();
    first.get(60, TimeUnit.SECONDS);
    second.get(60, TimeUnit.SECONDS);
    assertCompleteSite("Second");
    assertNothingBeside();
  }

  @Test
  void aBuildInAnotherProcessIsWaitedFor() throws Exception {
    TestPipeline.generator(config(), List.of(SampleQuiz.phase("Before")), SampleQuiz::result).generate();
    Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
        HeldBuildMain.class.getName(), project.toString(), TEMPLATES.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        OutputStream in = child.getOutputStream()) {
      assertEquals("holding", out.readLine(), "the child holds the output");
      Path staging = onlyStaging();
      assertTrue(Files.exists(project.resolve(".site.lock")));

      CompletableFuture<BuildReport> parent = CompletableFuture.supplyAsync(() -> generator("Parent",
          SampleQuiz::result).generate());
      awaitMessage("another gradproof build is writing site (it holds .site.lock, process " + child.pid()
          + "); waiting for it to finish");
      assertTrue(Files.isDirectory(staging), "the child's staging folder is untouched");
      assertTrue(TestProject.snapshot(project.resolve("site")).get("en/phase-03-sample.html").contains("Before"),
          "the published site is untouched");
      assertTrue(!parent.isDone(), "the parent waits for the child");

      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      assertEquals("published", out.readLine());
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue());
      parent.get(60, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }
    assertCompleteSite("Parent");
    assertNothingBeside();
  }

  @Test
  void aStagingFolderRemovedMidwayIsNeverPublished() throws IOException {
    TestPipeline.generator(config(), List.of(SampleQuiz.phase("Before")), SampleQuiz::result).generate();
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    SiteGenerator disturbed = generator("After", p -> {
      try {
        TestProject.deleteTree(onlyStaging()); // what a second build without the lock used to do
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return SampleQuiz.result(p);
    });
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        disturbed::generate);
    assertTrue(e.getMessage().endsWith("was removed during the build, so it is not published; run the build again"),
        e.getMessage());
    assertEquals(before, TestProject.snapshot(project.resolve("site")), "the published site is untouched");
  }

  private void assertCompleteSite(String title) throws IOException {
    Map<String, String> site = TestProject.snapshot(project.resolve("site"));
    assertTrue(site.get("en/phase-03-sample.html").contains(title), "the last build's site is published");
    for (String language : List.of("en", "es")) {
      for (String href : Jsoup.parse(site.get(language + "/index.html")).select("a[href]").eachAttr("href")) {
        if (!href.contains(":") && !href.startsWith("#")) {
          String target = project.resolve("site").resolve(language).resolve(href.replaceFirst("#.*", "")).normalize()
              .toString();
          assertTrue(Files.isRegularFile(Path.of(target)), "the index links to an existing page: " + href);
        }
      }
    }
  }

  private void assertNothingBeside() throws IOException {
    try (Stream<Path> entries = Files.list(project)) {
      assertEquals(List.of(".site.lock", "site"), entries.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging folder is left; the lock file stays, released");
    }
  }

  private Path onlyStaging() throws IOException {
    try (Stream<Path> entries = Files.list(project)) {
      List<Path> staging = entries.filter(p -> p.getFileName().toString().startsWith(".site.staging-")).toList();
      assertEquals(1, staging.size(), staging.toString());
      return staging.get(0);
    }
  }

  private void awaitMessage(String message) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!messages.contains(message)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no message '" + message + "' within 30 s; got " + messages);
      }
      Thread.sleep(10);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
  }
}
