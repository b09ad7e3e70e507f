package io.github.gradproof.maven;

import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.BuildOptions;
import io.github.gradproof.site.DevServer;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.site.SiteGenerator;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn site:serve}: builds the site into {@code target/gradproof-serve}, serves it on
 * {@code 127.0.0.1}, rebuilds on every change under the data and templates folders, and reloads
 * open pages. A bad file shows as an error page and the server keeps running. Stops on Ctrl-C
 * or a blank line.
 */
@Mojo(name = "serve", requiresProject = true)
public class ServeMojo extends AbstractGradproofMojo {

  /** Maven's build folder; the preview is built below it, never into {@code site/}. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true, required = true)
  private File buildDirectory;

  /** The loopback port to serve on. */
  @Parameter(property = PREFIX + "port", defaultValue = "8000")
  private int port;

  @Override
  public void execute() throws MojoExecutionException {
    SiteConfig config = config().withOutputDir(buildDirectory.toPath().resolve("gradproof-serve/site"));
    BuildLog log = MavenBuildLog.of(getLog());
    DevServer server;
    try {
      // The cache makes a rebuild re-verify and re-render only the phases whose file changed.
      java.nio.file.Path cache = buildDirectory.toPath().resolve("gradproof-serve/cache");
      server = new DevServer(config, port, log, c -> SiteGenerator.standard(c, log, BuildOptions.DEFAULT.withCache(cache)));
    } catch (RuntimeException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      server.close();
      stop.countDown();
    }, "gradproof-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    server.start();
    getLog().info("press Enter on an empty line (or Ctrl-C) to stop");
    waitForBlankLine(stop);
    server.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyStopping) {
      // The JVM is shutting down: the hook closes the server.
    }
    getLog().info("stopped");
  }

  /** Returns on a blank line; at end of input (no terminal) waits for Ctrl-C instead. */
  private static void waitForBlankLine(CountDownLatch stop) {
    try {
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
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
