package io.github.gradproof.verify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code task(0) .. task(n-1)} on the calling thread and on whichever helpers an executor
 * gets round to starting. The caller takes indices itself and waits only for the tasks a helper
 * has already begun, never for a helper still queued: so a task of a busy pool (a phase being
 * verified) can share its questions with idle threads without ever waiting for a thread that is
 * busy with other work, and with no idle thread it simply runs them all itself.
 */
final class SharedLoop {

  private SharedLoop() {}

  /**
   * Runs the task for every index and returns once all have run. A task is expected to record its
   * own outcome; one that throws anyway has its exception rethrown here, after the others.
   */
  static void run(int n, Executor helpers, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(n);
    Throwable[] thrown = new Throwable[n];
    Runnable loop = () -> {
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        try {
          task.accept(i);
        } catch (RuntimeException | Error e) {
          thrown[i] = e;
        } finally {
          done.countDown();
        }
      }
    };
    for (int h = 1; h < n; h++) {
      helpers.execute(loop); // each helper that starts before the work is gone takes indices too
    }
    loop.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    }
    rethrowFirst(thrown);
  }

  /** The exception of the lowest index, as a sequential loop would have thrown it. */
  private static void rethrowFirst(Throwable[] thrown) {
    for (Throwable t : thrown) {
      if (t instanceof RuntimeException e) {
        throw e;
      }
      if (t instanceof Error e) {
        throw e;
      }
    }
  }
}
