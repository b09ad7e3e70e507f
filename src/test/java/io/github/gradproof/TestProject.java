package io.github.gradproof;

import io.github.gradproof.site.SiteConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Test helper: this repository as a gradproof project (its quiz files, under the built-in theme),
 * the configurations of projects that tests make in temporary folders, and whole-folder snapshots.
 * Tests that need known content read the {@linkplain CourseFixture course fixture}, never what
 * {@code data/} happens to hold.
 */
public final class TestProject {

  /** This repository: its {@code data/quizzes} are the real project's. */
  public static final Path ROOT = Path.of("").toAbsolutePath();

  private TestProject() {}

  /**
   * The configuration the Maven goals use when nothing is set: the default data, templates and
   * output folders and languages under {@code baseDir}.
   */
  public static SiteConfig defaults(Path baseDir) {
    return new SiteConfig(baseDir, Path.of(SiteConfig.DEFAULT_DATA), Path.of(SiteConfig.DEFAULT_TEMPLATES),
        Path.of(SiteConfig.DEFAULT_OUTPUT), SiteConfig.DEFAULT_LANGUAGES);
  }

  /**
   * A project in {@code baseDir} with its quiz files in {@code data} and its output in
   * {@code output} (both relative to it), the default templates folder (the built-in theme unless
   * the test adds files there), in English and Spanish.
   */
  public static SiteConfig config(Path baseDir, String data, String output) {
    return new SiteConfig(baseDir, Path.of(data), Path.of(SiteConfig.DEFAULT_TEMPLATES), Path.of(output),
        SiteConfig.DEFAULT_LANGUAGES);
  }

  /** Every file under {@code root}, by relative path, with its text: two equal snapshots are equal bytes. */
  public static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  /** Copies the folder tree {@code from} to {@code to}. */
  public static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /**
   * Deletes every symbolic link under {@code root} (never following one). Tests that link out of
   * their temporary folder call it when they end: JUnit would otherwise warn about each such
   * link as it cleans the folder up.
   */
  public static void deleteLinks(Path root) throws IOException {
    if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path link : walk.filter(Files::isSymbolicLink).toList()) {
        Files.delete(link);
      }
    }
  }

  /** Deletes the folder tree {@code root} (links are deleted, never followed). */
  public static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path entry : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(entry);
      }
    }
  }
}
