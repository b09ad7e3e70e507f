package io.github.gradproof.site;

import io.github.gradproof.quiz.LoadMemo;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What a build knew of each quiz file: its status (size, modification and change times, inode)
 * and the digest of the bytes it read, so that the next build can take the digest of a file whose
 * status has not changed without reading and hashing it again, as {@code git} does with its index.
 *
 * <p>A status is believed only under these rules, so that a changed file is never taken for an
 * unchanged one:
 *
 * <ul>
 *   <li>the file is a regular file, not a link (a link is always read under the loader's rules);
 *   <li>its size, modification time, change time and inode are all as recorded, to the
 *       nanosecond; the change time cannot be set back by tools such as {@code touch -r}, so an
 *       edit that restores the size and the modification time still shows;
 *   <li>the recorded change time was more than {@link #SETTLED} older than the moment the
 *       recording build began to read the files: an edit in the same clock tick as the one
 *       recorded (a "racily clean" file, in git's words) is then impossible, because any later
 *       edit happens after that moment and moves the change time past the recorded one.
 * </ul>
 *
 * Where the file system does not give these times and the inode (the "unix" attribute view), no
 * status is kept and every file is read.
 */
final class FileStamps {

  /** How much older than the start of the recording build a change time must be to be believed. */
  static final long SETTLED = TimeUnit.SECONDS.toNanos(2);

  private static final int MAGIC = 0x47505331; // "GPS1"
  private static final String ATTRIBUTES = "unix:size,lastModifiedTime,ctime,ino,isRegularFile";

  /**
   * A file's status and the digest of its bytes.
   *
   * @param believable whether the change time had settled when it was recorded (see the class)
   */
  record Stamp(long size, long modifiedNanos, long changedNanos, long inode, byte[] digest, boolean believable) {

    boolean sameStatus(Stamp other) {
      return size == other.size && modifiedNanos == other.modifiedNanos && changedNanos == other.changedNanos
          && inode == other.inode;
    }

    /** The same status, digest and believability (a record carries arrays, so no {@code equals}). */
    boolean sameRecord(Stamp other) {
      return sameStatus(other) && believable == other.believable && Arrays.equals(digest, other.digest);
    }
  }

  private final Path file;
  private final Map<String, Stamp> recorded;
  private final Map<String, Stamp> current = new ConcurrentHashMap<>();
  /** When this build began to look at the quiz files, in nanoseconds since the epoch. */
  private final long startNanos;

  private FileStamps(Path file, Map<String, Stamp> recorded, long startNanos) {
    this.file = file;
    this.recorded = recorded;
    this.startNanos = startNanos;
  }

  /** The stamps recorded in {@code file} (none when it is missing or unreadable), for a build starting now. */
  static FileStamps open(Path file) {
    return open(file, nanos(Instant.now()));
  }

  /** The stamps recorded in {@code file}, for a build that started {@code startNanos} after the epoch. */
  static FileStamps open(Path file, long startNanos) {
    return new FileStamps(file, read(file), startNanos);
  }

  /**
   * The status of a quiz file now, without a digest; {@code null} when it is not a regular file or
   * the file system does not tell.
   */
  static Stamp status(Path path) {
    try {
      Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
      if (!Boolean.TRUE.equals(a.get("isRegularFile")) || !(a.get("ino") instanceof Long inode)) {
        return null;
      }
      return new Stamp((Long) a.get("size"), nanos((FileTime) a.get("lastModifiedTime")),
          nanos((FileTime) a.get("ctime")), inode, null, false);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException
        | SecurityException e) {
      return null;
    }
  }

  /**
   * The digest recorded for {@code display} when its file's status {@code now} is unchanged and
   * believable; else {@code null}, and the file must be read. The digest is kept for the next build.
   */
  byte[] unchangedDigest(String display, Stamp now) {
    Stamp before = now == null ? null : recorded.get(display);
    if (before == null || !before.believable() || !before.sameStatus(now)) {
      return null;
    }
    current.put(display, before);
    return before.digest();
  }

  /**
   * The SHA-256 of {@code file}'s bytes: as recorded when its status is unchanged and believable,
   * else of the bytes {@code reader} gives now, recorded for the next build; {@code null} when the
   * reader gives none. The status is taken before reading, so an edit during the read shows later.
   */
  byte[] digest(Path file, String display, Function<Path, byte[]> reader) {
    Stamp status = status(file);
    byte[] digest = unchangedDigest(display, status);
    if (digest != null) {
      return digest;
    }
    byte[] bytes = reader.apply(file);
    if (bytes == null) {
      return null;
    }
    digest = LoadMemo.digest(bytes);
    read(display, status, digest);
    return digest;
  }

  /**
   * Records the digest of the bytes read from {@code display}, whose status was {@code before}
   * (taken before reading them); nothing when the status is unknown.
   */
  void read(String display, Stamp before, byte[] digest) {
    if (before != null) {
      boolean settled = before.changedNanos() < startNanos - SETTLED && before.modifiedNanos() < startNanos - SETTLED;
      current.put(display, new Stamp(before.size(), before.modifiedNanos(), before.changedNanos(), before.inode(),
          digest, settled));
    }
  }

  /**
   * After a successful build: keeps the stamps of this build's files (written atomically, only
   * when they changed); a failure to write only loses speed.
   */
  void save() {
    if (sameAs(recorded, current)) {
      return;
    }
    try {
      AtomicFiles.write(file, out -> {
        out.writeInt(MAGIC);
        Map<String, Stamp> sorted = new TreeMap<>(current);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Stamp> e : sorted.entrySet()) {
          Stamp s = e.getValue();
          out.writeUTF(e.getKey());
          out.writeLong(s.size());
          out.writeLong(s.modifiedNanos());
          out.writeLong(s.changedNanos());
          out.writeLong(s.inode());
          CacheCodec.bytes(out, s.digest());
          out.writeBoolean(s.believable());
        }
      });
    } catch (IOException e) {
      // The next build reads and hashes every file again.
    }
  }

  /** The file's name (the cache keeps it when it clears out old entries). */
  String fileName() {
    return file.getFileName().toString();
  }

  private static boolean sameAs(Map<String, Stamp> a, Map<String, Stamp> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    return a.entrySet().stream().allMatch(e -> e.getValue().sameRecord(b.get(e.getKey())));
  }

  private static Map<String, Stamp> read(Path file) {
    Map<String, Stamp> stamps = new ConcurrentHashMap<>();
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      if (in.readInt() != MAGIC) {
        return Map.of();
      }
      int count = CacheCodec.length(in);
      for (int i = 0; i < count; i++) {
        String display = in.readUTF();
        stamps.put(display, new Stamp(in.readLong(), in.readLong(), in.readLong(), in.readLong(),
            CacheCodec.bytes(in), in.readBoolean()));
      }
      return stamps;
    } catch (IOException | RuntimeException e) {
      return Map.of(); // missing or unreadable: every file is read
    }
  }

  private static long nanos(FileTime time) {
    return nanos(time.toInstant());
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
