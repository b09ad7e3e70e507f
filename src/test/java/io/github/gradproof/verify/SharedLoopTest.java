package io.github.gradproof.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The calling thread shares indices with helpers that start, and never waits for one that does not. */
class SharedLoopTest {

  @Test
  void aHelperThatStartsTakesIndicesBesideTheCaller() throws InterruptedException {
    CountDownLatch both = new CountDownLatch(2);
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    List<Thread> started = new ArrayList<>();
    AtomicIntegerArray runs = new AtomicIntegerArray(4);
    SharedLoop.run(4, task -> {
      Thread helper = new Thread(task);
      started.add(helper);
      helper.start();
    }, i -> {
      threads.add(Thread.currentThread());
      runs.incrementAndGet(i);
      if (i < 2) {
        // The first two indices wait for each other: they can only both finish on two threads.
        both.countDown();
        await(both);
      }
    });
    for (Thread helper : started) {
      helper.join(10_000);
    }
    assertTrue(threads.size() >= 2, threads.toString());
    for (int i = 0; i < 4; i++) {
      assertEquals(1, runs.get(i), "index " + i + " ran once");
    }
  }

  @Test
  void aHelperThatNeverStartsIsNotWaitedFor() {
    List<Runnable> queued = new ArrayList<>();
    List<Integer> ran = new ArrayList<>();
    SharedLoop.run(5, queued::add, ran::add);
    assertEquals(List.of(0, 1, 2, 3, 4), ran, "the caller ran every index itself, in order");
    assertEquals(4 + 3, queued.size(), "one helper offered per index beyond the caller's first, then one more"
        + " before each later index that is not the last");
    queued.forEach(Runnable::run); // a helper that starts after the work is gone finds nothing to do
    assertEquals(List.of(0, 1, 2, 3, 4), ran);
  }

  /**
   * A thread busy when the work starts (the pool's other worker, still taking cached phases) that
   * becomes idle while the caller works is offered a share: indices 1 and 2 wait for each other, so
   * they can only finish if a helper started after the first index.
   */
  @Test
  void aThreadThatBecomesIdleLaterStillTakesIndices() throws InterruptedException {
    AtomicBoolean idle = new AtomicBoolean();
    CountDownLatch both = new CountDownLatch(2);
    List<Thread> started = new ArrayList<>();
    Set<Thread> threads = ConcurrentHashMap.newKeySet();
    SharedLoop.run(4, task -> {
      if (idle.getAndSet(false)) { // one helper, once the pool is idle; every other offer is dropped
        Thread helper = new Thread(task);
        started.add(helper);
        helper.start();
      }
    }, i -> {
      threads.add(Thread.currentThread());
      if (i == 0) {
        idle.set(true);
      } else if (i < 3) {
        both.countDown();
        await(both);
      }
    });
    for (Thread helper : started) {
      helper.join(10_000);
    }
    assertEquals(1, started.size());
    assertEquals(2, threads.size(), threads.toString());
  }

  /** The caller returns only once every index has finished, a helper's slow one included. */
  @Test
  void theCallerWaitsForAnIndexAHelperIsStillRunning() throws InterruptedException {
    CountDownLatch helperBusy = new CountDownLatch(1);
    AtomicIntegerArray finished = new AtomicIntegerArray(3);
    List<Thread> started = new ArrayList<>();
    Thread caller = Thread.currentThread();
    SharedLoop.run(3, task -> {
      if (started.isEmpty()) {
        Thread helper = new Thread(task);
        started.add(helper);
        helper.start();
      }
    }, i -> {
      if (Thread.currentThread() == caller && i == 0) {
        await(helperBusy); // the helper has taken index 1 before the caller goes on
      } else if (Thread.currentThread() != caller) {
        helperBusy.countDown();
        sleep(150);
      }
      finished.set(i, 1);
    });
    for (int i = 0; i < 3; i++) {
      assertEquals(1, finished.get(i), "index " + i + " had finished when run returned");
    }
    started.get(0).join(10_000);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void theExceptionOfTheLowestIndexIsRethrownAfterEveryIndexRan() {
    IllegalStateException first = new IllegalStateException("first");
    AtomicIntegerArray runs = new AtomicIntegerArray(4);
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SharedLoop.run(4, Runnable::run,
        i -> {
          runs.incrementAndGet(i);
          if (i == 3) {
            throw new IllegalStateException("later");
          }
          if (i == 1) {
            throw first;
          }
        }));
    assertSame(first, thrown);
    for (int i = 0; i < 4; i++) {
      assertEquals(1, runs.get(i), "index " + i + " ran once");
    }
  }

  @Test
  void anErrorIsRethrownAsIs() {
    AssertionError error = new AssertionError("boom");
    assertSame(error, assertThrows(AssertionError.class, () -> SharedLoop.run(2, Runnable::run, i -> {
      throw error;
    })));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS), "the other index never ran alongside");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A helper that never starts must not keep the work alive: a build queues helpers behind every
   * phase, and the results their tasks fill in would otherwise stay until the end of the build.
   */
  @Test
  void aHelperStillQueuedHoldsNothingOfTheWorkOnceItIsDone() throws InterruptedException {
    List<Runnable> queued = new ArrayList<>();
    java.lang.ref.WeakReference<Object> results = runWithResults(queued);
    for (int attempt = 0; attempt < 50 && results.get() != null; attempt++) {
      System.gc();
      Thread.sleep(10);
    }
    assertEquals(null, results.get(), "the queued helpers still reach the work's results");
    assertEquals(2 + 1, queued.size());
  }

  private static java.lang.ref.WeakReference<Object> runWithResults(List<Runnable> queued) {
    double[][] filled = new double[3][];
    SharedLoop.run(3, queued::add, i -> filled[i] = new double[1 << 16]);
    return new java.lang.ref.WeakReference<>(filled);
  }
}
