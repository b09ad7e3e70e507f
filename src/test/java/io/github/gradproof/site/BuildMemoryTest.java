package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds with a {@link BuildMemory} (the live preview's): after every kind of change, the
 * output holds exactly the bytes of a fresh build without cache or memory, while unchanged
 * phases are neither loaded, verified nor written again.
 */
class BuildMemoryTest {

  @TempDir Path project;

  private final BuildMemory memory = new BuildMemory();
  private final PhaseVerifier verifier = new PhaseVerifier();
  private final List<String> verified = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void corpus() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 1, 5);
  }

  private SiteConfig config(String output) {
    return new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of(output), List.of("en", "es"));
  }

  /** A build with the memory, verifying through a counter. */
  private List<String> rebuild() {
    verified.clear();
    Pipeline pipeline = new Pipeline("test", (config, executor, problems) -> QuizLoader.loadAll(config.dataDir(),
        config.displaySource(config.dataDir()), config.languages(), config.knownLanguages(), executor, problems,
        memory.loaded()), this::countingVerify);
    new SiteGenerator(config("preview"), BuildLog.silent(), pipeline, BuildOptions.DEFAULT.withGeneratorBuild("b")
        .withCache(project.resolve("cache")).withMemory(memory)).generate();
    List<String> slugs = new ArrayList<>(verified);
    Collections.sort(slugs);
    return slugs;
  }

  private PhaseResult countingVerify(Phase phase) {
    verified.add(phase.slug());
    return verifier.verify(phase);
  }

  /** The output equals a fresh build's, file for file and byte for byte. */
  private void assertSameAsFreshBuild() throws IOException {
    SiteGenerator.standard(config("fresh"), BuildLog.silent()).generate();
    assertEquals(TestProject.snapshot(project.resolve("fresh")), TestProject.snapshot(project.resolve("preview")));
  }

  private Object inode(String relative) throws IOException {
    return Files.getAttribute(project.resolve("preview").resolve(relative), "unix:ino");
  }

  private void edit(String file, String from, String to) throws IOException {
    Path path = project.resolve("data").resolve(file);
    String text = Files.readString(path, StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(path, text.replace(from, to), StandardCharsets.UTF_8);
  }

  @Test
  void anEditRebuildsOnePhaseInPlaceAndTheOutputIsAFreshBuilds() throws IOException {
    assertEquals(List.of("bench-1", "bench-2", "bench-3", "bench-4", "bench-5"), rebuild());
    assertSameAsFreshBuild();
    Object unchanged = inode("en/phase-01-bench-1.html");
    Object edited = inode("en/phase-02-bench-2.html");
    edit("phase-02-bench-2.yaml", "Benchmark\"", "Benchmark, edited\"");
    assertEquals(List.of("bench-2"), rebuild());
    assertSameAsFreshBuild();
    assertEquals(unchanged, inode("en/phase-01-bench-1.html"), "an unchanged page is not written again");
    assertNotEquals(edited, inode("en/phase-02-bench-2.html"), "the edited page is replaced");
    assertEquals(List.of(), rebuild(), "nothing changed, nothing verified");
    assertSameAsFreshBuild();
  }

  @Test
  void deletedAndAddedPhasesLeaveExactlyAFreshBuildsFiles() throws IOException {
    rebuild();
    Files.delete(project.resolve("data/phase-03-bench-3.yaml"));
    CorpusGenerator.write(project.resolve("data"), 7, 1);
    assertEquals(List.of("bench-7"), rebuild());
    assertSameAsFreshBuild();
    assertTrue(Files.notExists(project.resolve("preview/en/phase-03-bench-3.html")));
    assertTrue(Files.notExists(project.resolve("preview/md/es/phase-03-bench-3.md")));
  }

  @Test
  void aFailedBuildInPlaceIsRepairedByTheNextOne() throws IOException {
    rebuild();
    // Phase 4's key drifts (found while verifying, after phase 5's new pages may be written in place).
    edit("phase-04-bench-4.yaml", "answer: [1, 3]", "answer: [1, 2]");
    edit("phase-05-bench-5.yaml", "Benchmark\"", "Benchmark, edited\"");
    assertThrows(DiagnosticException.class, this::rebuild);
    edit("phase-04-bench-4.yaml", "answer: [1, 2]", "answer: [1, 3]");
    rebuild();
    assertSameAsFreshBuild();
  }

  @Test
  void anOutputReplacedBySomeoneElseIsBuiltAfreshNotInPlace() throws IOException {
    rebuild();
    TestProject.deleteTree(project.resolve("preview"));
    assertEquals(List.of(), rebuild(), "the cache still holds every phase");
    assertSameAsFreshBuild();
  }
}
