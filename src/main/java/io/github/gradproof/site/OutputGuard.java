package io.github.gradproof.site;

import io.github.gradproof.diag.Diagnostic;
import io.github.gradproof.diag.DiagnosticException;
import io.github.gradproof.diag.Plural;
import io.github.gradproof.diag.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses a folder a build must not write into, before anything is created, moved or deleted: the
 * output folder, which a build replaces as a whole, and the build cache's folder, from which a
 * build deletes the files it no longer needs. Either must be a folder of its own: not the
 * file-system root, not the project folder or a folder above it, not a file, not the data or
 * templates folder (nor inside them, nor around them), not the project's {@code src} or
 * {@code .git}, not each other (nor inside or around each other), and, if it exists and is not
 * empty, a folder of the generator's own: a site it wrote, holding only files a build writes
 * ({@link SiteStamp}), or a cache folder holding only cache files ({@link CacheFiles}). The output
 * may not be a link. Paths are compared after resolving links, so {@code a/../site} or a link to
 * the project folder is seen for what it is.
 */
public final class OutputGuard {

  /** How many entries a refusal names; it counts the others. */
  static final int SHOWN_ENTRIES = 3;

  /**
   * A folder a build writes into: which parameter sets it, why it must be the build's own, and
   * whether its entries are listed (not for an output updated in place from its record).
   */
  private record Role(String what, String parameter, String reason, String example, boolean listsEntries) {
    String advice() {
      return "; " + reason + ", so set -Dgradproof." + parameter + " (<" + parameter + "> in the POM) to a folder of"
          + " its own, new or empty, such as " + example + " (the default), and run again; nothing was changed";
    }

    /** Whether this is the output folder's role (listing its entries or not). */
    boolean isOutput() {
      return parameter.equals("output");
    }

    String foreignAdvice() {
      return "; " + reason + ", so move them out of it, or set -Dgradproof." + parameter + " (<" + parameter
          + "> in the POM) to another folder, and run again; nothing was changed";
    }
  }

  private static final Role OUTPUT = new Role("the output", "output", "a build replaces its output folder as a whole",
      "site", true);
  /** The output, for a build that updates it in place from its record: its entries are not listed. */
  private static final Role OUTPUT_PLACE = new Role(OUTPUT.what(), OUTPUT.parameter(), OUTPUT.reason(), OUTPUT.example(),
      false);
  private static final Role CACHE = new Role("the cache folder", "cacheDir",
      "the build cache deletes the files it no longer needs", "target/gradproof-cache", true);

  private OutputGuard() {}

  /**
   * Checks the configuration's output folder.
   *
   * @throws DiagnosticException one paragraph naming the folder, why it is refused, the parameter
   *     and what to do
   */
  public static void check(SiteConfig config) {
    check(config, (PublishedFiles.Saved) null);
  }

  /**
   * {@link #check(SiteConfig)}, and, with {@code saved}, the record of what the last build
   * published there ({@link PublishedFiles.Saved#unrecorded}): a file of a stamped site that the record
   * does not list was put there by hand, even if it is named like a page.
   *
   * @param saved the output's record as the build cache keeps it, or {@code null}
   */
  static void check(SiteConfig config, PublishedFiles.Saved saved) {
    check(config, config.outputDir(), OUTPUT, saved);
  }

  /**
   * The rules of {@link #check(SiteConfig)} about what and where the output is, without listing its
   * entries: for a build that updates the output in place from a record of what it wrote, which
   * touches only recorded files and so can lose none of anyone's. Listing every page of a large
   * site twice was most of a live-preview rebuild's added time.
   */
  static void checkPlace(SiteConfig config) {
    check(config, config.outputDir(), OUTPUT_PLACE, null);
  }

  /**
   * Checks a build cache folder for the configuration's build: besides the rules of every folder a
   * build writes into, it may not be the output folder or lie inside or around it, and it may hold
   * nothing but files the cache writes.
   *
   * @throws DiagnosticException one paragraph naming the folder, why it is refused, the parameter
   *     and what to do
   */
  public static void checkCache(SiteConfig config, Path cacheDir) {
    // The folder the cache will use: a relative path is the process's, as for the cache itself.
    check(config, cacheDir.toAbsolutePath().normalize(), CACHE, null);
  }

