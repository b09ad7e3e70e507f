package io.github.gradproof.autograd;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/**
 * Benchmark (a plain main, not a test): forward + backward of a 256×256 matmul and of a
 * softmax-cross-entropy on (1024, 100) logits. Warms up, then reports the median and the minimum of
 * repeated timed runs. Run it as described in {@code docs/BENCHMARKS.md}.
 */
public final class AutogradBenchmark {

  private static final int WARMUP = 30;
  private static final int RUNS = 50;

  private AutogradBenchmark() {}

  /** Runs both workloads and prints one line per workload. */
  public static void main(String[] args) {
    Rng rng = new Rng(2026);
    Tensor a = rng.normal(256, 256);
    Tensor b = rng.normal(256, 256);
    Tensor upstream = rng.normal(256, 256);
    report("matmul 256x256 @ 256x256, forward+backward", () -> {
      Var va = Var.parameter(a);
      Var vb = Var.parameter(b);
      va.matmul(vb).backward(upstream);
      return va.grad().get(0, 0) + vb.grad().get(255, 255);
    });

    report("matmul 256x256 @ 256x256, forward only (engine, i-k-j)", () ->
        Var.constant(a).matmul(Var.constant(b)).value().get(7, 7));
    double[] x = a.toArray();
    double[] y = b.toArray();
    report("matmul 256x256 @ 256x256, forward only (textbook i-j-k loop, for comparison)",
        () -> textbookMatmul(x, y, 256)[7 * 256 + 7]);

    Tensor logits = rng.normal(1024, 100);
    Tensor labels = rng.labels(100, 1024);
    report("cross_entropy(logits (1024, 100), labels (1024,)), forward+backward", () -> {
      Var z = Var.parameter(logits);
      Var loss = Var.crossEntropy(z, labels);
      loss.backward();
      return loss.value().item() + z.grad().get(0, 0);
    });
    report("log_softmax + one-hot pick + mean (composed ops) on (1024, 100), forward+backward", () -> {
      Var z = Var.parameter(logits);
      Var loss = z.logSoftmax(-1).mul(Var.constant(Var.oneHot(labels, 100))).sum().neg()
          .div(Var.constant(Tensor.scalar(1024)));
      loss.backward();
      return loss.value().item() + z.grad().get(0, 0);
    });
  }

  /** The i-j-k order the engine avoids: the inner loop strides down a column of B. */
  private static double[] textbookMatmul(double[] x, double[] y, int n) {
    double[] out = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double acc = 0;
        for (int k = 0; k < n; k++) {
          acc += x[i * n + k] * y[k * n + j];
        }
        out[i * n + j] = acc;
      }
    }
    return out;
  }

  private static void report(String name, DoubleSupplier work) {
    double sink = 0;
    for (int i = 0; i < WARMUP; i++) {
      sink += work.getAsDouble();
    }
    double[] ms = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      sink += work.getAsDouble();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf(Locale.ROOT, "%-85s median %8.3f ms   min %8.3f ms   (%d runs after %d warm-up; checksum %.6g)%n",
        name, ms[RUNS / 2], ms[0], RUNS, WARMUP, sink);
  }
}
