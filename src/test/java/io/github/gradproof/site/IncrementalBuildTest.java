package io.github.gradproof.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.gradproof.TestProject;
import io.github.gradproof.bench.CorpusGenerator;
import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.verify.PhaseVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with a build cache and no memory, as every Maven build is: unchanged quiz files are not
 * parsed again, unchanged output files are not written again, and the site ends byte for byte as a
 * build without a cache writes it, whatever happened to the output in between.
 */
class IncrementalBuildTest {

  @TempDir Path project;

  /** Per build: the number of questions of each phase the load returned, by slug. */
  private final Map<String, Integer> loaded = Collections.synchronizedMap(new TreeMap<>());
  private final PhaseVerifier verifier = new PhaseVerifier();

  @BeforeEach
  void corpus() throws IOException {
    CorpusGenerator.write(project.resolve("data"), 1, 4);
  }

  private SiteConfig config() {
    return new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"), List.of("en", "es"));
  }

  /** A source that loads as the quiz files do, and notes what the load gave. */
  private final Pipeline.PhaseSource recording = new Pipeline.PhaseSource() {
    @Override
    public List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems) {
      return load(config, executor, problems, null);
    }

    @Override
    public List<Phase> load(SiteConfig config, Executor executor, List<Diagnostic> problems, LoadMemo memo) {
      List<Phase> phases = Pipeline.PhaseSource.QUIZ_FILES.load(config, executor, problems, memo);
      loaded.clear();
      phases.forEach(phase -> loaded.put(phase.slug(), phase.questions().size()));
      return phases;
    }
  };

  private SiteGenerator generator(SiteConfig config, boolean cache) {
    BuildOptions options = BuildOptions.DEFAULT.withGeneratorBuild("build-1");
    return new SiteGenerator(config, BuildLog.silent(), new Pipeline("test", recording, verifier::verify),
        cache ? options.withCache(project.resolve("target/gradproof-cache")) : options);
  }

  private SiteGenerator generator() {
    return generator(config(), true);
  }

  private Path data(int phase) {
    return project.resolve("data").resolve(CorpusGenerator.fileName(phase));
  }

  private void edit(int phase, String from, String to) throws IOException {
    String text = Files.readString(data(phase), StandardCharsets.UTF_8);
    assertTrue(text.contains(from), from);
    Files.writeString(data(phase), text.replace(from, to), StandardCharsets.UTF_8);
  }

  /** What a build without any cache writes for the same inputs, into another folder. */
  private Map<String, String> clean(SiteConfig config) throws IOException {
    generator(config.withOutputDir(Path.of("clean")), false).generate();
    return TestProject.snapshot(project.resolve("clean"));
  }

  private List<String> folders(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isDirectory).map(d -> root.relativize(d).toString()).sorted().toList();
    }
  }

  @Test
  void unchangedFilesAreNotParsedAgain() throws IOException {
    generator().generate();
    assertEquals(Map.of("bench-1", 5, "bench-2", 5, "bench-3", 5, "bench-4", 5), loaded, "a cold build parses all");
    edit(3, "Benchmark\"", "Edited\"");
    BuildReport report = generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 5, "bench-4", 0), loaded,
        "only the edited file is parsed; the others are stand-ins without questions");
    assertEquals(20, report.questionCount(), "the counts of the stand-ins come from the cache");
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  /**
   * The outside tester's {@code -Dgradproof.data=/tmp/.../quizzes}: the footer, the mirror and
   * {@code verification.json} show each file relative to the data folder's parent, never its
   * absolute path, and the cache knows the files under that same name (an unchanged file is not
   * parsed again).
   */
  @Test
  void dataOutsideTheProjectIsShownRelativeToItsParentAndCachedUnderThatName(@TempDir Path elsewhere)
      throws IOException {
    Path quizzes = elsewhere.resolve("quizzes");
    CorpusGenerator.write(quizzes, 1, 2);
    SiteConfig outside = new SiteConfig(project, quizzes, Path.of("templates"), Path.of("site"), List.of("en", "es"));
    assertEquals("quizzes/phase-01-bench-1.yaml", outside.displaySource(quizzes.resolve("phase-01-bench-1.yaml")));
    assertEquals(quizzes.resolve("phase-01-bench-1.yaml"), outside.sourceFile("quizzes/phase-01-bench-1.yaml"));
    assertEquals("data/phase-01-bench-1.yaml", config().displaySource(data(1)), "inside the project, as before");
    assertEquals(data(1), config().sourceFile("data/phase-01-bench-1.yaml"));
    generator(outside, true).generate();
    Map<String, String> site = TestProject.snapshot(project.resolve("site"));
    site.forEach((file, text) -> assertFalse(text.contains(elsewhere.toString()), file + " tells the author's folder"));
    assertEquals("Source file: quizzes/phase-01-bench-1.yaml", org.jsoup.Jsoup.parse(site.get("en/phase-01-bench-1.html"))
        .selectFirst("footer .source").text());
    assertEquals("quizzes/phase-02-bench-2.yaml", com.google.gson.JsonParser.parseString(site.get("verification.json"))
        .getAsJsonObject().getAsJsonArray("phases").get(1).getAsJsonObject().get("file").getAsString());
    assertTrue(site.get("md/es/phase-01-bench-1.md").contains("`quizzes/phase-01-bench-1.yaml`"));
    String text = Files.readString(quizzes.resolve("phase-02-bench-2.yaml"), StandardCharsets.UTF_8);
    Files.writeString(quizzes.resolve("phase-02-bench-2.yaml"), text.replace("Benchmark\"", "Edited\""),
        StandardCharsets.UTF_8);
    generator(outside, true).generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 5), loaded, "the unchanged file is found in the cache");
  }

  /**
   * {@code -Dgradproof.data=.}: the quiz files in the project folder itself (the output and the
   * cache outside it, as the output guard requires). The loader and the cache name each file alike
   * ({@code phase-01-bench-1.yaml}, never {@code ./phase-01-bench-1.yaml} for one of them), so an
   * unchanged file is found in the cache and is not parsed again.
   */
  @Test
  void dataInTheProjectFolderItselfIsCachedUnderTheNameTheLoaderGives(@TempDir Path elsewhere) throws IOException {
    CorpusGenerator.write(project, 1, 2);
    SiteConfig root = new SiteConfig(project, Path.of("."), Path.of("templates"), elsewhere.resolve("site"),
        List.of("en", "es"));
    assertEquals("phase-01-bench-1.yaml", root.displaySource(project.resolve("phase-01-bench-1.yaml")));
    BuildOptions options = BuildOptions.DEFAULT.withGeneratorBuild("build-1").withCache(elsewhere.resolve("cache"));
    new SiteGenerator(root, BuildLog.silent(), new Pipeline("test", recording, verifier::verify), options).generate();
    assertEquals("Source file: phase-01-bench-1.yaml", org.jsoup.Jsoup.parse(TestProject.snapshot(elsewhere
        .resolve("site")).get("en/phase-01-bench-1.html")).selectFirst("footer .source").text());
    new SiteGenerator(root, BuildLog.silent(), new Pipeline("test", recording, verifier::verify), options).generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0), loaded, "both unchanged files are found in the cache");
    Path second = project.resolve("phase-02-bench-2.yaml");
    Files.writeString(second, Files.readString(second, StandardCharsets.UTF_8).replace("Benchmark\"", "Edited\""),
        StandardCharsets.UTF_8);
    new SiteGenerator(root, BuildLog.silent(), new Pipeline("test", recording, verifier::verify), options).generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 5), loaded, "only the edited file is parsed again");
  }

  @Test
  void aStandInIsNeverVerified() throws IOException {
    generator().generate();
    List<String> verifiedSlugs = Collections.synchronizedList(new ArrayList<>());
    SiteGenerator counting = new SiteGenerator(config(), BuildLog.silent(), new Pipeline("test", recording, phase -> {
      verifiedSlugs.add(phase.slug());
      return verifier.verify(phase);
    }), BuildOptions.DEFAULT.withGeneratorBuild("build-1").withCache(project.resolve("target/gradproof-cache")));
    edit(2, "Benchmark\"", "Edited\"");
    Files.writeString(project.resolve("data/phase-09-broken.yaml"), "phase: [\n", StandardCharsets.UTF_8);
    assertThrows(DiagnosticException.class, counting::generate);
    assertEquals(List.of("bench-2"), verifiedSlugs, "a failed load verifies the phases it parsed, not the stand-ins");
  }

  @Test
  void aDuplicateIdAgainstAnUnparsedFileReadsAsWithoutACache() throws IOException {
    generator().generate();
    edit(3, "q-03-01", "q-02-01");
    DiagnosticException warm = assertThrows(DiagnosticException.class, () -> generator().generate());
    DiagnosticException cold = assertThrows(DiagnosticException.class, () -> generator(config(), false).generate());
    assertEquals(cold.getMessage(), warm.getMessage());
    assertTrue(warm.getMessage().contains("duplicate question id 'q-02-01'"), warm.getMessage());
    edit(2, "q-02-01", "q-02-99");
    generator().generate();
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")), "renaming the first one mends it");
  }

  @Test
  void theTranslationReportOfUnparsedFilesIsTheCachedOne() throws IOException {
    edit(1, "es: \"Fase 1 — Referencia\"", "es: \"TODO\"");
    SiteConfig strict = config().withStrictTranslations(true);
    DiagnosticException cold = assertThrows(DiagnosticException.class, () -> generator(strict, true).generate());
    edit(2, "Benchmark\"", "Edited\"");
    DiagnosticException warm = assertThrows(DiagnosticException.class, () -> generator(strict, true).generate());
    assertEquals(0, loaded.get("bench-1"), "phase 1 came from the cache");
    assertEquals(cold.getMessage(), warm.getMessage());
    assertTrue(warm.getMessage().contains("phase-01-bench-1") && warm.getMessage().contains("[es]"),
        warm.getMessage());
  }

  @Test
  void unchangedOutputFilesAreNotWrittenAgain() throws IOException {
    generator().generate();
    Path page = project.resolve("site/en/phase-01-bench-1.html");
    Path mirror = project.resolve("site/md/es/phase-01-bench-1.md");
    FileTime pageTime = Files.getLastModifiedTime(page);
    FileTime mirrorTime = Files.getLastModifiedTime(mirror);
    edit(3, "Benchmark\"", "Edited\"");
    generator().generate();
    assertEquals(pageTime, Files.getLastModifiedTime(page), "an unchanged phase's page is not written again");
    assertEquals(mirrorTime, Files.getLastModifiedTime(mirror));
    assertTrue(Files.readString(project.resolve("site/en/index.html")).contains("Phase 3 — Edited"));
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aFileTouchedInTheOutputIsReplacedWithTheWholeSite() throws IOException {
    generator().generate();
    Path page = project.resolve("site/en/phase-01-bench-1.html");
    FileTime longAgo = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(page, longAgo);
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 0, "bench-4", 0), loaded, "no file parsed");
    assertNotEquals(longAgo, Files.getLastModifiedTime(page), "the output no longer matched its record: all replaced");
  }

  @Test
  void aFileChangedInTheOutputIsReplacedWithTheWholeSite() throws IOException {
    generator().generate();
    Map<String, String> built = TestProject.snapshot(project.resolve("site"));
    Path page = project.resolve("site/en/phase-02-bench-2.html");
    Files.writeString(page, "changed by hand", StandardCharsets.UTF_8);
    Files.delete(project.resolve("site/es/phase-03-bench-3.html"));
    generator().generate();
    assertEquals(built, TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aFileAddedInTheOutputIsRefusedAndKept() throws IOException {
    generator().generate();
    Files.writeString(project.resolve("site/en/phase-02-bench-2.html"), "changed by hand", StandardCharsets.UTF_8);
    Files.writeString(project.resolve("site/en/phase-09-notes.html"), "added by hand", StandardCharsets.UTF_8);
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generator().generate());
    assertTrue(e.getMessage().contains("holds 1 entry gradproof did not write: en/phase-09-notes.html;"),
        e.getMessage());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aRemovedPhaseOrLanguageLeavesNoFileOrFolderBehind() throws IOException {
    generator().generate();
    Files.delete(data(4));
    generator().generate();
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
    SiteConfig english = new SiteConfig(project, Path.of("data"), Path.of("templates"), Path.of("site"), List.of("en"));
    generator(english, true).generate();
    assertEquals(clean(english), TestProject.snapshot(project.resolve("site")));
    assertEquals(folders(project.resolve("clean")), folders(project.resolve("site")));
    assertFalse(Files.exists(project.resolve("site/es")));
  }

  @Test
  void aBuildKilledWhilePublishingLeavesNoRecordSoTheNextReplacesTheSite() throws IOException {
    generator().generate();
    Path cache = project.resolve("target/gradproof-cache");
    List<Path> records;
    try (Stream<Path> files = Files.list(cache)) {
      records = files.filter(f -> f.getFileName().toString().endsWith(".published")).toList();
    }
    assertEquals(1, records.size(), "one record for the one output folder");
    // A build killed between moving files in and saving the record: the record is gone, the site mixed.
    Files.delete(records.get(0));
    Files.writeString(project.resolve("site/en/phase-01-bench-1.html"), "half published", StandardCharsets.UTF_8);
    generator().generate();
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
    assertTrue(Files.exists(records.get(0)), "saved again");
  }

  @Test
  void aFailedBuildLeavesTheOutputAndItsRecord() throws IOException {
    generator().generate();
    Map<String, String> before = TestProject.snapshot(project.resolve("site"));
    edit(2, "answer: 2", "answer: 3");
    assertThrows(DiagnosticException.class, () -> generator().generate());
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
    edit(2, "answer: 3", "answer: 2");
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 0, "bench-4", 0), loaded,
        "the record still describes the output: nothing is parsed or written");
    assertEquals(before, TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aCachedPageCutShortIsNeverPublishedAndTheNextBuildParsesItsFile() throws IOException {
    generator().generate();
    Map<String, String> built = TestProject.snapshot(project.resolve("site"));
    Path cache = project.resolve("target/gradproof-cache");
    try (Stream<Path> files = Files.list(cache)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().endsWith(".published")) {
          Files.delete(file); // no record: the next build stages every page from the cache
        } else {
          byte[] bytes = Files.readAllBytes(file);
          Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 1)); // the last page loses a byte
        }
      }
    }
    DiagnosticException e = assertThrows(DiagnosticException.class, () -> generator().generate());
    assertTrue(e.getMessage().contains("could not be read while the site was being built"), e.getMessage());
    assertEquals(built, TestProject.snapshot(project.resolve("site")), "the site stays as it was");
    generator().generate();
    assertEquals(Map.of("bench-1", 5, "bench-2", 5, "bench-3", 5, "bench-4", 5), loaded, "parsed again");
    assertEquals(built, TestProject.snapshot(project.resolve("site")));
  }

  private Path cacheDir() {
    return project.resolve("target/gradproof-cache");
  }

  private Path pack() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir())) {
      List<Path> packs = files.filter(f -> f.getFileName().toString().endsWith(".pack")).toList();
      assertEquals(1, packs.size(), "one pack: " + packs);
      return packs.get(0);
    }
  }

  /** The keys of the pack's readable records, in file order. */
  private static List<String> packedKeys(Path pack) {
    List<String> keys = new ArrayList<>();
    new MetaPack(pack).read(key -> true, chunk -> chunk.forEach(record -> keys.add(record.key())));
    return keys;
  }

  private List<String> entryKeys() throws IOException {
    try (Stream<Path> files = Files.list(cacheDir())) {
      return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".bin"))
          .map(name -> name.substring(0, name.length() - 4)).sorted().toList();
    }
  }

  @Test
  void theFirstPartsOfAllEntriesAreReadFromOnePack() throws IOException {
    generator().generate();
    assertEquals(entryKeys(), packedKeys(pack()).stream().sorted().toList(), "one record per entry");
    // With every entry's own first part made unreadable, the pack alone gives the stand-ins.
    for (String key : entryKeys()) {
      Path entry = cacheDir().resolve(key + ".bin");
      byte[] bytes = Files.readAllBytes(entry);
      bytes[4] = (byte) 0x7f; // the first part's length: now far past the end of the file
      Files.write(entry, bytes);
    }
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 0, "bench-4", 0), loaded, "nothing parsed");
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void anEditAppendsOneRecordAndUnusedRecordsAreDroppedOnceTheyOutweighTheUsedOnes() throws IOException {
    generator().generate();
    long before = Files.size(pack());
    edit(2, "Benchmark\"", "Edited 0\"");
    generator().generate();
    List<String> keys = packedKeys(pack());
    assertEquals(5, keys.size(), "the edited phase's record is appended: " + keys);
    assertTrue(Files.size(pack()) > before);
    assertEquals(keys.subList(0, 4), packedKeys(pack()).subList(0, 4), "the others are not rewritten");
    for (int n = 1; n <= 8; n++) {
      edit(2, "Edited " + (n - 1) + "\"", "Edited " + n + "\"");
      generator().generate();
      int records = packedKeys(pack()).size();
      assertTrue(records <= 2 * 4 + 1, "at most as many unused records as used ones, plus the new one: " + records);
      assertTrue(packedKeys(pack()).containsAll(entryKeys()), "every entry is in the pack");
    }
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aDamagedPackIsUsedUpToTheDamageAndThenRewrittenWhole() throws IOException {
    generator().generate();
    Path pack = pack();
    byte[] bytes = Files.readAllBytes(pack);
    bytes[bytes.length / 2] ^= 0x20; // inside the second or third record: its checksum no longer matches
    Files.write(pack, bytes);
    assertTrue(packedKeys(pack).size() < 4, "the damaged record and those after it are not readable");
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 0, "bench-4", 0), loaded,
        "the entries' own files gave the rest: nothing parsed");
    assertEquals(entryKeys(), packedKeys(pack()).stream().sorted().toList(), "rewritten whole");
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  @Test
  void aRecordWhoseEntryIsGoneIsNotUsed() throws IOException {
    generator().generate();
    List<String> before = entryKeys();
    edit(3, "Benchmark\"", "Edited\"");
    generator().generate();
    List<String> added = new ArrayList<>(entryKeys());
    added.removeAll(before);
    assertEquals(1, added.size(), "the edited phase's entry");
    assertTrue(packedKeys(pack()).contains(added.get(0)));
    Files.delete(cacheDir().resolve(added.get(0) + ".bin"));
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 5, "bench-4", 0), loaded,
        "the phase without an entry is parsed, verified and rendered again");
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }

  /**
   * Unchanged files are not even read once their stamps are believed; a file edited so that its
   * size and modification time are as before is still seen (its change time moved).
   */
  @Test
  void anEditThatKeepsTheSizeAndTheModificationTimeIsSeen() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(FileStamps.status(data(2)) != null,
        "a file system without change times and inodes keeps no stamps");
    Thread.sleep(FileStamps.SETTLED / 1_000_000 + 200); // the corpus's change times settle first
    generator().generate();
    Path stampsFile;
    try (Stream<Path> files = Files.list(cacheDir())) {
      stampsFile = files.filter(f -> f.getFileName().toString().endsWith(".stamps")).findFirst().orElseThrow();
    }
    assertTrue(FileStamps.open(stampsFile).unchangedDigest(config().displaySource(data(2)), FileStamps.status(data(2)))
        != null, "an unchanged file's digest is taken from its stamp");
    FileTime modified = Files.getLastModifiedTime(data(3));
    edit(3, "Benchmark\"", "Benchmerk\"");
    Files.setLastModifiedTime(data(3), modified);
    generator().generate();
    assertEquals(Map.of("bench-1", 0, "bench-2", 0, "bench-3", 5, "bench-4", 0), loaded, "the edited file is parsed");
    assertTrue(Files.readString(project.resolve("site/en/index.html")).contains("Benchmerk"));
    assertEquals(clean(config()), TestProject.snapshot(project.resolve("site")));
  }
}
