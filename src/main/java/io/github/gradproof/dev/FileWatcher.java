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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches folder trees and runs an action after changes settle (editors often write a file in
 * several steps, so events are gathered for a short quiet period before one rebuild).
 */
final class FileWatcher implements AutoCloseable {

  private static final long QUIET_MILLIS = 150;

  private final WatchService service;
  private final Thread thread;

  private FileWatcher(WatchService service, Thread thread) {
    this.service = service;
    this.thread = thread;
  }

  /** Starts watching every folder below the given roots (those that exist). */
  static FileWatcher start(List<Path> roots, Runnable onChange) {
    try {
      WatchService service = FileSystems.getDefault().newWatchService();
      for (Path root : roots) {
        registerTree(service, root);
      }
      Thread thread = new Thread(() -> loop(service, onChange), "gradproof-watch");
      thread.setDaemon(true);
      thread.start();
      return new FileWatcher(service, thread);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch " + roots, e);
    }
  }

  private static void registerTree(WatchService service, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> dirs = Files.walk(root)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        dir.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private static void loop(WatchService service, Runnable onChange) {
    try {
      while (true) {
        WatchKey key = service.take();
        drain(key, service);
        WatchKey more;
        while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more, service);
        }
        onChange.run();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
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
