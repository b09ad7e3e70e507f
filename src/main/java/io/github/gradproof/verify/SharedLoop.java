package io.github.gradproof.verify;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code task(0) .. task(n-1)} on the calling thread and on whichever helpers an executor
 * gets round to starting. The caller takes indices itself and waits only for the tasks a helper
 * has already begun, never for a helper still queued: so a task of a busy pool (a phase being
 * verified) can share its questions with idle threads without ever waiting for a thread that is
 * busy with other work, and with no idle thread it simply runs them all itself. Before each further
 * index it takes, the caller offers one more helper, so a thread that becomes idle while the caller
 * works (its own phases done) still takes a share.
 */
final class SharedLoop {

  private SharedLoop() {}

  /**
   * Runs the task for every index and returns once all have run. A task is expected to record its
   * own outcome; one that throws anyway has its exception rethrown here, after the others.
   */
  static void run(int n, Executor helpers, IntConsumer task) {
    Work work = new Work(n, task);
    // A helper still queued when the work is done must not keep the work (and the results its task
    // fills in) alive until a thread gets round to it: it holds only this reference, cleared below.
    AtomicReference<Work> shared = new AtomicReference<>(work);
    Runnable helper = () -> {
      Work w = shared.get();
      if (w != null) {
        w.loop();
      }
    };
    for (int h = 1; h < n; h++) {
      helpers.execute(helper); // each helper that starts before the work is gone takes indices too
    }
    work.loop(() -> helpers.execute(helper));
    try {
      work.done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while verifying", e);
    } finally {
      shared.set(null);
    }
    rethrowFirst(work.thrown);
  }

  /** The indices still to take, the count of those not finished, and what each threw. */
  private static final class Work {
    final int n;
    final IntConsumer task;
    final AtomicInteger next = new AtomicInteger();
    final CountDownLatch done;
    final Throwable[] thrown;

    Work(int n, IntConsumer task) {
      this.n = n;
      this.task = task;
      this.done = new CountDownLatch(n);
      this.thrown = new Throwable[n];
    }

    void loop() {
      loop(() -> { });
    }

    /**
     * Takes indices until none is left; {@code beforeLater} runs before each one after the first that
     * is not the last.
     */
    void loop(Runnable beforeLater) {
      boolean first = true;
      for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
        if (!first && i + 1 < n) {
          beforeLater.run();
        }
        first = false;
        try {
          task.accept(i);
        } catch (RuntimeException | Error e) {
          thrown[i] = e;
        } finally {
          done.countDown();
        }
      }
    }
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