  private static void check(SiteConfig config, Path folder, Role role, PublishedFiles.Saved saved) {
    String problem;
    try {
      problem = problem(config, folder, role, saved);
    } catch (IOException e) {
      problem = role.what() + " '" + config.display(folder) + "' cannot be inspected (" + e + ")" + role.advice();
    }
    if (problem != null) {
      throw new DiagnosticException(Diagnostic.at(new SourceLocation(config.display(folder), 1, 1), problem));
    }
  }

  /** Why the folder is refused, with what to do, or {@code null} when it may be written. */
  private static String problem(SiteConfig config, Path folder, Role role, PublishedFiles.Saved saved)
      throws IOException {
    String shown = role.what() + " '" + config.display(folder) + "'";
    String problem = kindProblem(config, folder, role);
    if (problem == null) {
      problem = placeProblem(config, folder, role);
    }
    if (problem != null) {
      return shown + problem + role.advice();
    }
    List<String> foreign = foreignEntries(folder, role, saved);
    return foreign.isEmpty() ? null : shown + foreignProblem(foreign, role.isOutput() ? "gradproof" : "the build cache")
        + role.foreignAdvice();
  }

  /** What is wrong with the kind of thing the folder is (the root, a link, a file), or {@code null}. */
  private static String kindProblem(SiteConfig config, Path folder, Role role) throws IOException {
    if (real(folder).getParent() == null) {
      return " is the root of the file system";
    }
    // The output is swapped by renames, which would replace a link rather than the folder it leads to.
    if (role.isOutput() && Files.isSymbolicLink(folder)) {
      return " is a symbolic link";
    }
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(folder)) {
      return " is a file, not a folder";
    }
    Path existing = folder.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing != null && !Files.isDirectory(existing)) {
      return " is inside a file (" + config.display(existing) + "), not a folder";
    }
    return null;
  }

  /**
   * What is wrong with where the folder is (the project folder or around it, a protected folder),
   * or {@code null}.
   */
  private static String placeProblem(SiteConfig config, Path folder, Role role) throws IOException {
    Path real = real(folder);
    Path base = real(config.baseDir());
    if (base.startsWith(real)) {
      return base.equals(real) ? " is the project folder" : " contains the project folder";
    }
    String overlap = overlap(real, real(config.dataDir()), "the data folder " + config.display(config.dataDir()));
    if (overlap == null) {
      overlap = overlap(real, real(config.templatesDir()),
          "the templates folder " + config.display(config.templatesDir()));
    }
    if (overlap == null && role == CACHE) {
      overlap = overlap(real, real(config.outputDir()), "the output folder " + config.display(config.outputDir()));
    }
    for (String name : new String[] {"src", ".git"}) {
      if (overlap == null) {
        overlap = overlap(real, real(config.baseDir().resolve(name)), "the project's " + name + " folder");
      }
    }
    if (overlap == null && role.isOutput() && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
        && !SiteStamp.replaceable(folder)) {
      return " is a folder that already holds files gradproof did not write (it has no " + SiteStamp.FILE
          + " stamp and is not shaped like a gradproof site)";
    }
    return overlap;
  }

  /**
   * The entries of an existing folder that the build did not write: in a stamped site, those no
   * build writes ({@link SiteStamp#foreignEntries}); in a cache folder, those not named as cache
   * files ({@link CacheFiles#foreign}). A stamped site's files that match its shape are checked
   * against the output's record, when there is one.
   */
  private static List<String> foreignEntries(Path folder, Role role, PublishedFiles.Saved saved)
      throws IOException {
    if (role == CACHE) {
      return CacheFiles.foreign(folder);
    }
    if (!role.listsEntries()) {
      return List.of();
    }
    if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !SiteStamp.isStamped(folder)) {
      return List.of();
    }
    List<String> foreign = SiteStamp.foreignEntries(folder);
    return foreign.isEmpty() && saved != null ? saved.unrecorded() : foreign;
  }

  /** " holds 2 entries gradproof did not write: CNAME and .git" (the first few, and how many). */
  static String foreignProblem(List<String> entries, String writer) {
    List<String> shown = entries.subList(0, Math.min(SHOWN_ENTRIES, entries.size()));
    String list = shown.size() == 1 ? shown.get(0)
        : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.get(shown.size() - 1);
    if (entries.size() > shown.size()) {
      list = String.join(", ", shown) + " and " + Plural.count(entries.size() - shown.size(), "other");
    }
    return " holds " + Plural.count(entries.size(), "entry", "entries") + " " + writer + " did not write: " + list;
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
