package io.github.gradproof.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** The build's parallel loop: indexed tasks on a few daemon threads, outcomes kept by index. */
final class Workers {

  private Workers() {}

  /**
   * Runs {@code task} for 0..n-1 on {@code workers} threads (inline when one), and waits for all.
   * Tasks record their own outcomes; an unexpected exception is rethrown after all have finished.
   */
  static void forEach(int n, int workers, IntConsumer task) {
    if (workers <= 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, n), r -> {
      Thread thread = new Thread(r, "gradproof-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < Math.min(workers, n); w++) {
        futures.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            task.accept(i);
          }
        }));
      }
      RuntimeException failure = null;
      for (Future<?> future : futures) {
        try {
          future.get();
        } catch (ExecutionException e) {
          if (failure == null) {
            failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while building", e);
        }
      }
      if (failure != null) {
        throw failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
