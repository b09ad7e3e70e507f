package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.render.Theme;
import io.github.gradproof.verify.PhaseResult;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incremental build: what is reused, what is invalidated, and that reuse never changes a byte. */
class BuildCacheTest {

  @TempDir Path project;

  private final List<String> verified = Collections.synchronizedList(new ArrayList<>());
  private final PhaseVerifier verifier = new PhaseVerifier();
  private Path templates;

  @BeforeEach
  void corpus() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 1, 4);
    templates = project.resolve("templates");
  }

  private SiteGenerator generator(List<String> languages, String build) {
    SiteConfig config = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"), languages);
    return generator(config, "test", build);
  }

  private SiteGenerator generator(SiteConfig config, String pipeline, String build) {
    return new SiteGenerator(config, BuildLog.silent(),
        new Pipeline(pipeline, Pipeline.PhaseSource.QUIZ_FILES, this::countingVerify),
        BuildOptions.DEFAULT.withGeneratorBuild(build).withCache(project.resolve("target/gradproof-cache")));
  }

  private SiteGenerator generator() {
    return generator(List.of("en", "es"), "build-1");
  }

  private PhaseResult countingVerify(Phase phase) {
    verified.add(phase.slug());
    return verifier.verify(phase);
  }

  private List<String> rebuild(SiteGenerator generator) {
    verified.clear();
    generator.generate();
    List<String> slugs = new ArrayList<>(verified);
    Collections.sort(slugs);
    return slugs;
  }

  private static final List<String> ALL = List.of("bench-1", "bench-2", "bench-3", "bench-4");

  @Test
  void unchangedPhasesAreNeitherVerifiedNorRenderedAgain() throws IOException {
    assertEquals(ALL, rebuild(generator()));
    Map<String, String> cold = TestProject.snapshot(project.resolve("site"));
    BuildReport warm = generator().generate();
    assertEquals(4, warm.phasesFromCache());
    assertEquals(List.of(), warm.results(), "nothing verified");
    assertEquals(List.of(true, true, true, true), warm.phases().stream().map(BuildReport.PhaseReport::fromCache).toList(),
        "the report names every phase, and says each came from the cache");
    assertEquals(20, warm.questionCount(), "counts still cover every phase");
    assertEquals(cold, TestProject.snapshot(project.resolve("site")), "a cached build writes the same bytes");
  }

  @Test
  void editingOnePhaseRebuildsOnlyThatPhaseAndTheSharedPages() throws IOException {
    rebuild(generator());
    Path file = project.resolve("data").resolve(CorpusGenerator.fileName(3));
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("Benchmark\"", "Edited\""),
        StandardCharsets.UTF_8);
    assertEquals(List.of("bench-3"), rebuild(generator()));
    Map<String, String> incremental = TestProject.snapshot(project.resolve("site"));
    assertTrue(incremental.get("en/index.html").contains("Phase 3 — Edited"), "the index follows the edit");
    assertTrue(incremental.get("verification.json").contains("bench-3"));
    Files.walk(project.resolve("target")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    assertEquals(ALL, rebuild(generator()));
    assertEquals(TestProject.snapshot(project.resolve("site")), incremental, "incremental equals clean");
  }

  @Test
  void addingAndRemovingPhasesKeepsTheIndexAndJsonRight() throws IOException {
    rebuild(generator());
    CorpusGenerator.write(project.resolve("data"), 5, 1);
    assertEquals(List.of("bench-5"), rebuild(generator()));
    Files.delete(project.resolve("data").resolve(CorpusGenerator.fileName(2)));
    assertEquals(List.of(), rebuild(generator()));
    Map<String, String> site = TestProject.snapshot(project.resolve("site"));
    assertTrue(site.get("en/index.html").contains("phase-05-bench-5.html"));
    assertTrue(!site.get("en/index.html").contains("phase-02-bench-2.html"));
    assertTrue(!site.containsKey("en/phase-02-bench-2.html"));
    assertTrue(!site.get("verification.json").contains("\"bench-2\""));
  }

  @Test
  void addingEditingAndRemovingAnOverrideInvalidatesEveryPhase() throws IOException {
    rebuild(generator());
    Path css = templates.resolve("assets/style.css");
    Files.createDirectories(css.getParent());
    Files.write(css, Theme.builtIn().findBuiltIn("assets/style.css").orElseThrow().readBytes());
    assertEquals(ALL, rebuild(generator()), "a new override, even with the built-in bytes");
    Files.writeString(css, "\n/* changed */\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
    assertEquals(ALL, rebuild(generator()));
    Path es = templates.resolve("i18n/es.yaml");
    Files.createDirectories(es.getParent());
    Files.writeString(es, Theme.builtIn().findBuiltIn("i18n/es.yaml").orElseThrow().readText() + "\n# comment\n",
        StandardCharsets.UTF_8);
    assertEquals(ALL, rebuild(generator()));
    assertEquals(List.of(), rebuild(generator()));
    Files.delete(css);
    assertEquals(ALL, rebuild(generator()), "back to the built-in stylesheet");
  }

  @Test
  void anEditInATemplatesFolderThatIsALinkInvalidatesEveryPhase() throws IOException {
    Path shared = Files.createDirectories(project.resolve("shared-theme/assets"));
    Files.writeString(shared.resolve("course.css"), "body {}\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(templates, project.resolve("shared-theme"));
    assertEquals(ALL, rebuild(generator()));
    assertEquals(List.of(), rebuild(generator()));
    Files.writeString(shared.resolve("course.css"), "body { color: navy; }\n", StandardCharsets.UTF_8);
    assertEquals(ALL, rebuild(generator()), "the key hashes the files behind the link");
    assertEquals("body { color: navy; }\n", Files.readString(project.resolve("site/assets/course.css")));
  }

  @Test
  void aBaseUrlChangeInvalidatesEveryPhase() {
    rebuild(generator());
    SiteConfig config = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"),
        List.of("en", "es")).withBaseUrl("https://example.org/course/");
    SiteGenerator web = generator(config, "test", "build-1");
    assertEquals(ALL, rebuild(web));
    assertTrue(Files.isRegularFile(project.resolve("site/sitemap.xml")));
    assertEquals(List.of(), rebuild(web));
  }

  @Test
  void aNewGeneratorBuildInvalidatesEveryPhase() {
    rebuild(generator());
    assertEquals(ALL, rebuild(generator(List.of("en", "es"), "build-2")));
    assertEquals(List.of(), rebuild(generator(List.of("en", "es"), "build-2")));
  }

  @Test
  void aConfigurationChangeInvalidatesEveryPhase() {
    rebuild(generator());
    assertEquals(ALL, rebuild(generator(List.of("es", "en"), "build-1")));
    SiteConfig other = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"),
        List.of("en", "es"));
    verified.clear();
    generator(other, "seeds=5", "build-1").generate();
    assertEquals(4, verified.size(), "another verifier setting is another key");
  }

  @Test
  void theGeneratorBuildHashesTheCodeItRunsFrom() {
    String build = BuildCache.generatorBuild();
    assertEquals(64, build.length());
    assertEquals(build, BuildCache.generatorBuild());
    assertNotEquals(BuildCache.Hasher.class.getName(), build);
  }

  @Test
  void aFailedBuildWithACacheLeavesTheSiteUntouched() throws IOException {
    rebuild(generator());
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    Path file = project.resolve("data").resolve(CorpusGenerator.fileName(2));
    Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("answer: 2", "answer: 3"),
        StandardCharsets.UTF_8);
    assertThrows(DiagnosticException.class, () -> generator().generate());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
    try (Stream<Path> entries = Files.list(project)) {
      assertEquals(List.of(), entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site"))
          .filter(n -> !n.equals(".site.lock")).toList(), "no staging folder is left (the lock file stays)");
    }
  }

  @Test
  void aCorruptEntryIsAMissNotAFailure() throws IOException {
    rebuild(generator());
    try (Stream<Path> entries = Files.list(project.resolve("target/gradproof-cache"))) {
      for (Path entry : entries.toList()) {
        Files.write(entry, new byte[] {1, 2, 3});
      }
    }
    assertEquals(ALL, rebuild(generator()));
  }
}
