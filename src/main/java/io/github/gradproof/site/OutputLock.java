package io.github.gradproof.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One build at a time per output folder. A build holds an operating-system lock on the file
 * {@code .<output>.lock} beside the output (never inside it: the output is swapped as a whole)
 * from before it touches the folder's neighbourhood (leftover staging folders) until its swap is
 * done; a second build, in this process or another, waits for it, saying so once. A lock left by
 * a killed build is released by the operating system with the process, so the file never blocks
 * anyone.
 *
 * <p>The lock file stays after the build (it holds the last holder's process id, for the
 * message): deleting it would be racy, since a waiter may already have opened the file being
 * deleted, and checking afterwards that the name still means the same file needs a second
 * descriptor, whose closing would release the process's lock (POSIX record locks are per process
 * and file, not per descriptor).
 */
final class OutputLock implements AutoCloseable {

  /**
   * Locks held in this process, by lock file. The operating system's locks belong to the whole
   * process (a second channel in the same JVM would fail, not wait), so threads queue here first;
   * process-wide state by nature, like the file locks themselves.
   */
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;

  private OutputLock(ReentrantLock local, FileChannel channel) {
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
    boolean waited = false;
    if (!local.tryLock()) {
      announce(log, shown, file, "");
      waited = true;
      local.lock();
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE,
          LinkOption.NOFOLLOW_LINKS);
      if (channel.tryLock() == null) {
        if (!waited) {
          announce(log, shown, file, holder(channel));
        }
        channel.lock();
      }
      byte[] holder = ("gradproof build of " + shown + ", process " + ProcessHandle.current().pid() + "\n")
          .getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder), 0);
      return new OutputLock(local, channel);
    } catch (IOException e) {
      release(channel, local);
      throw new UncheckedIOException("cannot lock " + file + " for the build of " + shown, e);
    } catch (RuntimeException | Error e) {
      release(channel, local);
      throw e;
    }
  }

  /** What the lock file says about its holder, e.g. {@code , process 4242}; empty if unknown. */
  private static String holder(FileChannel channel) {
    try {
      ByteBuffer buffer = ByteBuffer.allocate(256);
      channel.read(buffer, 0);
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("process ([0-9]+)").matcher(text);
      return m.find() ? ", process " + m.group(1) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void announce(BuildLog log, String shown, Path file, String holder) {
    log.info("another gradproof build is writing " + shown + " (it holds " + file.getFileName() + holder
        + "); waiting for it to finish");
  }

  private static Path key(Path file) {
    try {
      return file.getParent().toRealPath().resolve(file.getFileName());
    } catch (IOException e) {
      return file;
    }
  }

  /** Releases the lock; the file stays for the next build. */
  @Override
  public void close() {
    try {
      closeQuietly(channel); // closing the channel releases the lock
    } finally {
      local.unlock();
    }
  }

  private static void release(FileChannel channel, ReentrantLock local) {
    closeQuietly(channel);
    local.unlock();
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // The descriptor is gone either way, and with it the lock.
      }
    }
  }
}
