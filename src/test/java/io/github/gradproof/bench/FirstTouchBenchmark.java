package io.github.gradproof.bench;

import java.util.Locale;

/**
 * What memory costs the first time a process touches it (docs/BENCHMARKS.md): allocates one
 * array of M megabytes in a fresh heap, whose zeroing is the first write to each of its pages,
 * then writes one byte per 4 KiB page of the same array again, and reports both times. The
 * difference is what the operating system (and, in a virtual machine, the hypervisor) charges for
 * handing over fresh pages; a cold {@code mvn site:generate} pays it for every megabyte of heap it
 * reaches. Run it with and without {@code -XX:+UseTransparentHugePages} (2 MiB pages: one fault
 * where there were 512).
 *
 * <pre>java -Xmx1g -XX:+UseSerialGC -cp target/test-classes io.github.gradproof.bench.FirstTouchBenchmark [M=200]</pre>
 */
public final class FirstTouchBenchmark {

  private static final int PAGE = 4096;

  private FirstTouchBenchmark() {}

  public static void main(String[] args) {
    int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long start = System.nanoTime();
    byte[] fresh = new byte[megabytes << 20];
    long allocated = System.nanoTime();
    for (int i = 0; i < fresh.length; i += PAGE) {
      fresh[i] = 1;
    }
    long touchedAgain = System.nanoTime();
    // The last page's byte is printed so that no compiler can drop the second pass.
    System.out.printf(Locale.ROOT, "%d MB: first touch (allocation) %.1f ms (%.2f ms/MB), touched again %.1f ms (%d)%n",
        megabytes, (allocated - start) / 1e6, (allocated - start) / 1e6 / megabytes, (touchedAgain - allocated) / 1e6,
        fresh[fresh.length - PAGE]);
  }
}
