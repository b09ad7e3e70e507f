package io.github.gradproof.site;

import io.github.gradproof.quiz.LoadMemo;
import io.github.gradproof.quiz.Phase;
import io.github.gradproof.quiz.TranslationReport;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a long-running process (the live preview) keeps between builds of one site, so that a
 * rebuild after one edit costs about one phase: the loaded phases of unchanged quiz files
 * ({@link LoadMemo}) and their part of the translation report, each cached phase's link facts, {@code verification.json} entry and counts
 * (the {@linkplain BuildOptions#cacheDir() build cache}'s entries without their file contents),
 * and which files the output folder holds ({@link PublishedFiles}), so that an unchanged phase is
 * neither read from the cache nor written again. None of it changes what a build writes: the
 * output folder ends with the same bytes as after a build without memory.
 *
 * <p>Use one memory per output folder and configuration, with a build cache (without one, only
 * loading is remembered).
 */
public final class BuildMemory {

  private final LoadMemo loaded = new LoadMemo();
  private final Map<String, BuildCache.Entry> entries = new ConcurrentHashMap<>();
  private final PublishedFiles published = new PublishedFiles();
  private final Map<String, PhaseTranslations> translations = new ConcurrentHashMap<>();

  /** One phase's part of the translation report, for that very phase object and languages. */
  record PhaseTranslations(Phase phase, List<String> languages, List<TranslationReport.Finding> findings,
      String lines) {}

  /** The translation report's part of {@code phase} (this object) for {@code languages}, or {@code null}. */
  PhaseTranslations translations(Phase phase, List<String> languages) {
    PhaseTranslations part = translations.get(phase.sourcePath());
    return part != null && part.phase() == phase && part.languages().equals(languages) ? part : null;
  }

  void remember(PhaseTranslations part) {
    translations.put(part.phase().sourcePath(), part);
  }

  /** The loaded phases, for {@link Pipeline#standard(LoadMemo)}. */
  public LoadMemo loaded() {
    return loaded;
  }

  PublishedFiles published() {
    return published;
  }

  /** The cache entry under {@code key} without its file contents, or {@code null}. */
  BuildCache.Entry entry(String key) {
    return entries.get(key);
  }

  /** Remembers an entry, dropping its file contents (they are on disk, in the cache and the output). */
  void remember(String key, BuildCache.Entry entry) {
    entries.put(key, entry.withoutContents());
  }

  /** Forgets the entries of every other key. */
  void retainOnly(Set<String> keys) {
    entries.keySet().retainAll(keys);
  }
}
