package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.QuizLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The build cache as one build sees it, or no cache at all (every key {@code null}). Opened
 * before the phases are loaded: a phase is cached only when its file has the same key before and
 * after loading, so an edit racing the build can never store old output under the new file's key.
 *
 * <p>Opening also prepares the load ({@link #load}): every quiz file whose entry is in the cache
 * is remembered with a {@linkplain CachedLoad#standIn stand-in} phase, so the loader neither
 * parses nor validates it again, and the build takes it from the cache as a whole. A stand-in
 * has no questions; it is only ever reused ({@link #isStandIn}), never verified.
 */
final class PhaseCache {

  private final BuildCache cache;
  private final SiteConfig config;
  private final Map<String, String> keysBefore;
  private final BuildMemory memory;
  /** The load's memo: stand-ins of the cached files, then every file the load parsed. */
  private final LoadMemo memo;
  /** The stand-in phases given to the loader, with their keys. */
  private final Map<Phase, String> standIns;
  /** The entries of the stand-ins, read (without their files' bytes) when the cache opened. */
  private final Map<String, BuildCache.Entry> opened;
  /** What this build knows of the quiz files' status, or {@code null} without a cache. */
  private final FileStamps stamps;
  /** What loading gave for each parsed file, by shown path, for its cache entry (the memo is emptied). */
  private final Map<String, LoadMemo.Remembered> parsed = new ConcurrentHashMap<>();
  /** Each phase's part of the translation report, by file (without the phase). */
  private final Map<String, BuildMemory.PhaseTranslations> translations = new ConcurrentHashMap<>();

  private PhaseCache(BuildCache cache, SiteConfig config, Map<String, String> keysBefore, BuildMemory memory,
      LoadMemo memo, Map<Phase, String> standIns, Map<String, BuildCache.Entry> opened, FileStamps stamps) {
    this.cache = cache;
    this.config = config;
    this.keysBefore = keysBefore;
    this.memory = memory;
    this.memo = memo;
    this.standIns = standIns;
    this.opened = opened;
    this.stamps = stamps;
  }

  /** The cache of a run's options, keyed by its pipeline; the quiz files are keyed now. */
  static PhaseCache open(BuildRun run) {
    BuildOptions options = run.options();
    if (options.cacheDir() == null) {
      return new PhaseCache(null, run.config, Map.of(), null, null, Map.of(), Map.of(), null);
    }
    String generator = options.generatorBuild() != null ? options.generatorBuild()
        : BuildCache.generatorBuild(options.cacheDir());
    BuildCache cache = BuildCache.open(options.cacheDir(), run.config, run.pipeline().id(), generator);
    BuildMemory memory = options.memory();
    // A process with a memory (the live preview) remembers whole phases itself.
    LoadMemo memo = memory == null ? new LoadMemo() : null;
    Map<Phase, String> standIns = Collections.synchronizedMap(new IdentityHashMap<>());
    Map<String, BuildCache.Entry> opened = new ConcurrentHashMap<>();
    Map<String, String> keys = new ConcurrentHashMap<>();
    Map<String, Keyed> keyed = new ConcurrentHashMap<>();
    List<Path> files = quizFiles(run.config);
    FileStamps stamps = FileStamps.open(cache.stampsFile(run.config.dataDir()));
    // Reading and hashing each file are independent per file; a file whose status is unchanged
    // since a build that read it is neither read nor hashed (FileStamps says when that is safe).
    run.workers.forEach(files.size(), i -> {
      String display = run.config.displaySource(files.get(i));
      byte[] digest = digest(files.get(i), display, stamps);
      if (digest == null) {
        return;
      }
      String key = cache.keyOfDigest(display, digest);
      keys.put(display, key);
      if (memo != null) {
        keyed.put(display, new Keyed(key, digest));
      }
    });
    if (memo != null) {
      Map<String, BuildCache.Entry> entries = cache.metas(Set.copyOf(keys.values()), run.workers);
      List<String> displays = List.copyOf(keyed.keySet());
      run.workers.forEach(displays.size(), i -> {
        String display = displays.get(i);
        Keyed file = keyed.get(display);
        BuildCache.Entry entry = entries.get(file.key());
        if (entry != null && entry.loaded() != null) {
          CachedLoad loaded = entry.loaded();
          Phase standIn = loaded.standIn(display);
          memo.remember(display, new LoadMemo.Remembered(file.digest(), loaded.languages(), loaded.others(),
              standIn, loaded.ids(), true));
          standIns.put(standIn, file.key());
          opened.put(file.key(), entry);
        }
      });
    }
    return new PhaseCache(cache, run.config, keys, memory, memo, standIns, opened, stamps);
  }

  /**
   * The SHA-256 of a quiz file's bytes: as recorded when its status is unchanged, else of the bytes
   * read now under the loader's rules; {@code null} when the loader refuses the file (the load
   * reads it again and reports why).
   */
  private static byte[] digest(Path file, String display, FileStamps stamps) {
    return stamps.digest(file, display, f -> readQuizFile(f, display));
  }

  /** A quiz file as the cache opened it: its key, and its bytes' digest for the load's memo. */
  private record Keyed(String key, byte[] digest) {}

  /**
   * A quiz file's bytes under the loader's rules, or {@code null} when the loader refuses it (the
   * load reads it again and reports why). A stand-in made of these bytes is taken by the load as
   * is, without reading the file a second time.
   */
  private static byte[] readQuizFile(Path file, String display) {
    try {
      return QuizLoader.readQuizFile(file, display);
    } catch (DiagnosticException e) {
      return null;
    }
  }

  private static List<Path> quizFiles(SiteConfig config) {
    try (Stream<Path> files = Files.list(config.dataDir())) {
      return files.sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * Loads the run's phases with this cache's memo: a stand-in for every file whose entry the
   * cache holds, every other file parsed. What loading gave for the parsed files is kept for their
   * cache entries, without their phases, so that each phase can be released once written.
   */
  List<Phase> load(BuildRun run) {
    List<Phase> phases = run.load(memo, phase -> !isStandIn(phase));
    if (memo != null) {
      for (Phase phase : phases) {
        LoadMemo.Remembered loaded = memo.remembered(phase.sourcePath());
        if (loaded != null && loaded.phase() == phase && !isStandIn(phase)) {
          // Without the phase itself: the memo would otherwise keep every phase to the end of the build.
          parsed.put(phase.sourcePath(), new LoadMemo.Remembered(loaded.digest(), loaded.languages(), loaded.others(),
              null, loaded.ids()));
        }
      }
      memo.clear();
    }
    return phases;
  }

  /** Whether {@code phase} is a stand-in for a cached file (it has no questions: reuse it, never verify it). */
  boolean isStandIn(Phase phase) {
    return standIns.containsKey(phase);
  }

  /** The key of a loaded phase; {@code null} without a cache or when its file changed while loading. */
  String key(Phase phase) {
    if (cache == null) {
      return null;
    }
    String standIn = standIns.get(phase);
    if (standIn != null) {
      return standIn; // the stand-in was made from the file's bytes when the cache opened
    }
    byte[] bytes = readQuizFile(config.sourceFile(phase.sourcePath()), phase.sourcePath());
    String key = bytes == null ? null : cache.key(phase.sourcePath(), bytes);
    return key != null && key.equals(keysBefore.get(phase.sourcePath())) ? key : null;
  }

  /**
   * The entry under a key, or {@code null} on a miss; from the build's {@link BuildMemory} or as
   * read when the cache opened, then without its file contents ({@link #stored} reads them).
   */
  BuildCache.Entry get(String key) {
    BuildCache.Entry remembered = memory == null ? opened.get(key) : memory.entry(key);
    return remembered != null ? remembered : stored(key);
  }

  /** The entry under a key as stored, with its file contents, or {@code null} on a miss. */
  BuildCache.Entry stored(String key) {
    BuildCache.Entry entry = cache.get(key);
    if (entry != null && memory != null) {
      memory.remember(key, entry);
    }
    return entry;
  }

  /**
   * Stores the entry of a phase this build verified and rendered, with what loading it gave when
   * the load's memo remembers that very phase (so the next build need not parse its file).
   */
  void put(String key, Phase phase, BuildCache.Entry entry) {
    LoadMemo.Remembered loaded = parsed.remove(phase.sourcePath());
    BuildCache.Entry stored = loaded == null ? entry
        : new BuildCache.Entry(entry.paths(), entry.contents(), entry.facts(), entry.json(), entry.questionCount(),
            entry.verifiedCount(), entry.claimCount(), entry.partialCount(),
            CachedLoad.of(phase, loaded, translations(phase)));
    cache.put(key, stored);
    if (memory != null) {
      memory.remember(key, stored);
    }
  }

  /**
   * The part of the translation report of {@code phase}: as cached for a stand-in, as the build's
   * memory holds it for the same phase object, or computed once per build (the report and the
   * cache entry both ask).
   */
  BuildMemory.PhaseTranslations translations(Phase phase) {
    String key = standIns.get(phase);
    List<String> languages = config.languages();
    if (key != null) {
      CachedLoad loaded = opened.get(key).loaded();
      return new BuildMemory.PhaseTranslations(phase, languages, loaded.findings(), loaded.translationLines());
    }
    // One phase object per file in a build; the part is kept without it, so the phase can be released.
    return translations.computeIfAbsent(phase.sourcePath(), path -> {
      BuildMemory.PhaseTranslations part = Translations.partOf(phase, languages, memory);
      return new BuildMemory.PhaseTranslations(null, languages, part.findings(), part.lines());
    });
  }

  /**
   * Where a Maven build keeps its record of what {@code output} holds ({@link PublishedFiles}):
   * in the cache folder, one file per output folder.
   */
  Path recordFile(Path output) {
    return cache.recordFile(output);
  }

  /** Deletes the entry under {@code key} (it could not be read whole). */
  void forget(String key) {
    cache.delete(key);
    opened.remove(key);
  }

  /** Whether a cache is in use (the report's log line says what it saved). */
  boolean enabled() {
    return cache != null;
  }

  /** After a successful build: deletes every entry it did not use. */
  void retainOnly(Set<String> used) {
    if (cache != null) {
      stamps.save();
      cache.retainOnly(used);
    }
    if (memory != null) {
      memory.retainOnly(used);
    }
  }
}
