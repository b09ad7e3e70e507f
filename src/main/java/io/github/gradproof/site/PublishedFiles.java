package io.github.gradproof.site;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The files this process published into one output folder, each with the build-cache key of the
 * phase whose bytes it holds ({@link #UNTAGGED} for the others: index pages, assets). While it
 * describes the output, a build can update the folder in place ({@link Publisher}): skip the files
 * that already hold an unchanged phase, write the others, delete the ones no longer produced.
 * Every write in place is recorded as it happens, so the record stays true even when a build fails
 * midway. Thread-safe.
 *
 * <p>A Maven build is a new process each time, so it keeps the record in the build cache's folder
 * ({@link #save}, {@link #load}) with each file's size and modification time; the record is only
 * believed when the output holds exactly those files, unchanged since ({@link #load} walks it).
 */
final class PublishedFiles {

  /** The tag of a file that no phase key describes; it is always written again. */
  static final String UNTAGGED = "";

  private final Map<String, String> tags = new ConcurrentHashMap<>();
  /** Size and modification time of each file, as {@link #load} found them; {@code null} when not loaded. */
  private Map<String, Long[]> stats;
  private volatile Path output;

  /** Whether this record describes {@code output}, which still exists as a folder. */
  boolean describes(Path output) {
    Path known = this.output;
    return known != null && known.equals(output) && Files.isDirectory(output, LinkOption.NOFOLLOW_LINKS);
  }

  /** Whether the file at {@code relative} holds the bytes of the phase with cache key {@code key}. */
  boolean holds(String relative, String key) {
    return key != null && key.equals(tags.get(relative));
  }

  /** Records that {@code relative} now holds the bytes tagged {@code tag}. */
  void put(String relative, String tag) {
    tags.put(relative, tag == null ? UNTAGGED : tag);
  }

  /** Forgets a file (deleted). */
  void remove(String relative) {
    tags.remove(relative);
  }

  /** The recorded files and their tags (a live view). */
  Map<String, String> tags() {
    return tags;
  }

  private static final int MAGIC = 0x47505047; // "GPPG": output, the stamp's time, then the files

  /**
   * The record saved in {@code file} for {@code output}, or {@code null} when there is none, it is
   * unreadable, it is of another output folder, or the output does not hold exactly the recorded
   * files with their recorded sizes and modification times (anything changed it since, so it must
   * be replaced as a whole). The stamp is not among the files; its modification time must be as recorded.
   */
  static PublishedFiles load(Path file, Path output) {
    return new Saved(file, output).record();
  }

  /**
   * The files of {@code output} (but the stamp) that the record saved in {@code file} does not
   * list, sorted. The record is of the last build that published the output when the site's stamp
   * has the modification time it had then: a build that replaces the site writes a new stamp, one
   * that updates it keeps the stamp and saves its record. So a file the record does not list was
   * put there by hand. Empty when there is no such record (none, unreadable, of another output,
   * or of a site replaced since, e.g. by a build without the cache).
   */
  static List<String> unrecorded(Path file, Path output) {
    return new Saved(file, output).unrecorded();
  }

  /**
   * The record saved for an output and what the output holds now, read and walked at most once for
   * both questions a Maven build asks under the output's lock: which files the record does not list
   * ({@link #unrecorded()}, the guard's) and whether it still describes the output ({@link #record()}).
   * Nothing is read until one is asked. Walking a large site is most of what opening its output costs.
   */
  static final class Saved {
    private final Path file;
    private final Path output;
    private PublishedFiles record;
    private Map<String, Long[]> recorded;
    private Map<String, Long[]> actual;

    /** The record saved in {@code file} for {@code output}, not read yet. */
    Saved(Path file, Path output) {
      this.file = file;
      this.output = output;
    }

    private void read() {
      if (recorded == null) {
        recorded = new HashMap<>();
        record = PublishedFiles.read(file, output, recorded);
        actual = record == null ? null : statsOf(output);
      }
    }

    /** As {@link PublishedFiles#unrecorded(Path, Path)}. */
    List<String> unrecorded() {
      read();
      if (actual == null) {
        return List.of();
      }
      return actual.keySet().stream().filter(relative -> !recorded.containsKey(relative)).sorted().toList();
    }

    /** As {@link PublishedFiles#load(Path, Path)}; each call gives a record of its own. */
    PublishedFiles record() {
      read();
      if (actual == null || actual.size() != recorded.size() || !unchanged(recorded, actual)) {
        return null;
      }
      PublishedFiles loaded = new PublishedFiles();
      loaded.tags.putAll(record.tags);
      loaded.output = output;
      loaded.stats = actual;
      return loaded;
    }
  }

  /** The modification time of the output's stamp, in microseconds, or -1 when it has none. */
  private static long stampTime(Path output) {
    try {
      return Files.readAttributes(output.resolve(SiteStamp.FILE), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
          .lastModifiedTime().to(TimeUnit.MICROSECONDS);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The record saved in {@code file} for {@code output}, its files' stats put into {@code stats}; or {@code null}. */
  private static PublishedFiles read(Path file, Path output, Map<String, Long[]> stats) {
    PublishedFiles record = new PublishedFiles();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(output.toAbsolutePath().normalize().toString())
          || in.readLong() != stampTime(output)) {
        return null;
      }
      int count = CacheCodec.length(in);
      for (int i = 0; i < count; i++) {
        String relative = in.readUTF();
        record.tags.put(relative, in.readUTF());
        stats.put(relative, new Long[] {in.readLong(), in.readLong()});
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return record;
  }

  /** Whether every file of {@code recorded} is in {@code actual} with the same size and modification time. */
  private static boolean unchanged(Map<String, Long[]> recorded, Map<String, Long[]> actual) {
    for (Map.Entry<String, Long[]> known : recorded.entrySet()) {
      Long[] now = actual.get(known.getKey());
      if (now == null || !now[0].equals(known.getValue()[0]) || !now[1].equals(known.getValue()[1])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Saves this record of {@code output} in {@code file} (atomically), with the size and
   * modification time of every file the output now holds; a failure only loses the record.
   *
   * @param changed the files this build wrote into the output, when the record was {@linkplain
   *     #load loaded} for it (the others are as they were found: only these are looked at again);
   *     {@code null} to look at every file
   */
  void save(Path file, Path output, java.util.Set<String> changed) {
    Map<String, Long[]> actual = changed == null || stats == null ? statsOf(output) : restat(output, changed);
    if (actual == null || !actual.keySet().equals(tags.keySet())) {
      forget(file); // the output holds other files than this build wrote: no record to trust
      return;
    }
    try {
      AtomicFiles.write(file, out -> {
        out.writeInt(MAGIC);
        out.writeUTF(output.toAbsolutePath().normalize().toString());
        out.writeLong(stampTime(output));
        out.writeInt(tags.size());
        for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
          out.writeUTF(tag.getKey());
          out.writeUTF(tag.getValue());
          out.writeLong(actual.get(tag.getKey())[0]);
          out.writeLong(actual.get(tag.getKey())[1]);
        }
      });
    } catch (IOException | RuntimeException e) {
      forget(file);
    }
  }

  /** Deletes a saved record (before the output changes: a build killed midway leaves none). */
  static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file + "; delete it by hand, or build with"
          + " -Dgradproof.cache=false", e);
    }
  }

  /** The stats found by {@link #load}, with the files of {@code changed} looked at again and deleted files left out. */
  private Map<String, Long[]> restat(Path output, java.util.Set<String> changed) {
    Map<String, Long[]> actual = new HashMap<>(stats);
    actual.keySet().retainAll(tags.keySet());
    try {
      for (String relative : changed) {
        BasicFileAttributes attrs = Files.readAttributes(output.resolve(relative), BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
        if (!attrs.isRegularFile()) {
          return null;
        }
        actual.put(relative, new Long[] {attrs.size(), attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS)});
      }
    } catch (IOException e) {
      return null;
    }
    return actual;
  }

  /**
   * Size and modification time of every file under {@code output} but the stamp, by relative
   * path; {@code null} when the output holds anything but folders and regular files, or cannot be read.
   */
  private static Map<String, Long[]> statsOf(Path output) {
    Map<String, Long[]> stats = new HashMap<>();
    try {
      Files.walkFileTree(output, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          if (!attrs.isRegularFile()) {
            throw new IOException("not a regular file: " + file);
          }
          String relative = output.relativize(file).toString().replace('\\', '/');
          if (!relative.equals(SiteStamp.FILE)) {
            stats.put(relative, new Long[] {attrs.size(), attrs.lastModifiedTime().to(TimeUnit.MICROSECONDS)});
          }
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return stats;
  }

  /** After a staged build was published: {@code output} now holds exactly {@code written}. */
  void replace(Path output, Map<String, String> written) {
    this.output = null;
    tags.clear();
    tags.putAll(written);
    this.output = output;
  }
}
