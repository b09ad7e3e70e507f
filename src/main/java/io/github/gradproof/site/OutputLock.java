package io.github.gradproof.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build at a time per output folder. A build holds an operating-system lock on the file
 * {@code .<output>.lock} beside the output (never inside it: the output is swapped as a whole)
 * from before it touches the folder's neighbourhood (leftover staging folders) until its swap is
 * done; a second build, in this process or another, waits for it, saying so once. The lock file
 * exists only while a build holds it, and a lock left by a killed build is released by the
 * operating system, so a stale file never blocks anyone.
 *
 * <p>Deleting a lock file is racy unless the new holder checks that the name it locked is still
 * the file it opened: after locking, the holder writes a unique token through its channel and
 * reads it back through the path; a waiter that locked a file the previous holder had already
 * deleted sees a different (or no) file, and starts again.
 */
final class OutputLock implements AutoCloseable {

  /**
   * Locks held in this process, by lock file. The operating system's locks belong to the whole
   * process (a second channel in the same JVM would fail, not wait), so threads queue here first;
   * process-wide state by nature, like the file locks themselves.
   */
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock local;
  private final FileChannel channel;

  private OutputLock(Path file, ReentrantLock local, FileChannel channel) {
    this.file = file;
    this.local = local;
    this.channel = channel;
  }

  /** The lock file of an output folder: {@code .<name>.lock} beside it. */
  static Path lockFile(Path output) {
    Path absolute = output.toAbsolutePath().normalize();
    return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
  }

  /**
   * Takes the lock of {@code output} (whose parent folder must exist), waiting while another
   * build holds it.
   *
   * @param shown how messages name the output, e.g. {@code site}
   */
  static OutputLock acquire(Path output, String shown, BuildLog log) {
    Path file = lockFile(output);
    ReentrantLock local = IN_PROCESS.computeIfAbsent(key(file), k -> new ReentrantLock());
    boolean[] announced = {false};
    if (!local.tryLock()) {
      announce(log, shown, file, announced);
      local.lock();
    }
    try {
      return lockFile(file, local, shown, log, announced);
    } catch (IOException e) {
      local.unlock();
      throw new UncheckedIOException("cannot lock " + file + " for the build of " + shown, e);
    } catch (RuntimeException | Error e) {
      local.unlock();
      throw e;
    }
  }

  private static OutputLock lockFile(Path file, ReentrantLock local, String shown, BuildLog log, boolean[] announced)
      throws IOException {
    byte[] token = ("gradproof build of " + shown + ", process " + ProcessHandle.current().pid() + ", "
        + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
    while (true) {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          announce(log, shown, file, announced);
          lock = channel.lock();
        }
        if (owns(channel, file, token)) {
          return new OutputLock(file, local, channel);
        }
        lock.release();
        channel.close();
      } catch (IOException | RuntimeException | Error e) {
        channel.close();
        throw e;
      }
    }
  }

  /** Whether {@code file} still names the file {@code channel} locked. */
  private static boolean owns(FileChannel channel, Path file, byte[] token) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(token), 0);
    channel.force(false);
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      return Arrays.equals(in.readNBytes(token.length + 1), token);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  private static void announce(BuildLog log, String shown, Path file, boolean[] announced) {
    if (!announced[0]) {
      announced[0] = true;
      log.info("another gradproof build is writing " + shown + " (it holds " + file.getFileName()
          + "); waiting for it to finish");
    }
  }

  private static Path key(Path file) {
    try {
      return file.getParent().toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file;
    }
  }

  /** Deletes the lock file (still holding the lock, so no one else has it) and releases it. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A lock file left behind is harmless: the next build takes it over.
    } finally {
      try {
        channel.close(); // releases the lock
      } catch (IOException e) {
        // The descriptor is gone either way, and with it the lock.
      } finally {
        local.unlock();
      }
    }
  }
}
