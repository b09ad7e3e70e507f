package io.github.gradproof.site;

import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.verify.WorkLimits;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link OutOfMemoryBuildTest}: generates the site of the project
 * {@code args[0]} (quiz files in {@code data/}) under the limits {@code args[1]} (work) and
 * {@code args[2]} (memory), run with a heap too small for them; prints the diagnostics and exits
 * with status 1 when the build fails with located problems, as the Maven goal does.
 */
public final class OutOfMemoryBuildMain {

  private OutOfMemoryBuildMain() {}

  public static void main(String[] args) {
    SiteConfig config = new SiteConfig(Path.of(args[0]), Path.of("data"), Path.of("templates"), Path.of("site"),
        List.of("en", "es")).withLimits(WorkLimits.parse(args[1], args[2]));
    try {
      SiteGenerator.standard(config, BuildLog.silent()).generate();
      System.out.println("published");
    } catch (DiagnosticException e) {
      System.out.println(e.getMessage());
      System.exit(1);
    }
  }
}
