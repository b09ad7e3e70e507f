package io.github.gradproof.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Publishes a site by staging and swapping, one build at a time per output ({@link OutputLock}),
 * never over a folder it must not replace ({@link OutputGuard}): every file is written into a fresh staging folder
 * beside the output folder, and only a complete, checked staging folder replaces the output. A
 * build that fails or is killed midway leaves the previous output untouched; leftover staging
 * folders (named {@code .<output>.staging-*} and {@code .<output>.old-*}) are never read as the
 * site and are removed by the next build.
 */
public final class Publisher implements AutoCloseable, FileSink {

  private final Path output;
  private final Path staging;
  private final OutputLock lock;
  /** Folders of the staging tree known to exist: one stat per folder, not per file. */
  private final java.util.Set<Path> directories = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** What this process published into the output before, or {@code null} when it keeps no record. */
  private final PublishedFiles record;
  /** Whether this build updates the output in place ({@code staging == output}). */
  private final boolean inPlace;
  /**
   * Whether this build stages only the files that change, and moves them into the output once the
   * build has succeeded ({@link #publish}); only with a {@link #recordFile} that describes the output.
   */
  private final boolean deferred;
  /** Where the record is saved between processes (a Maven build), or {@code null}. */
  private final Path recordFile;
  /** The files written into the staging folder (only kept when deferred). */
  private final java.util.Set<String> staged = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** The files of this build, with their tags (only kept with a record). */
  private final java.util.Map<String, String> written = new java.util.concurrent.ConcurrentHashMap<>();
  private boolean published;

  private Publisher(Path output, Path staging, OutputLock lock, PublishedFiles record, boolean inPlace,
      boolean deferred, Path recordFile) {
    this.output = output;
    this.staging = staging;
    this.lock = lock;
    this.record = record;
    this.inPlace = inPlace;
    this.deferred = deferred;
    this.recordFile = recordFile;
  }

  /**
   * Prepares a build of the configuration's output folder: refuses an output that must not be
   * replaced ({@link OutputGuard}), takes the output's lock (waiting while another build holds it,
   * see {@link OutputLock}) until {@link #close()}, checks the output again under the lock, removes
   * leftovers of killed builds and creates a fresh, stamped staging folder beside the output.
   */
  public static Publisher open(SiteConfig config, BuildLog log) {
    return open(config, log, null);
  }

  /**
   * {@link #open(SiteConfig, BuildLog)}, keeping {@code record} of what is published; when the
   * record describes the output (this process published it and nothing replaced it since), the
   * build updates the output in place instead: files are replaced one by one (each by a rename, so
   * a reader never sees half a file), files that already hold an unchanged phase are not written
   * ({@link #holds}), and publishing deletes the files no longer produced. For a private folder
   * only (the live preview): a build that fails midway leaves a mix of old and new files.
   *
   * @param record what this process published into the output, or {@code null}
   */
  static Publisher open(SiteConfig config, BuildLog log, PublishedFiles record) {
    return open(config, log, record, null);
  }

