package io.github.gradproof.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a site by staging and swapping: every file is written into a fresh staging folder
 * beside the output folder, and only a complete, checked staging folder replaces the output. A
 * build that fails or is killed midway leaves the previous output untouched; leftover staging
 * folders (named {@code .<output>.staging-*} and {@code .<output>.old-*}) are never read as the
 * site and are removed by the next build.
 */
public final class Publisher implements AutoCloseable {

  private final Path output;
  private final Path staging;
  /** Folders of the staging tree known to exist: one stat per folder, not per file. */
  private final java.util.Set<Path> directories = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private boolean published;

  private Publisher(Path output, Path staging) {
    this.output = output;
    this.staging = staging;
  }

  /** Creates a fresh staging folder next to {@code output}, removing leftovers of killed builds. */
  public static Publisher open(Path output) {
    Path parent = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
      restoreInterruptedSwap(parent, output);
      removeLeftovers(parent, output.getFileName().toString());
      Path staging = Files.createTempDirectory(parent, stagingPrefix(output));
      return new Publisher(output, staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a staging folder beside " + output, e);
    }
  }

  /** The staging folder; write the site here. */
  public Path staging() {
    return staging;
  }

  /** Writes a UTF-8 text file at {@code relative} inside the staging folder. */
  public void write(String relative, String content) {
    Path file = staging.resolve(relative);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Writes a file of bytes at {@code relative} inside the staging folder (any thread). */
  public void write(String relative, byte[] content) {
    Path file = staging.resolve(relative);
    try {
      Path parent = file.getParent();
      if (!directories.contains(parent)) {
        Files.createDirectories(parent);
        directories.add(parent);
      }
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Copies a folder tree into {@code relative} inside the staging folder. */
  public void copyTree(Path source, String relative) {
    Path target = staging.resolve(relative);
    try {
      Files.walkFileTree(source, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
          Files.createDirectories(target.resolve(source.relativize(dir).toString()));
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source, e);
    }
  }

  /**
   * Replaces the output folder with the staging folder: the old output is first moved aside,
   * then the staging folder moved in, then the old one deleted. Each move is a rename within one
   * folder, so the output is at every moment either the old site or the new one.
   *
   * @param workers the build's workers, which delete the old site's folders
   */
  void publish(Workers workers) {
    Path parent = output.toAbsolutePath().getParent();
    try {
      Path old = null;
      if (Files.exists(output)) {
        old = Files.createTempDirectory(parent, oldPrefix(output));
        Files.delete(old);
        move(output, old);
      }
      move(staging, output);
      published = true;
      if (old != null) {
        deleteTreeInParallel(old, workers);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  /** Removes the staging folder unless it was published. */
  @Override
  public void close() {
    if (!published) {
      try {
        deleteTree(staging);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove staging folder " + staging, e);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  static String stagingPrefix(Path output) {
    return "." + output.getFileName() + ".staging-";
  }

  static String oldPrefix(Path output) {
    return "." + output.getFileName() + ".old-";
  }

  /**
   * A build killed between its two renames leaves no output but the old site moved aside: move
   * it back, so nothing published is ever lost.
   */
  private static void restoreInterruptedSwap(Path parent, Path output) throws IOException {
    if (Files.exists(output)) {
      return;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, oldPrefix(output) + "*")) {
      for (Path entry : entries) {
        move(entry, output);
        return;
      }
    }
  }

  private static void removeLeftovers(Path parent, String outputName) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, "." + outputName + ".{staging,old}-*")) {
      for (Path entry : entries) {
        deleteTree(entry);
      }
    }
  }

  /**
   * Deletes a site tree, its big folders ({@code en/}, {@code md/es/}, ...) at the same time:
   * removing files from one folder is serialised by the file system, from different folders it
   * is not, so an old site of thousands of pages goes about twice as fast on two cores.
   */
  static void deleteTreeInParallel(Path root, Workers workers) throws IOException {
    java.util.List<Path> folders = new java.util.ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(root)) {
      for (Path child : children) {
        if (!Files.isDirectory(child, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        java.util.List<Path> grandchildren = new java.util.ArrayList<>();
        boolean small = true;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(child)) {
          for (Path entry : entries) {
            if (grandchildren.size() >= 8 || !Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
              small = false;
              break;
            }
            grandchildren.add(entry);
          }
        }
        folders.addAll(small && !grandchildren.isEmpty() ? grandchildren : java.util.List.of(child));
      }
    }
    try {
      workers.forEach(folders.size(), i -> {
        try {
          deleteTree(folders.get(i));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    deleteTree(root);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
