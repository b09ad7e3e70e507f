package io.github.gradproof.site;

import java.nio.file.Path;

/**
 * How a build runs, never what it writes: the same inputs give the same bytes under any options.
 * Immutable; derive from {@link #DEFAULT}, e.g. {@code BuildOptions.DEFAULT.withThreads(1).withCache(dir)}.
 *
 * @param threads worker threads for every parallel step of the build (loading, verifying,
 *     rendering, the translation report, deleting the old site); 0 means one per available
 *     processor, 1 runs the whole build on the calling thread
 * @param cacheDir the build cache folder (see {@link BuildCache}), or {@code null} for none
 * @param keepResults whether the {@link BuildReport} keeps every phase's full verification result;
 *     a large site built only for its pages drops them, so each is released once its pages are written
 * @param generatorBuild what identifies the generator's code in cache keys; {@code null} (the
 *     default) hashes the jar or class folder it runs from
 * @param memory what a long-running process keeps between builds of the same site ({@link
 *     BuildMemory}), or {@code null} (the default) for a build that starts from nothing but the cache
 */
public record BuildOptions(int threads, Path cacheDir, boolean keepResults, String generatorBuild,
    BuildMemory memory) {

  /** One thread per processor, no cache, results kept. */
  public static final BuildOptions DEFAULT = new BuildOptions(0, null, true, null, null);

  public BuildOptions {
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (all processors) or more, got " + threads);
    }
  }

  /** These options with {@code n} worker threads (0: one per processor). */
  public BuildOptions withThreads(int n) {
    return new BuildOptions(n, cacheDir, keepResults, generatorBuild, memory);
  }

  /** These options with the build cache in {@code dir} ({@code null}: no cache). */
  public BuildOptions withCache(Path dir) {
    return new BuildOptions(threads, dir, keepResults, generatorBuild, memory);
  }

  /** These options keeping (or dropping) the full results in the report. */
  public BuildOptions withKeepResults(boolean keep) {
    return new BuildOptions(threads, cacheDir, keep, generatorBuild, memory);
  }

  /** These options with another generator build in the cache keys. */
  public BuildOptions withGeneratorBuild(String build) {
    return new BuildOptions(threads, cacheDir, keepResults, build, memory);
  }

  /** These options with {@code memory} kept between builds ({@code null}: none). */
  public BuildOptions withMemory(BuildMemory memory) {
    return new BuildOptions(threads, cacheDir, keepResults, generatorBuild, memory);
  }

  /** The number of worker threads this build uses: {@link #threads()}, or the processors when 0. */
  int workerCount() {
    return threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
