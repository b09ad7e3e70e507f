package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Refuses an output folder that a build must not replace, before anything is created, moved or
 * deleted. A build replaces its output folder as a whole, so the output must be a folder of its
 * own: not the file-system root, not the project folder or a folder above it, not a file or a
 * link, not the data or templates folder (nor inside them, nor around them), not the project's
 * {@code src} or {@code .git}, and, if it exists and is not empty, a site this generator wrote
 * ({@link SiteStamp}). Paths are compared after resolving links, so {@code a/../site} or a link to
 * the project folder is seen for what it is.
 */
public final class OutputGuard {

  private static final String ADVICE = "; a build replaces its output folder as a whole, so set"
      + " -Dgradproof.output (<output> in the POM) to a folder of its own, new or empty, such as site (the"
      + " default), and run again; nothing was changed";

  private OutputGuard() {}

  /**
   * Checks the configuration's output folder.
   *
   * @throws DiagnosticException one paragraph naming the folder, why it is refused, the parameter
   *     and what to do
   */
  public static void check(SiteConfig config) {
    String problem;
    try {
      problem = problem(config);
    } catch (IOException e) {
      problem = "the output folder '" + config.display(config.outputDir()) + "' cannot be inspected (" + e + ")";
    }
    if (problem != null) {
      throw new DiagnosticException(
          Diagnostic.at(new SourceLocation(config.display(config.outputDir()), 1, 1), problem + ADVICE));
    }
  }

  /** Why the output is refused, or {@code null} when it may be written. */
  private static String problem(SiteConfig config) throws IOException {
    String shown = "the output '" + config.display(config.outputDir()) + "'";
    String problem = kindProblem(config);
    if (problem == null) {
      problem = placeProblem(config);
    }
    return problem == null ? null : shown + problem;
  }

  /** What is wrong with the kind of thing the output is (the root, a link, a file), or {@code null}. */
  private static String kindProblem(SiteConfig config) throws IOException {
    Path output = config.outputDir();
    if (real(output).getParent() == null) {
      return " is the root of the file system";
    }
    if (Files.isSymbolicLink(output)) {
      return " is a symbolic link";
    }
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS)) {
      return " is a file, not a folder";
    }
    Path existing = output.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      return " is inside a file (" + config.display(existing) + "), not a folder";
    }
    return null;
  }

  /**
   * What is wrong with where the output is (the project folder or around it, a protected folder)
   * or with what it holds (files gradproof did not write), or {@code null}.
   */
  private static String placeProblem(SiteConfig config) throws IOException {
    Path output = config.outputDir();
    Path real = real(output);
    Path base = real(config.baseDir());
    if (base.startsWith(real)) {
      return base.equals(real) ? " is the project folder" : " contains the project folder";
    }
    String overlap = overlap(real, real(config.dataDir()), "the data folder " + config.display(config.dataDir()));
    if (overlap == null) {
      overlap = overlap(real, real(config.templatesDir()),
          "the templates folder " + config.display(config.templatesDir()));
    }
    for (String name : new String[] {"src", ".git"}) {
      if (overlap == null) {
        overlap = overlap(real, real(config.baseDir().resolve(name)), "the project's " + name + " folder");
      }
    }
    if (overlap != null) {
      return overlap;
    }
    if (Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS) && !SiteStamp.replaceable(output)) {
      return " is a folder that already holds files gradproof did not write (it has no " + SiteStamp.FILE
          + " stamp and is not shaped like a gradproof site)";
    }
    return null;
  }

  /** How the output overlaps a protected folder, or {@code null}. */
  private static String overlap(Path output, Path folder, String what) {
    if (output.equals(folder)) {
      return " is " + what;
    }
    if (output.startsWith(folder)) {
      return " is inside " + what;
    }
    if (folder.startsWith(output)) {
      return " contains " + what;
    }
    return null;
  }

  /**
   * The path with every link resolved: the real path of its longest existing prefix, followed by
   * the rest of its names.
   */
  static Path real(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    return existing.toRealPath().resolve(existing.relativize(absolute));
  }
}
