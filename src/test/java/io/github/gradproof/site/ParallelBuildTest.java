package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.CourseFixture;
import io.github.gradproof.TestProject;
import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.QuizFiles;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker threads change the speed of a build, never its bytes or its diagnostics. */
class ParallelBuildTest {

  @TempDir Path project;

  private SiteConfig config(String output) {
    return TestProject.config(project, "data", output);
  }

  private SiteGenerator generator(String output, int threads) {
    return SiteGenerator.standard(config(output), BuildLog.silent(), BuildOptions.DEFAULT.withThreads(threads));
  }

  @Test
  void oneThreadAndFourThreadsWriteIdenticalBytes() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 10, 9);
    CourseFixture.copyPhase8(project.resolve("data"));
    generator("site-1", 1).generate();
    generator("site-4", 4).generate();
    Map<String, String> single = TestProject.snapshot(project.resolve("site-1"));
    long generated = single.keySet().stream().filter(f -> !f.startsWith("assets")).count();
    assertEquals(2 * 10 + 3 + 2 * 10 + 1 + 1, generated, single.keySet().toString()); // + the stamp
    assertEquals(single, TestProject.snapshot(project.resolve("site-4")));
  }

  /** One phase on two threads: its questions may be shared between them, and the bytes are the same. */
  @Test
  void theQuestionsOfALonePhaseAreSharedWithIdleWorkersWithoutChangingABit() throws IOException {
    CourseFixture.copyPhase8(project.resolve("data"));
    generator("site-1", 1).generate();
    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    SiteGenerator two = new SiteGenerator(config("site-2"), BuildLog.silent(), recordingPipeline(workers),
        BuildOptions.DEFAULT.withThreads(2));
    two.generate();
    assertEquals(TestProject.snapshot(project.resolve("site-1")), TestProject.snapshot(project.resolve("site-2")));
    // Whether a worker got round to a question is up to timing (SharedLoopTest shows the sharing).
    assertTrue(workers.contains(Thread.currentThread()), "the build's own thread verified: " + workers);
  }

  @Test
  void oneThreadRunsTheWholeBuildOnTheCallingThread() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 1, 6);
    Path old = project.resolve("site");
    ThreadMXBean jvm = ManagementFactory.getThreadMXBean();
    long before = jvm.getTotalStartedThreadCount();
    recordingGenerator(2, ConcurrentHashMap.newKeySet()).generate(); // also leaves an old site to delete
    assertTrue(jvm.getTotalStartedThreadCount() > before, "the control: two threads start workers");
    assertTrue(Files.isDirectory(old));

    Set<Thread> workers = ConcurrentHashMap.newKeySet();
    before = jvm.getTotalStartedThreadCount();
    long commonPoolTasks = ForkJoinPool.commonPool().getStealCount();
    BuildReport report = recordingGenerator(1, workers).generate();
    assertEquals(before, jvm.getTotalStartedThreadCount(),
        "no thread was started: loading, verifying, rendering, the translation report and deleting the old site"
            + " all ran on the calling thread");
    assertEquals(commonPoolTasks, ForkJoinPool.commonPool().getStealCount(), "and no task ran on the common pool");
    assertEquals(Set.of(Thread.currentThread()), workers, "every file was parsed and every phase verified here");
    assertEquals(1, report.timings().threads());
    assertEquals(6, report.phaseCount());
  }

  /** The standard pipeline, noting the threads that parse quiz files and verify phases. */
  private SiteGenerator recordingGenerator(int threads, Set<Thread> workers) {
    Pipeline standard = Pipeline.standard();
    Pipeline.PhaseSource source = (config, executor, problems) -> standard.source().load(config, task ->
        executor.execute(() -> {
          workers.add(Thread.currentThread());
          task.run();
        }), problems);
    return new SiteGenerator(config("site"), BuildLog.silent(), recordingPipeline(source, workers),
        BuildOptions.DEFAULT.withThreads(threads));
  }

  /** The standard pipeline, noting the threads that verify questions (the files are loaded by the build's thread). */
  private static Pipeline recordingPipeline(Set<Thread> workers) {
    Pipeline standard = Pipeline.standard();
    return recordingPipeline((config, executor, problems) -> standard.source().load(config, Runnable::run, problems),
        workers);
  }

  private static Pipeline recordingPipeline(Pipeline.PhaseSource source, Set<Thread> workers) {
    Pipeline standard = Pipeline.standard();
    return new Pipeline(standard.id(), source, (phase, helpers) -> {
      workers.add(Thread.currentThread());
      return standard.verifier().verify(phase, task -> helpers.execute(() -> {
        workers.add(Thread.currentThread());
        task.run();
      }));
    });
  }

  @Test
  void diagnosticsComeInPhaseOrderWhateverTheThreads() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 1, 6);
    for (int p : new int[] {2, 5}) {
      Path file = project.resolve("data").resolve(CorpusGenerator.fileName(p));
      Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("answer: [1, 3]", "answer: [1, 2]"),
          StandardCharsets.UTF_8);
    }
    String single = assertThrows(DiagnosticException.class, () -> generator("site", 1).generate()).getMessage();
    String parallel = assertThrows(DiagnosticException.class, () -> generator("site", 3).generate()).getMessage();
    assertEquals(single, parallel);
    String all = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(QuizFiles.loadAll(
        project.resolve("data"), "data", List.of("en", "es")))).getMessage();
    assertEquals(all, single, "the same problems as verifying phase by phase");
  }
}
