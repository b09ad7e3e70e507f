package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.QuizLoader;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worker threads change the speed of a build, never its bytes or its diagnostics. */
class ParallelBuildTest {

  @TempDir Path project;

  private SiteConfig config(String output) {
    return new SiteConfig(project, Path.of("data"), Path.of("templates").toAbsolutePath(), Path.of(output),
        List.of("en", "es"));
  }

  private SiteGenerator generator(String output, int threads) {
    return SiteGenerator.standard(config(output), BuildLog.silent(), BuildOptions.DEFAULT.withThreads(threads));
  }

  @Test
  void oneThreadAndFourThreadsWriteIdenticalBytes() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 10, 9);
    Files.copy(Path.of("data/quizzes/phase-08-tensor-autograd.yaml"),
        project.resolve("data/phase-08-tensor-autograd.yaml"));
    generator("site-1", 1).generate();
    generator("site-4", 4).generate();
    Map<String, String> single = SiteGeneratorTest.snapshot(project.resolve("site-1"));
    long generated = single.keySet().stream().filter(f -> !f.startsWith("assets")).count();
    assertEquals(2 * 10 + 3 + 2 * 10 + 1, generated, single.keySet().toString());
    assertEquals(single, SiteGeneratorTest.snapshot(project.resolve("site-4")));
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
    String all = assertThrows(DiagnosticException.class, () -> new PhaseVerifier().check(QuizLoader.loadAll(
        project.resolve("data"), "data", List.of("en", "es")))).getMessage();
    assertEquals(all, single, "the same problems as verifying phase by phase");
  }
}
