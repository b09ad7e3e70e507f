package io.github.gradproof.bench;

import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.nio.file.Path;

/** Profiling aid: one in-process build, {@code Once DATA OUT [RUNS]}. */
public final class Once {
  private Once() {}

  public static void main(String[] args) {
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      SiteConfig config = new SiteConfig(Path.of("."), Path.of(args[0]), Path.of("templates"), Path.of(args[1]),
          SiteConfig.DEFAULT_LANGUAGES);
      SiteGenerator.standard(config, BuildLog.silent(), BuildOptions.DEFAULT.withKeepResults(false)).generate();
      System.out.printf("run %d: %.3f s%n", i, (System.nanoTime() - t0) / 1e9);
    }
  }
}
