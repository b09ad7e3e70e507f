package io.github.gradproof.dev;

import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildMemory;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.Pipeline;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code mvn site:serve} runs: a {@link DevServer} that builds the project into a private
 * work folder (never into its own output folder) with a build cache there, so a rebuild
 * re-verifies and re-renders only the phases whose file changed, and (with a {@link BuildMemory})
 * neither parses the unchanged files again nor rewrites their pages; served until a blank line on
 * the console or Ctrl-C.
 */
public final class Preview {

  private Preview() {}

  /**
   * A server for the project of {@code config}, building into {@code workDir/site} with its cache
   * in {@code workDir/cache}.
   *
   * @param port the loopback port, or 0 for any free one
   */
  public static DevServer server(SiteConfig config, Path workDir, int port, BuildLog log) {
    Path cache = workDir.resolve("cache");
    BuildMemory memory = new BuildMemory();
    Pipeline pipeline = Pipeline.standard(memory.loaded(), config.limits());
    return new DevServer(config.withOutputDir(workDir.resolve("site")), port, log,
        c -> new SiteGenerator(c, log, pipeline, BuildOptions.DEFAULT.withCache(cache).withMemory(memory)));
  }

  /**
   * Starts {@code server} and returns once a blank line is read from {@code console}; at end of
   * input (no terminal) it waits for Ctrl-C instead. The server is closed either way.
   */
  public static void serveUntilStopped(DevServer server, InputStream console, BuildLog log) {
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stop.countDown();
    }, "gradproof-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      server.start();
      log.info("press Enter on an empty line (or Ctrl-C) to stop");
      waitForBlankLine(console, stop);
    } finally {
      server.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyStopping) {
        // The JVM is shutting down: the hook closes the server.
      }
    }
    log.info("stopped");
  }

  /** Returns on a blank line; at end of input waits for the shutdown hook instead. */
  private static void waitForBlankLine(InputStream console, CountDownLatch stop) {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(console, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          return;
        }
      }
      stop.await();
    } catch (IOException e) {
      awaitQuietly(stop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch stop) {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
