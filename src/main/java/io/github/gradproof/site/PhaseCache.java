package io.github.gradproof.site;

import io.github.gradproof.quiz.Phase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The build cache as one build sees it, or no cache at all (every key {@code null}). Opened
 * before the phases are loaded: a phase is cached only when its file has the same key before and
 * after loading, so an edit racing the build can never store old output under the new file's key.
 */
final class PhaseCache {

  private final BuildCache cache;
  private final SiteConfig config;
  private final Map<String, String> keysBefore;
  private final BuildMemory memory;

  private PhaseCache(BuildCache cache, SiteConfig config, Map<String, String> keysBefore, BuildMemory memory) {
    this.cache = cache;
    this.config = config;
    this.keysBefore = keysBefore;
    this.memory = memory;
  }

  /** The cache of a run's options, keyed by its pipeline; the quiz files are keyed now. */
  static PhaseCache open(BuildRun run) {
    BuildOptions options = run.options();
    if (options.cacheDir() == null) {
      return new PhaseCache(null, run.config, Map.of(), null);
    }
    String generator = options.generatorBuild() != null ? options.generatorBuild() : BuildCache.generatorBuild();
    BuildCache cache = BuildCache.open(options.cacheDir(), run.config, run.pipeline().id(), generator);
    return new PhaseCache(cache, run.config, keysOfFiles(cache, run.config), options.memory());
  }

  /** The cache keys of the files in the data folder, by shown path. */
  private static Map<String, String> keysOfFiles(BuildCache cache, SiteConfig config) {
    Map<String, String> keys = new HashMap<>();
    try (Stream<Path> files = Files.list(config.dataDir())) {
      for (Path file : files.toList()) {
        String display = config.display(file);
        String key = cache.key(file, display);
        if (key != null) {
          keys.put(display, key);
        }
      }
    } catch (IOException e) {
      return Map.of();
    }
    return keys;
  }

  /** The key of a loaded phase; {@code null} without a cache or when its file changed while loading. */
  String key(Phase phase) {
    if (cache == null) {
      return null;
    }
    String key = cache.key(config.baseDir().resolve(phase.sourcePath()), phase.sourcePath());
    return key != null && key.equals(keysBefore.get(phase.sourcePath())) ? key : null;
  }

  /**
   * The entry under a key, or {@code null} on a miss; from the build's {@link BuildMemory} when it
   * has one, then without its file contents ({@link #stored} reads them).
   */
  BuildCache.Entry get(String key) {
    BuildCache.Entry remembered = memory == null ? null : memory.entry(key);
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

  void put(String key, BuildCache.Entry entry) {
    cache.put(key, entry);
    if (memory != null) {
      memory.remember(key, entry);
    }
  }

  /** Whether a cache is in use (the report's log line says what it saved). */
  boolean enabled() {
    return cache != null;
  }

  /** After a successful build: deletes every entry it did not use. */
  void retainOnly(Set<String> used) {
    if (cache != null) {
      cache.retainOnly(used);
    }
    if (memory != null) {
      memory.retainOnly(used);
    }
  }
}
