package io.github.gradproof.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees and runs an action after changes settle (editors often write a file in
 * several steps, so events are gathered for a short quiet period before one rebuild).
 *
 * <p>A watched root that vanishes (a data folder deleted, a templates folder renamed away) is
 * noticed, the action runs (so the preview shows the error), and the root is watched again as
 * soon as it is back, which runs the action once more. The loop outlives any failure of the
 * action.
 */
final class FileWatcher implements AutoCloseable {

  private static final long QUIET_MILLIS = 40;
  /** How often roots that vanished are looked for again. */
  private static final long RESCAN_MILLIS = 250;

  private final WatchService service;
  private final Thread thread;

  private FileWatcher(WatchService service, Thread thread) {
    this.service = service;
    this.thread = thread;
  }

  /** Starts watching every folder below the given roots (those that exist; the others once they do). */
  static FileWatcher start(List<Path> roots, Runnable onChange) {
    try {
      WatchService service = FileSystems.getDefault().newWatchService();
      Map<Path, WatchKey> rootKeys = new HashMap<>();
      for (Path root : roots) {
        rootKeys.put(root, registerTree(service, root));
      }
      Thread thread = new Thread(() -> loop(service, rootKeys, onChange), "gradproof-watch");
      thread.setDaemon(true);
      thread.start();
      return new FileWatcher(service, thread);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + roots, e);
    }
  }

  /** Registers every folder of the tree; returns the root's key, or {@code null} if it is not a folder. */
  private static WatchKey registerTree(WatchService service, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return null;
    }
    WatchKey rootKey = null;
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
        if (dir.equals(root)) {
          rootKey = key;
        }
      }
    }
    return rootKey;
  }

  private static void loop(WatchService service, Map<Path, WatchKey> rootKeys, Runnable onChange) {
    try {
      while (true) {
        WatchKey key = service.poll(RESCAN_MILLIS, TimeUnit.MILLISECONDS);
        boolean changed = false;
        if (key != null) {
          drain(key, service);
          WatchKey more;
          while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
            drain(more, service);
          }
          changed = true;
        }
        changed |= resync(service, rootKeys);
        if (changed) {
          runSurviving(onChange);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Notices roots that vanished (their key is no longer valid) and watches roots that are back;
   * returns whether either happened.
   */
  private static boolean resync(WatchService service, Map<Path, WatchKey> rootKeys) {
    boolean changed = false;
    for (Map.Entry<Path, WatchKey> root : rootKeys.entrySet()) {
      WatchKey key = root.getValue();
      if (key != null && key.isValid() && Files.isDirectory(root.getKey())) {
        continue;
      }
      if (key != null) {
        key.cancel();
        root.setValue(null);
        changed = true; // it vanished: rebuild, so the preview shows why
      }
      try {
        WatchKey back = registerTree(service, root.getKey());
        if (back != null) {
          root.setValue(back);
          changed = true;
        }
      } catch (IOException e) {
        // Gone again while being registered: the next scan tries again.
      }
    }
    return changed;
  }

  /** Runs the action; nothing it throws, not even an Error, stops the watching. */
  private static void runSurviving(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException | Error e) {
      // The action reports its own failures (the preview's rebuild shows them as a page); the
      // watcher's job is only to keep watching.
    }
  }

  private static void drain(WatchKey key, WatchService service) {
    Path dir = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path child) {
        Path created = dir.resolve(child);
        if (Files.isDirectory(created)) {
          try {
            registerTree(service, created);
          } catch (IOException ignored) {
            // A folder removed right after creation: nothing to watch.
          }
        }
      }
    }
    key.reset();
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    thread.interrupt();
  }
}