  /**
   * {@link #open(SiteConfig, BuildLog, PublishedFiles)}, or, with a {@code recordFile} and no
   * {@code record}, a build that keeps its record of the output in that file between processes:
   * when the saved record still describes the output exactly ({@link PublishedFiles#load}), only the
   * files that change are staged, and publishing moves them into the output, deletes the files no
   * longer produced and saves the record again. A build that fails leaves the output untouched;
   * one killed while publishing leaves each file whole, old or new, and no record, so the next
   * build replaces the whole output.
   *
   * @param recordFile where the record of the output is kept between builds, or {@code null}
   */
  static Publisher open(SiteConfig config, BuildLog log, PublishedFiles record, Path recordFile) {
    OutputGuard.checkPlace(config); // its entries are checked under the lock, unless it is updated in place
    Path output = config.outputDir();
    Path parent = output.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + parent, e);
    }
    OutputLock lock = OutputLock.acquire(output, config.display(output), log);
    try {
      // Another build may have changed the output while this one waited; the record, if any, also
      // tells the files of the last build from files put among them by hand.
      if (record != null && record.describes(output) && SiteStamp.isStamped(output)) {
        OutputGuard.checkPlace(config); // in place: only recorded files are touched, nobody's else
        return new Publisher(output, output, lock, record, true, false, null);
      }
      // The guard and the record both need the output's files: one read of the record, one walk.
      PublishedFiles.Saved saved = record == null && recordFile != null ? new PublishedFiles.Saved(recordFile, output)
          : null;
      OutputGuard.check(config, saved);
      if (restoreInterruptedSwap(parent, output) && saved != null) {
        saved = new PublishedFiles.Saved(recordFile, output);
      }
      removeLeftovers(parent, output.getFileName().toString());
      Path staging = createStaging(parent, stagingPrefix(output));
      SiteStamp.write(staging);
      if (saved != null) {
        PublishedFiles found = SiteStamp.isStamped(output) ? saved.record() : null;
        return new Publisher(output, staging, lock, found != null ? found : new PublishedFiles(), false,
            found != null, recordFile);
      }
      return new Publisher(output, staging, lock, record, false, false, null);
    } catch (IOException e) {
      lock.close();
      throw new UncheckedIOException("cannot create a staging folder beside " + output, e);
    } catch (RuntimeException | Error e) {
      lock.close();
      throw e;
    }
  }

  /**
   * A new, empty folder named {@code prefix} and a random suffix, created with the modes of any
   * new folder (the umask applies), unlike a temporary folder's private 700: it becomes the site.
   */
  private static Path createStaging(Path parent, String prefix) throws IOException {
    java.util.Random random = java.util.concurrent.ThreadLocalRandom.current();
    while (true) {
      Path candidate = parent.resolve(prefix + Long.toUnsignedString(random.nextLong(), 36));
      try {
        return Files.createDirectory(candidate);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // Another name, then.
      }
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
  @Override
  public void write(String relative, byte[] content) {
    write(relative, content, null);
  }

  /**
   * Writes a file of bytes at {@code relative} inside the staging folder (any thread), holding the
   * bytes of the phase with build-cache key {@code key} ({@code null}: of no phase).
   */
  void write(String relative, byte[] content, String key) {
    Path file = staging.resolve(relative);
    try {
      Path parent = file.getParent();
      if (!directories.contains(parent)) {
        Files.createDirectories(parent);
        directories.add(parent);
      }
      if (inPlace) {
        Path temporary = parent.resolve("." + file.getFileName() + ".writing");
        Files.write(temporary, content);
        move(temporary, file);
        record.put(relative, key);
      } else {
        Files.write(file, content);
        if (deferred) {
          staged.add(relative);
        }
      }
      if (record != null) {
        written.put(relative, key == null ? PublishedFiles.UNTAGGED : key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Takes a file written straight into the staging folder (not by {@link #write}) as part of
   * this build, e.g. {@code verification.json}, which is written as phases finish.
   */
  void adopt(String relative) {
    if (deferred) {
      staged.add(relative);
    }
    if (inPlace) {
      record.put(relative, PublishedFiles.UNTAGGED);
    }
    if (record != null) {
      written.put(relative, PublishedFiles.UNTAGGED);
    }
  }

  /**
   * Whether every file of {@code relatives} already holds the bytes of the phase with cache key
   * {@code key} (only when updating in place, now or deferred); if so they count as written by this build.
   */
  boolean holds(java.util.List<String> relatives, String key) {
    if (!inPlace && !deferred) {
      return false;
    }
    for (String relative : relatives) {
      if (!record.holds(relative, key)) {
        return false;
      }
    }
    for (String relative : relatives) {
      written.put(relative, key);
    }
    return true;
  }

  /**
   * Replaces the output folder with the staging folder: the old output is first moved aside,
   * then the staging folder moved in, then the old one deleted. Each move is a rename within one
   * folder, so the output is at every moment either the old site or the new one.
   *
   * @param workers the build's workers, which delete the old site's folders
   */
  void publish(Workers workers) {
    if (inPlace) {
      deleteUnwritten();
      published = true;
      return;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (!Files.isRegularFile(staging.resolve(SiteStamp.FILE), LinkOption.NOFOLLOW_LINKS)) {
      // The stamp was written first: without it, something removed the staging folder midway
      // (and writes recreated parts of it), so it cannot be the complete site.
      throw new IllegalStateException("the staging folder " + staging + " was removed during the build, so it is"
          + " not published; run the build again");
    }
    if (deferred) {
      publishChanges();
      return;
    }
    if (recordFile != null) {
      PublishedFiles.forget(recordFile);
    }
    try {
      Path old = null;
      if (Files.exists(output)) {
        old = Files.createTempDirectory(parent, oldPrefix(output));
        Files.delete(old);
        move(output, old);
      }
      move(staging, output);
      published = true;
      if (record != null) {
        record.replace(output, written);
      }
      if (old != null) {
        deleteTreeInParallel(old, workers);
      }
      if (recordFile != null) {
        record.save(recordFile, output, null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  /**
   * Publishing a deferred build: the record is deleted first (a build killed from here on leaves
   * none, so the next one replaces the whole output), then each staged file is moved into the
   * output by a rename, the files no longer produced are deleted with the folders they leave
   * empty, and the record is saved again.
   */
  private void publishChanges() {
    PublishedFiles.forget(recordFile);
    try {
      for (String relative : new java.util.TreeSet<>(staged)) {
        Path target = output.resolve(relative);
        Files.createDirectories(target.getParent());
        move(staging.resolve(relative), target);
      }
      for (String relative : java.util.List.copyOf(record.tags().keySet())) {
        if (!written.containsKey(relative)) {
          Path file = output.resolve(relative);
          Files.deleteIfExists(file);
          deleteEmptyFolders(file.getParent());
        }
      }
      record.replace(output, written);
      published = true;
      deleteTree(staging);
      record.save(recordFile, output, staged);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + output, e);
    }
  }

  /** Deletes {@code folder} and its parents inside the output while they are empty. */
  private void deleteEmptyFolders(Path folder) throws IOException {
    Path dir = folder;
    while (dir != null && !dir.equals(output) && dir.startsWith(output)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(dir);
      dir = dir.getParent();
    }
  }

  /** Updating in place: deletes the files published before that this build did not produce. */
  private void deleteUnwritten() {
    for (String relative : java.util.List.copyOf(record.tags().keySet())) {
      if (!written.containsKey(relative)) {
        try {
          Files.deleteIfExists(output.resolve(relative));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + output.resolve(relative), e);
        }
        record.remove(relative);
      }
    }
  }

  /** Removes the staging folder unless it was published (or is the output), and releases the output's lock. */
  @Override
  public void close() {
    try {
      if (!published && !inPlace) {
        deleteTree(staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove staging folder " + staging, e);
    } finally {
      lock.close();
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
   * it back, so nothing published is ever lost. Whether it moved one back.
   */
  private static boolean restoreInterruptedSwap(Path parent, Path output) throws IOException {
    if (Files.exists(output)) {
      return false;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, oldPrefix(output) + "*")) {
      for (Path entry : entries) {
        move(entry, output);
        return true;
      }
    }
    return false;
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
