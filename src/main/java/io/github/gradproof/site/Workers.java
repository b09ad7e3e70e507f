package io.github.gradproof.site;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The one executor of a build: created once per build, sized by {@link BuildOptions#threads()},
 * and handed to every step that runs in parallel. With one thread there is no pool at all: every
 * task runs on the calling thread, so the whole build is single-threaded.
 *
 * <p>Only the thread that runs the build waits for tasks; a task never waits for another task,
 * so a fixed pool cannot deadlock.
 */
final class Workers implements AutoCloseable {

  private final int threads;
  private final ThreadPoolExecutor pool;

  private Workers(int threads, ThreadPoolExecutor pool) {
    this.threads = threads;
    this.pool = pool;
  }

  /** Workers for {@code threads} threads (at least one); threads start only when tasks arrive. */
  static Workers start(int threads) {
    if (threads <= 1) {
      return new Workers(1, null);
    }
    return new Workers(threads, new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread thread = new Thread(r, "gradproof-worker");
          thread.setDaemon(true);
          return thread;
        }));
  }

  /** How many threads run tasks. */
  int threads() {
    return threads;
  }

  /** The executor of every parallel step: the pool, or the calling thread when single-threaded. */
  Executor executor() {
    return pool != null ? pool : Runnable::run;
  }

  /**
   * An executor for optional help: a task goes to the pool only while a thread is idle and nothing
   * waits in the queue, and is dropped otherwise (with one thread, always). Only for tasks whose
   * owner does the work itself when no helper comes, and never waits for one that has not started.
   */
  Executor idleHelpers() {
    if (pool == null) {
      return task -> { };
    }
    return task -> {
      if (pool.getActiveCount() < threads && pool.getQueue().isEmpty()) {
        pool.execute(task);
      }
    };
  }

  /** Starts {@code task} on the executor (runs it right away when single-threaded). */
  <T> CompletableFuture<T> submit(Supplier<T> task) {
    return CompletableFuture.supplyAsync(task, executor());
  }

  /**
   * Runs {@code task} for 0..n-1 on the workers and waits for all. Tasks record their own
   * outcomes; an unexpected exception is rethrown after all have finished.
   */
  void forEach(int n, IntConsumer task) {
    if (pool == null || n <= 1) {
      for (int i = 0; i < n; i++) {
        task.accept(i);
      }
      return;
    }
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> loops = new ArrayList<>();
    for (int w = 0; w < Math.min(threads, n); w++) {
      loops.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
          task.accept(i);
        }
      }));
    }
    awaitAll(loops);
  }

  private static void awaitAll(List<Future<?>> futures) {
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
  }

  /** Stops the threads; tasks still queued are dropped (a failed build does not wait for them). */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
