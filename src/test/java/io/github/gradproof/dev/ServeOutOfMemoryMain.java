package io.github.gradproof.dev;

import io.github.gradproof.TestProject;
import io.github.gradproof.site.BuildLog;
import io.github.gradproof.site.SiteConfig;
import io.github.gradproof.verify.WorkLimits;
import java.nio.file.Path;

/**
 * A child process for {@link DevServerOutOfMemoryTest}: runs {@code site:serve}'s preview of the
 * project {@code args[0]} (quiz files in {@code data/quizzes}) with the limits raised far above its
 * small heap, logging to standard output (the first line names the address), until a blank line
 * on its input.
 */
public final class ServeOutOfMemoryMain {

  private ServeOutOfMemoryMain() {}

  public static void main(String[] args) {
    Path project = Path.of(args[0]);
    SiteConfig config = TestProject.config(project, "data/quizzes", "site")
        .withLimits(WorkLimits.parse("1e13", "64g"));
    BuildLog log = new BuildLog() {
      @Override
      public void info(String message) {
        System.out.println(message);
      }

      @Override
      public void warn(String message) {
        System.out.println(message);
      }
    };
    Preview.serveUntilStopped(Preview.server(config, project.resolve("target/gradproof-serve"), 0, log), System.in,
        log);
  }
}
